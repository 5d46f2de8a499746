import type { TestRedisServer } from './redis-server';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __testRedis?: TestRedisServer };
  await holder.__testRedis?.stop();
  holder.__testRedis = undefined;
  delete process.env.TEST_REDIS_URL;
}

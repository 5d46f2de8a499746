import { TestRedisServer } from './redis-server';

/**
 * Starts one private redis-server for the e2e run unless REDIS_URL is given (then that Redis is used and never
 * flushed: tests isolate themselves with a unique queue prefix). Workers inherit TEST_REDIS_URL.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_REDIS_URL) return;
  if (process.env.REDIS_URL) {
    process.env.TEST_REDIS_URL = process.env.REDIS_URL;
    return;
  }
  const server = await TestRedisServer.start();
  process.env.TEST_REDIS_URL = server.url;
  (globalThis as { __testRedis?: TestRedisServer }).__testRedis = server;
}

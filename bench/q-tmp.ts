import { join } from 'node:path';
import { ServiceProcess } from './lib/service';
import { call } from './lib/journey';
import { summarize } from './lib/stats';
import { TestRedisServer } from '../test/support/redis-server';
(async () => {
  const dir = process.argv[2];
  const redis = await TestRedisServer.start();
  const svc = await ServiceProcess.start({ DB_TYPE: 'sqlite', SQLITE_PATH: join(dir, 'engine.sqlite'), DATA_DIR: join(dir, 'data'), MAIL_OUTBOX_DIR: join(dir, 'outbox'), REDIS_URL: redis.url, QUEUE_WORKERS: 'off' }, join(dir, 'q.log'), process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []);
  const login = (await call(svc.url, 'POST', '/auth/login', undefined, { email: 'bu@bench.test', password: 'bench password for bu' })) as any;
  for (const path of ['/cases?overdue=true', '/cases?overdue=true&limit=5', '/cases?dueWithinDays=5', '/cases']) {
    const lat: number[] = [];
    for (let i = 0; i < 100; i++) { const t = performance.now(); await call(svc.url, 'GET', path, login.accessToken); lat.push(performance.now() - t); }
    console.log(path, summarize(lat.slice(10)), 'rss', svc.peakRssMb);
  }
  await svc.stop(); await redis.stop();
})().catch((e) => { console.error(e); process.exit(1); });

import { TestApp } from '../support/test-app';
import { runTs } from '../support/run-ts';

describe('Operations: health and API docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('reports the database and Redis as up on /health without a token, and the reminder counts only to an admin', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
    const admin = await t.http
      .get('/health')
      .auth(await t.login(), { type: 'bearer' })
      .expect(200);
    expect(admin.body).toEqual({
      status: 'ok',
      checks: {
        database: { status: 'up' },
        redis: { status: 'up' },
        reminders: { status: 'up', failed: 0, pending: 0 },
      },
    });
  });

  it('serves the OpenAPI document generated from the DTOs', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/auth/login', '/users', '/partnership', '/health']),
    );
    expect(res.body.components.schemas.CreateUserDto.required).toEqual(
      expect.arrayContaining(['email', 'name', 'password', 'roles']),
    );
    await t.http.get('/docs').expect(200);
  });
});

describe('Operations: Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => t.close());

  it('still starts, serves logins, and reports Redis as down (degraded, not an error)', async () => {
    await t.login();
    const res = await t.http.get('/health').expect(200);
    expect(res.body.status).toBe('degraded');
    expect(res.body.checks.database.status).toBe('up');
    expect(res.body.checks.redis.status).toBe('down');
  });
});

describe('Operations: another partnership from the operator command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates the partnership and its first admin, who can then log in', async () => {
    const run = await runTs(
      'apps/api/src/cli/create-partnership.ts',
      [
        '--name',
        'Eastshire Safeguarding Partnership',
        '--admin-email',
        'east-admin@partnership.test',
        '--admin-password',
        'a long enough password',
      ],
      t.env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Created partnership "Eastshire Safeguarding Partnership" \(.+\) with admin east-admin@partnership.test\n$/,
    );
    const token = await t.login('east-admin@partnership.test', 'a long enough password');
    const partnership = await t.http.get('/partnership').auth(token, { type: 'bearer' }).expect(200);
    expect(partnership.body.name).toBe('Eastshire Safeguarding Partnership');
  });
});

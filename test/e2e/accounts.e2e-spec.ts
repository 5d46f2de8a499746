import { DataSource } from 'typeorm';
import { PartnershipsService } from '@app/auth';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

describe('Accounts, login and access', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.login();
  });
  afterAll(() => t.close());

  it('creates the first partnership and admin from ADMIN_EMAIL and ADMIN_PASSWORD on a first start', async () => {
    const me = await t.http.get('/users/me').auth(admin, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN_EMAIL, roles: ['admin'] });
    const partnership = await t.http.get('/partnership').auth(admin, { type: 'bearer' }).expect(200);
    expect(partnership.body.signOffAgencies).toEqual(['local-authority', 'police', 'health']);
  });

  it('does not create a second admin when the service restarts', async () => {
    await t.restart();
    admin = await t.login();
    const users = await t.http.get('/users').auth(admin, { type: 'bearer' }).expect(200);
    expect(users.body.filter((u: { roles: string[] }) => u.roles.includes('admin'))).toHaveLength(1);
  });

  it('issues a bearer token for the right password', async () => {
    const res = await t.http.post('/auth/login').send({ email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
  });

  it('refuses a wrong password and an unknown email alike with 401', async () => {
    const wrong = await t.http.post('/auth/login').send({ email: ADMIN_EMAIL, password: 'not the password' });
    const unknown = await t.http.post('/auth/login').send({ email: 'nobody@x.test', password: 'whatever' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, code: 'unauthenticated', message: 'Email or password is wrong' });
    }
  });

  it('answers 401 without a token and with a forged one', async () => {
    const none = await t.http.get('/partnership');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthenticated');
    const forged = await t.http.get('/partnership').auth('eyJhbGciOiJIUzI1NiJ9.e30.x', { type: 'bearer' });
    expect(forged.status).toBe(401);
  });

  it('answers 403 when a user without the admin role manages users', async () => {
    const bu = await t.userWithToken(admin, { email: 'bu@partnership.test', roles: ['business-unit'] });
    const res = await t.http
      .post('/users')
      .auth(bu.token, { type: 'bearer' })
      .send({ email: 'x@partnership.test', name: 'X', password: 'long enough password', roles: ['scrutineer'] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  it('checks the body before the role: a malformed body is a 400 even for a user who may not send it', async () => {
    const sc = await t.userWithToken(admin, { email: 'sc@partnership.test', roles: ['scrutineer'] });
    const res = await t.http.post('/users').auth(sc.token, { type: 'bearer' }).send({ email: 'nope' });
    expect(res.status).toBe(400);
  });

  it('refuses an unknown field with 400 naming it, and creates nothing', async () => {
    const res = await t.http
      .post('/users')
      .auth(admin, { type: 'bearer' })
      .send({
        email: 'new@partnership.test',
        name: 'N',
        password: 'long enough password',
        roles: ['scrutineer'],
        isAdmin: true,
      });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation-failed');
    expect(res.body.details).toEqual([{ field: 'isAdmin', messages: ['isAdmin is not a known field'] }]);
    const users = await t.http.get('/users').auth(admin, { type: 'bearer' }).expect(200);
    expect(users.body.map((u: { email: string }) => u.email)).not.toContain('new@partnership.test');
  });

  it('requires an agency for a delegated partner and never returns the password', async () => {
    const missing = await t.http
      .post('/users')
      .auth(admin, { type: 'bearer' })
      .send({
        email: 'dp@partnership.test',
        name: 'DP',
        password: 'long enough password',
        roles: ['delegated-partner'],
      });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['agency']);
    const ok = await t.http
      .post('/users')
      .auth(admin, { type: 'bearer' })
      .send({
        email: 'dp@partnership.test',
        name: 'DP',
        password: 'long enough password',
        roles: ['delegated-partner'],
        agency: 'police',
      });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ email: 'dp@partnership.test', agency: 'police', roles: ['delegated-partner'] });
    expect(JSON.stringify(ok.body)).not.toMatch(/password/i);
  });

  it('answers 409 conflict for an email already in use', async () => {
    const body = {
      email: 'twice@partnership.test',
      name: 'T',
      password: 'long enough password',
      roles: ['scrutineer'],
    };
    await t.http.post('/users').auth(admin, { type: 'bearer' }).send(body).expect(201);
    const again = await t.http.post('/users').auth(admin, { type: 'bearer' }).send(body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
  });

  it("shows a user nothing of another partnership's users or settings", async () => {
    const other = await t.get(PartnershipsService).createWithAdmin('Other partnership', {
      email: 'admin@other.test',
      password: 'other admin password',
    });
    const otherAdmin = await t.login('admin@other.test', 'other admin password');
    const theirs = await t.http.get('/users').auth(otherAdmin, { type: 'bearer' }).expect(200);
    expect(theirs.body.map((u: { email: string }) => u.email)).toEqual(['admin@other.test']);
    const partnership = await t.http.get('/partnership').auth(otherAdmin, { type: 'bearer' }).expect(200);
    expect(partnership.body).toMatchObject({ id: other.partnership.id, name: 'Other partnership' });
    await t.http.patch('/partnership').auth(otherAdmin, { type: 'bearer' }).send({ name: 'Renamed' }).expect(200);
    const ours = await t.http.get('/partnership').auth(admin, { type: 'bearer' }).expect(200);
    expect(ours.body.name).not.toBe('Renamed');
  });

  it('answers 400 in the contract shape for malformed JSON', async () => {
    const res = await t.http.post('/auth/login').set('content-type', 'application/json').send('{"email":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'validation-failed' });
  });

  it('throttles repeated login attempts with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await t.http.post('/auth/login').send({ email: 'throttle@x.test', password: 'x' })).status);
    }
    expect(statuses).toContain(429);
  });

  it('runs every migration so the schema matches the entities exactly', async () => {
    const sql = await t.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});

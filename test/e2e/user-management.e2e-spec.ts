import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource, MoreThan } from 'typeorm';
import { PartnershipsService, WebSessionEntity, WebSessionStore } from '@app/auth';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

const PASSWORD = 'a long enough password';

describe('Managing users and your own account through the API', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    // Plain http, so the session cookie of a page sign-in is sent back by the test's agent.
    // Each login names its own client address (through a trusted proxy): logins are limited to ten a minute per address.
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', TRUSTED_PROXIES: 'loopback' } });
    admin = await tokenOf(ADMIN_EMAIL, ADMIN_PASSWORD);
    adminId = (await t.http.get('/users/me').auth(admin, { type: 'bearer' })).body.id;
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  let addresses = 0;
  const anotherAddress = () => ({ 'X-Forwarded-For': `198.51.100.${++addresses % 250}` });
  const login = (email: string, password: string) =>
    t.http.post('/auth/login').set(anotherAddress()).send({ email, password });
  async function tokenOf(email: string, password: string): Promise<string> {
    const res = await login(email, password);
    if (res.status !== 200) throw new Error(`login as ${email}: ${res.status} ${res.text}`);
    return res.body.accessToken;
  }

  async function addUser(roles: string[], agency?: string, password = PASSWORD) {
    const email = `${roles[0]}-${randomUUID().slice(0, 8)}@partnership.test`;
    const res = await t.http
      .post('/users')
      .set(bearer(admin))
      .send({ email, name: 'Pat Person', password, roles, ...(agency ? { agency } : {}) });
    if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
    return { id: res.body.id as string, email, password };
  }

  /** Signs in through the sign-in page, as a browser would; the agent keeps the session cookie. */
  async function pageSession(email: string, password: string) {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    await agent.post('/sign-in').set(anotherAddress()).type('form').send({ _csrf: csrf, email, password }).expect(303);
    return agent;
  }
  const isSignedIn = async (agent: ReturnType<typeof request.agent>) => (await agent.get('/')).status === 200;

  /** The user's sessions still running (an ended one is kept, expired, until the sweep). */
  const sessionsOf = (userId: string) =>
    t
      .get(DataSource)
      .getRepository(WebSessionEntity)
      .countBy({ userId, expiresAtMs: MoreThan(Date.now()) });

  describe('PATCH /users/:id', () => {
    it('changes name, roles and agency, and the new roles apply to the next request', async () => {
      const user = await addUser(['business-unit']);
      const token = await tokenOf(user.email, user.password);
      const res = await t.http
        .patch(`/users/${user.id}`)
        .set(bearer(admin))
        .send({ name: '  Pat Renamed ', roles: ['delegated-partner'], agency: 'police' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: user.id,
        name: 'Pat Renamed',
        roles: ['delegated-partner'],
        agency: 'police',
        active: true,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password/i);
      const me = await t.http.get('/users/me').set(bearer(token)).expect(200);
      expect(me.body.roles).toEqual(['delegated-partner']);
    });

    it('refuses roles that separation of duties forbids together, changing nothing', async () => {
      const user = await addUser(['business-unit']);
      const res = await t.http
        .patch(`/users/${user.id}`)
        .set(bearer(admin))
        .send({ roles: ['business-unit', 'delegated-partner'], agency: 'health' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation-failed');
      expect(res.body.details).toEqual([
        {
          field: 'roles',
          messages: [expect.stringContaining('roles may not combine business-unit with delegated-partner')],
        },
      ]);
      const scrutineer = await t.http
        .patch(`/users/${user.id}`)
        .set(bearer(admin))
        .send({ roles: ['scrutineer', 'subgroup-member'] });
      expect(scrutineer.status).toBe(400);
      const users = (await t.http.get('/users').set(bearer(admin))).body as { id: string; roles: string[] }[];
      expect(users.find((u) => u.id === user.id)?.roles).toEqual(['business-unit']);
    });

    it('needs an agency for a partner role: the one given, or the one the user already has', async () => {
      const user = await addUser(['lead-reviewer']);
      const missing = await t.http
        .patch(`/users/${user.id}`)
        .set(bearer(admin))
        .send({ roles: ['lead-partner'] });
      expect(missing.status).toBe(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['agency']);
      await t.http
        .patch(`/users/${user.id}`)
        .set(bearer(admin))
        .send({ roles: ['lead-partner'], agency: 'health' })
        .expect(200);
      // The stored agency serves a later change of roles; taking it away from a partner is refused.
      await t.http
        .patch(`/users/${user.id}`)
        .set(bearer(admin))
        .send({ roles: ['delegated-partner'] })
        .expect(200);
      const cleared = await t.http.patch(`/users/${user.id}`).set(bearer(admin)).send({ agency: null });
      expect(cleared.status).toBe(400);
      const back = await t.http
        .patch(`/users/${user.id}`)
        .set(bearer(admin))
        .send({ roles: ['lead-reviewer'], agency: null })
        .expect(200);
      expect(back.body.agency).toBeUndefined();
    });

    it('refuses null for a field and unknown fields, with 400 naming them', async () => {
      const user = await addUser(['scrutineer']);
      const res = await t.http
        .patch(`/users/${user.id}`)
        .set(bearer(admin))
        .send({ name: null, active: 'no', partnershipId: randomUUID() });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'active',
        'name',
        'partnershipId',
      ]);
    });

    it("answers 404 for another partnership's user, an unknown id and a malformed one, to its admin too", async () => {
      const other = await t
        .get(PartnershipsService)
        .createWithAdmin('Elsewhere Partnership', { email: 'admin@elsewhere.test', password: PASSWORD });
      const otherAdmin = await tokenOf('admin@elsewhere.test', PASSWORD);
      for (const id of [other.admin.id, randomUUID(), 'not-a-uuid']) {
        const res = await t.http.patch(`/users/${id}`).set(bearer(admin)).send({ active: false });
        expect({ id, status: res.status, code: res.body.code }).toEqual({ id, status: 404, code: 'not-found' });
        const reset = await t.http.post(`/users/${id}/password`).set(bearer(admin)).send({ password: PASSWORD });
        expect({ id, status: reset.status }).toEqual({ id, status: 404 });
      }
      // And the other way round: their admin cannot reach ours.
      const ours = await t.http.patch(`/users/${adminId}`).set(bearer(otherAdmin)).send({ name: 'Taken over' });
      expect(ours.status).toBe(404);
      await login('admin@elsewhere.test', PASSWORD).expect(200);
    });

    it("checks in the contract's order: 400 for the body, then 404, then 403 for a non-admin", async () => {
      const worker = await addUser(['business-unit']);
      const token = await tokenOf(worker.email, worker.password);
      const target = await addUser(['scrutineer']);
      expect((await t.http.patch(`/users/${randomUUID()}`).set(bearer(token)).send({ roles: 'x' })).status).toBe(400);
      expect((await t.http.patch(`/users/${randomUUID()}`).set(bearer(token)).send({ name: 'X' })).status).toBe(404);
      const forbidden = await t.http.patch(`/users/${target.id}`).set(bearer(token)).send({ name: 'X' });
      expect({ status: forbidden.status, code: forbidden.body.code }).toEqual({ status: 403, code: 'forbidden' });
      const reset = await t.http.post(`/users/${target.id}/password`).set(bearer(token)).send({ password: PASSWORD });
      expect(reset.status).toBe(403);
      expect((await t.http.patch(`/users/${target.id}`).send({ name: 'X' })).status).toBe(401);
    });
  });

  describe('deactivating', () => {
    it('refuses the bearer token at once, ends every browser session and stops login; reactivating lets them back', async () => {
      const user = await addUser(['subgroup-member']);
      const token = await tokenOf(user.email, user.password);
      const first = await pageSession(user.email, user.password);
      const second = await pageSession(user.email, user.password);
      expect(await isSignedIn(first)).toBe(true);
      expect(await sessionsOf(user.id)).toBe(2);

      const res = await t.http.patch(`/users/${user.id}`).set(bearer(admin)).send({ active: false }).expect(200);
      expect(res.body.active).toBe(false);

      expect((await t.http.get('/users/me').set(bearer(token))).status).toBe(401);
      expect((await t.http.get('/cases').set(bearer(token))).status).toBe(401);
      expect(await sessionsOf(user.id)).toBe(0);
      for (const agent of [first, second]) {
        const page = await agent.get('/');
        expect({ status: page.status, location: page.headers.location }).toEqual({
          status: 303,
          location: '/sign-in',
        });
      }
      expect((await login(user.email, user.password)).status).toBe(401);

      await t.http.patch(`/users/${user.id}`).set(bearer(admin)).send({ active: true }).expect(200);
      await login(user.email, user.password).expect(200);
    });
  });

  describe('an ended session', () => {
    it('stays ended when a request of it, still in flight, saves it afterwards', async () => {
      const user = await addUser(['business-unit']);
      const store = t.get(WebSessionStore);
      const save = (sid: string) =>
        new Promise<void>((resolve, reject) =>
          store.set(sid, { userId: user.id, partnershipId: 'p', cookie: {} } as never, (e) =>
            e ? reject(e) : resolve(),
          ),
        );
      const load = (sid: string) =>
        new Promise<unknown>((resolve, reject) => store.get(sid, (e, found) => (e ? reject(e) : resolve(found))));
      await save('in-flight');
      await save('kept');
      expect(await store.endSessionsOf(user.id, 'kept')).toBe(1);
      await save('in-flight');
      expect(await load('in-flight')).toBeNull();
      expect(await load('kept')).toMatchObject({ userId: user.id });
    });
  });

  describe('the last active admin', () => {
    it('cannot deactivate themselves or give up the admin role, with a 409 saying why; with another admin they can', async () => {
      for (const change of [{ active: false }, { roles: ['business-unit'] }]) {
        const res = await t.http.patch(`/users/${adminId}`).set(bearer(admin)).send(change);
        expect({ change, status: res.status, code: res.body.code }).toEqual({ change, status: 409, code: 'conflict' });
        expect(res.body.message).toMatch(/last active admin/);
      }
      // A deactivated admin does not count.
      const sleeping = await addUser(['admin']);
      await t.http.patch(`/users/${sleeping.id}`).set(bearer(admin)).send({ active: false }).expect(200);
      expect((await t.http.patch(`/users/${adminId}`).set(bearer(admin)).send({ active: false })).status).toBe(409);

      const second = await addUser(['admin']);
      const secondToken = await tokenOf(second.email, second.password);
      await t.http
        .patch(`/users/${adminId}`)
        .set(bearer(admin))
        .send({ roles: ['admin', 'business-unit'] })
        .expect(200);
      // Now the second admin is the last one who may not step down, and the first may be deactivated by them.
      await t.http.patch(`/users/${adminId}`).set(bearer(secondToken)).send({ active: false }).expect(200);
      expect((await t.http.patch(`/users/${second.id}`).set(bearer(secondToken)).send({ active: false })).status).toBe(
        409,
      );
      await t.http.patch(`/users/${adminId}`).set(bearer(secondToken)).send({ active: true }).expect(200);
      admin = await tokenOf(ADMIN_EMAIL, ADMIN_PASSWORD);
    });
  });

  describe('POST /users/:id/password (an admin resets it)', () => {
    it('sets the new password, refuses the old, and ends the browser sessions', async () => {
      const user = await addUser(['business-unit']);
      const session = await pageSession(user.email, user.password);
      const short = await t.http.post(`/users/${user.id}/password`).set(bearer(admin)).send({ password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.details).toEqual([
        { field: 'password', messages: ['password must be at least 12 characters'] },
      ]);

      const res = await t.http
        .post(`/users/${user.id}/password`)
        .set(bearer(admin))
        .send({ password: 'the new password set by an admin' });
      expect(res.status).toBe(204);
      expect(await isSignedIn(session)).toBe(false);
      expect((await login(user.email, user.password)).status).toBe(401);
      await login(user.email, 'the new password set by an admin').expect(200);
    });
  });

  describe('POST /users/me/password (a user changes their own)', () => {
    it('needs the current password, then the new one works and the old does not; browser sessions end', async () => {
      const user = await addUser(['scrutineer']);
      const token = await tokenOf(user.email, user.password);
      const session = await pageSession(user.email, user.password);
      const wrong = await t.http
        .post('/users/me/password')
        .set(bearer(token))
        .send({ currentPassword: 'not my password', newPassword: 'my brand new password' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual([
        { field: 'currentPassword', messages: ['currentPassword is not your current password'] },
      ]);
      const same = await t.http
        .post('/users/me/password')
        .set(bearer(token))
        .send({ currentPassword: user.password, newPassword: user.password });
      expect(same.status).toBe(400);
      expect(same.body.details.map((d: { field: string }) => d.field)).toEqual(['newPassword']);

      await t.http
        .post('/users/me/password')
        .set(bearer(token))
        .send({ currentPassword: user.password, newPassword: 'my brand new password' })
        .expect(204);
      expect(await isSignedIn(session)).toBe(false);
      expect((await login(user.email, user.password)).status).toBe(401);
      await login(user.email, 'my brand new password').expect(200);
    });

    it("counts a wrong current password against the account's limit, like a login", async () => {
      const user = await addUser(['lead-reviewer']);
      const token = await tokenOf(user.email, user.password);
      const attempt = () =>
        t.http
          .post('/users/me/password')
          .set(bearer(token))
          .send({ currentPassword: 'a guess at it', newPassword: 'my brand new password' });
      for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(400);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('too-many-requests');
      // Logins share the window: the account is held back there too.
      expect((await login(user.email, user.password)).status).toBe(429);
    });

    it('lets the first admin change their own password too', async () => {
      await t.http
        .post('/users/me/password')
        .set(bearer(admin))
        .send({ currentPassword: ADMIN_PASSWORD, newPassword: 'the admin password, changed' })
        .expect(204);
      await login(ADMIN_EMAIL, 'the admin password, changed').expect(200);
      await t.http
        .post('/users/me/password')
        .set(bearer(admin))
        .send({ currentPassword: 'the admin password, changed', newPassword: ADMIN_PASSWORD })
        .expect(204);
    });
  });
});

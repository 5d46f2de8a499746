import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import {
  ACCOUNT_LOGIN_LIMIT,
  ACCOUNT_LOGIN_WINDOW_MS,
  MAX_CONCURRENT_HASHES,
  PartnershipEntity,
  PartnershipsService,
  PasswordHasher,
} from '@app/auth';
import { IdempotencyRecordEntity, IdempotencyRecords } from '@app/cases';
import { Clock } from '@app/common';
import { TransactionRunner } from '@app/database';
import { makeTeam, openCase, setToday, type Team } from '../support/case-helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

/** The real argon2, watched: how many verifications run at the same moment. */
jest.mock('argon2', () => {
  const real = jest.requireActual('argon2');
  const watch = { running: 0, most: 0 };
  return {
    ...real,
    watch,
    verify: async (...args: unknown[]) => {
      watch.most = Math.max(watch.most, ++watch.running);
      try {
        return await real.verify(...args);
      } finally {
        watch.running--;
      }
    },
  };
});
const argon2Watch = (argon2 as unknown as { watch: { running: number; most: number } }).watch;

/** What an independent security probe found (issue 10, item 9), each checked through HTTP against the real app. */

const TOO_MANY = /^Too many attempts; try again in \d+ seconds?$/;
const STACK_OR_PATH = /\bat .+\(|node_modules|\/work\/|\.ts:\d+|\.js:\d+/;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function cookieOf(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const cookies = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return cookies.find((c) => c.startsWith(`${name}=`));
}

describe('Security: headers, dashboard, health, users and idempotency (no proxy trusted, the default)', () => {
  let t: TestApp;
  let team: Team;

  beforeAll(async () => {
    // Published at a plain http address, as in development: over http the dashboard cookie cannot be Secure.
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off', PUBLIC_URL: 'http://localhost:3000' } });
    team = await makeTeam(t);
  });
  afterAll(() => t.close());

  it('sends nosniff, no framing, no referrer and no X-Powered-By on the API, the docs and the dashboard; no HSTS over http', async () => {
    const answers: [string, Awaited<ReturnType<typeof t.http.get>>][] = [
      ['/health', await t.http.get('/health')],
      ['/cases', await t.http.get('/cases')],
      ['/docs', await t.http.get('/docs')],
      ['/admin/queues (401)', await t.http.get('/admin/queues')],
      ['/admin/queues', await t.http.get('/admin/queues').set(bearer(team.admin))],
      ['/admin/queues/api/queues', await t.http.get('/admin/queues/api/queues').set(bearer(team.admin))],
      // A forged header from an untrusted peer does not make the request https.
      ['/health, forged https', await t.http.get('/health').set('X-Forwarded-Proto', 'https')],
    ];
    for (const [path, res] of answers) {
      expect({ path, nosniff: res.headers['x-content-type-options'] }).toEqual({ path, nosniff: 'nosniff' });
      expect({ path, csp: res.headers['content-security-policy'] }).toEqual({
        path,
        csp: expect.stringContaining("frame-ancestors 'none'"),
      });
      expect({ path, frame: res.headers['x-frame-options'], referrer: res.headers['referrer-policy'] }).toEqual({
        path,
        frame: 'DENY',
        referrer: 'no-referrer',
      });
      expect({ path, poweredBy: res.headers['x-powered-by'], hsts: res.headers['strict-transport-security'] }).toEqual({
        path,
        poweredBy: undefined,
        hsts: undefined,
      });
    }
  });

  it('keeps Swagger UI working under the CSP: its scripts are files served from here, none inline', async () => {
    const page = await t.http.get('/docs').expect(200);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toMatch(/script-src 'self'/);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src=["']([^"']+)["']/.exec(attributes)?.[1];
      expect(src).toBeDefined();
      expect(src).not.toMatch(/^(https?:)?\/\//);
      const asset = await t.http.get(new URL(src!, 'http://x/docs').pathname);
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
    }
  });

  it("opens the queue dashboard to the first start's partnership only, whatever the creation times say", async () => {
    const other = await t
      .get(PartnershipsService)
      .createWithAdmin('Another partnership', { email: 'other-admin@x.test', password: 'another long password 1' });
    // Made in the same second as the first, or with a clock set back: the order of creation cannot tell them apart.
    await t
      .get(TransactionRunner)
      .run((m) =>
        m.getRepository(PartnershipEntity).update({ id: other.partnership.id }, { createdAt: new Date('2020-01-01') }),
      );
    const otherAdmin = await t.login('other-admin@x.test', 'another long password 1');
    expect((await t.http.get('/admin/queues').set(bearer(otherAdmin))).status).toBe(403);
    expect((await t.http.get('/admin/queues').set(bearer(team.admin))).status).toBe(200);
  });

  it('answers a malformed dashboard query with a 400 without stack or file paths', async () => {
    const res = await t.http.get('/admin/queues/api/queues?activeQueue=%25E0%25A4').set(bearer(team.admin));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'validation-failed', message: 'The request is malformed' });
    expect(res.text).not.toMatch(STACK_OR_PATH);
    expect(res.headers['x-powered-by']).toBeUndefined();
    const others = [
      await t.http.put('/admin/queues/api/queues/%E0%A4/pause').set(bearer(team.admin)),
      await t.http.get('/admin/queues/api/queues/%E0%A4/').set(bearer(team.admin)),
      await t.http.get('/admin/queues/no/such/page%E0').set(bearer(team.admin)),
    ];
    for (const other of others) {
      expect({ status: other.status, stack: STACK_OR_PATH.test(other.text) }).toEqual({
        status: expect.any(Number),
        stack: false,
      });
      expect([400, 404, 405]).toContain(other.status);
    }
  });

  it('keeps the bearer token out of the dashboard cookie: a short-lived dashboard session, HttpOnly, SameSite=Strict, on its path', async () => {
    const page = await t.http.get('/admin/queues').set(bearer(team.admin)).expect(200);
    const cookie = cookieOf(page, 'pr_queues_session');
    expect(cookie).toBeDefined();
    const value = cookie!.split(';')[0].slice('pr_queues_session='.length);
    expect(value).not.toContain(team.admin);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/admin\/queues(;|$)/);
    expect(cookie).toMatch(/; Max-Age=1800(;|$)/);
    expect(cookie).not.toMatch(/; Secure/);
    expect(cookieOf(page, 'pr_queues_token')).toBeUndefined();

    // The session opens the dashboard's own requests, and nothing else.
    await t.http.get('/admin/queues/api/queues').set('Cookie', `pr_queues_session=${value}`).expect(200);
    expect((await t.http.get('/users/me').set(bearer(value))).status).toBe(401);
    // A bearer token in a cookie is no session.
    expect((await t.http.get('/admin/queues/api/queues').set('Cookie', `pr_queues_session=${team.admin}`)).status).toBe(
      401,
    );
    expect((await t.http.get('/admin/queues/api/queues').set('Cookie', `pr_queues_token=${team.admin}`)).status).toBe(
      401,
    );
  });

  it('shows only up or down per component without a token, and reminder counts to an admin for their own partnership', async () => {
    setToday(t, '2026-01-05');
    await openCase(t, team.bu);
    const anonymous = await t.http.get('/health').expect(200);
    expect(anonymous.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
    // A token that is not an admin's adds nothing.
    expect((await t.http.get('/health').set(bearer(team.bu)).expect(200)).body).toEqual(anonymous.body);

    const ours = await t.http.get('/health').set(bearer(team.admin)).expect(200);
    expect(ours.body.checks.reminders).toEqual({ status: 'up', failed: 0, pending: expect.any(Number) });
    expect(ours.body.checks.reminders.pending).toBeGreaterThan(0);

    await t
      .get(PartnershipsService)
      .createWithAdmin('Another partnership', { email: 'admin@another.test', password: 'another admin password' });
    const theirs = await t.http
      .get('/health')
      .set(bearer(await t.login('admin@another.test', 'another admin password')))
      .expect(200);
    expect(theirs.body.checks.reminders).toEqual({ status: 'up', failed: 0, pending: 0 });
  });

  it('refuses an email address with a quoted local part, a line break or a control character', async () => {
    for (const email of [
      '"jo\nbloggs"@council.test',
      '"jo bloggs"@council.test',
      '"jo"@council.test',
      'jo\u0007bloggs@council.test',
    ]) {
      const res = await t.http
        .post('/users')
        .set(bearer(team.admin))
        .send({ email, name: 'Jo', password: 'a long enough password', roles: ['business-unit'] });
      expect({ email, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
        email,
        status: 400,
        fields: ['email'],
      });
    }
  });

  it('refuses roles that would let one person open or recommend and also sign, or scrutinise their own work', async () => {
    const refused = [
      { roles: ['business-unit', 'delegated-partner'], agency: 'police' },
      { roles: ['subgroup-member', 'delegated-partner'], agency: 'health' },
      { roles: ['scrutineer', 'business-unit'] },
      { roles: ['scrutineer', 'subgroup-member'] },
      { roles: ['scrutineer', 'delegated-partner'], agency: 'health' },
    ];
    for (const [i, combination] of refused.entries()) {
      const res = await t.http
        .post('/users')
        .set(bearer(team.admin))
        .send({ email: `sod${i}@partnership.test`, name: 'Both', password: 'a long enough password', ...combination });
      expect({
        combination,
        status: res.status,
        fields: res.body.details?.map((d: { field: string }) => d.field),
      }).toEqual({ combination, status: 400, fields: ['roles'] });
      expect(res.body.details[0].messages.join(' ')).toContain(`${combination.roles[0]} with ${combination.roles[1]}`);
    }
    const allowed = await t.http
      .post('/users')
      .set(bearer(team.admin))
      .send({
        email: 'bu-and-subgroup@partnership.test',
        name: 'Case worker',
        password: 'a long enough password',
        roles: ['business-unit', 'subgroup-member'],
      });
    expect(allowed.status).toBe(201);
  });

  describe('Idempotency-Key', () => {
    const informed = (informedOn: string) => ({ type: 'partners.informed', informedOn });
    const send = (token: string, caseId: string, key: string, body: object) =>
      t.http.post(`/cases/${caseId}/events`).set(bearer(token)).set('Idempotency-Key', key).send(body);

    it("is looked up after the case (404) and the caller's rights (403), and belongs to one case", async () => {
      setToday(t, '2026-01-07');
      const first = await openCase(t, team.bu);
      const second = await openCase(t, team.bu);
      const key = 'probe-key-1';
      const answered = await send(team.bu, first.id, key, informed('2026-01-07')).expect(200);
      expect((await send(team.bu, first.id, key, informed('2026-01-07')).expect(200)).body).toEqual(answered.body);

      const unknown = await send(team.bu, '00000000-0000-4000-8000-000000000000', key, informed('2026-01-07'));
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'not-found' });
      const notTheirs = await send(team.bu, first.id, key, { type: 'decision.signed-off', decision: 'agree' });
      expect({ status: notTheirs.status, code: notTheirs.body.code }).toEqual({ status: 403, code: 'forbidden' });
      // Another case's key is another request on this case.
      const other = await send(team.bu, second.id, key, informed('2026-01-06'));
      expect({ status: other.status, id: other.body.id }).toEqual({ status: 200, id: second.id });
    });

    it('expires after IDEMPOTENCY_KEY_TTL_HOURS (24 by default), and expired records are removed', async () => {
      setToday(t, '2026-01-07');
      const opened = await openCase(t, team.bu);
      const key = 'probe-key-2';
      await send(team.bu, opened.id, key, informed('2026-01-07')).expect(200);
      const records = () => t.get(DataSource).getRepository(IdempotencyRecordEntity).countBy({ caseId: opened.id });
      expect(await records()).toBe(1);
      // Within the day, another request under the same key is refused; a day later the key is free again.
      setToday(t, '2026-01-08');
      t.get(Clock).now = () => new Date('2026-01-08T09:59:00Z');
      const submitted = { type: 'notification.submitted', submittedOn: '2026-01-08' };
      expect((await send(team.bu, opened.id, key, submitted)).status).toBe(409);
      t.get(Clock).now = () => new Date('2026-01-08T10:00:01Z');
      const reused = await send(team.bu, opened.id, key, submitted);
      expect(reused.status).toBe(200);
      expect(await records()).toBe(1);

      t.get(Clock).now = () => new Date('2026-01-09T10:00:02Z');
      const removed = await t.get(IdempotencyRecords).removeExpired();
      expect(removed).toBeGreaterThanOrEqual(1);
      expect(await records()).toBe(0);
    });
  });
});

describe('Security: login throttling per address, with no proxy trusted (the default)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off' } });
  });
  afterAll(() => t.close());

  it('is not reset by a forged X-Forwarded-For, and its 429 says when to try again without naming the framework', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await t.http.post('/auth/login').send({ email: `nobody${i}@x.test`, password: 'wrong' })).status).toBe(
        401,
      );
    }
    const forged = await t.http
      .post('/auth/login')
      .set('X-Forwarded-For', '203.0.113.77')
      .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(forged.status).toBe(429);
    expect(forged.body).toEqual({
      statusCode: 429,
      code: 'too-many-requests',
      message: expect.stringMatching(TOO_MANY),
    });
    expect(forged.text).not.toMatch(/throttl/i);
  });
});

describe('Security: a service published at an https address behind a proxy it does not trust', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off', PUBLIC_URL: 'https://reviews.example.gov.uk' } });
  });
  afterAll(() => t.close());

  it('still marks the dashboard cookie Secure, though the request it sees came over http', async () => {
    const res = await t.http
      .get('/admin/queues')
      .set(bearer(await t.login()))
      .expect(200);
    expect(cookieOf(res, 'pr_queues_session')).toMatch(/; Secure/);
  });
});

describe('Security: login limits behind a trusted proxy (TRUSTED_PROXIES=loopback)', () => {
  let t: TestApp;
  let address = 0;
  /** Each request from its own client address, as the trusted proxy reports it. */
  const login = (email: string, password: string) =>
    t.http
      .post('/auth/login')
      .set('X-Forwarded-For', `198.51.100.${++address % 250}`)
      .send({ email, password });

  beforeAll(async () => {
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off', TRUSTED_PROXIES: 'loopback' } });
  });
  afterAll(() => t.close());

  it('believes the trusted proxy that the request came over https: HSTS, and a Secure dashboard cookie', async () => {
    const admin = await t.login();
    const res = await t.http.get('/admin/queues').set(bearer(admin)).set('X-Forwarded-Proto', 'https').expect(200);
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(cookieOf(res, 'pr_queues_session')).toMatch(/; Secure/);
    expect((await t.http.get('/health')).headers['strict-transport-security']).toBeUndefined();
  });

  it('limits failed logins per account from any number of addresses, before hashing, for a window and not for ever', async () => {
    const start = Date.parse('2026-03-02T09:00:00Z');
    t.get(Clock).now = () => new Date(start);
    for (let i = 0; i < ACCOUNT_LOGIN_LIMIT; i++)
      expect((await login(ADMIN_EMAIL, `wrong password ${i}`)).status).toBe(401);

    const hasher = t.get(PasswordHasher);
    const verify = jest.spyOn(hasher, 'verify');
    try {
      const locked = await login(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual({
        statusCode: 429,
        code: 'too-many-requests',
        message: expect.stringMatching(TOO_MANY),
        details: { retryAfterSeconds: 900 },
      });
      expect(verify).not.toHaveBeenCalled();
    } finally {
      verify.mockRestore();
    }
    // Another account is not held back.
    expect((await login('someone.else@x.test', 'wrong')).status).toBe(401);

    t.get(Clock).now = () => new Date(start + ACCOUNT_LOGIN_WINDOW_MS + 1000);
    expect((await login(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });

  it(`runs at most ${MAX_CONCURRENT_HASHES} password hashes at once however many logins arrive together`, async () => {
    argon2Watch.most = 0;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(`burst${i}@x.test`, 'wrong')));
    expect(answers.map((res) => res.status)).toEqual(Array(12).fill(401));
    expect(argon2Watch.most).toBeGreaterThan(1);
    expect(argon2Watch.most).toBeLessThanOrEqual(MAX_CONCURRENT_HASHES);
  });
});

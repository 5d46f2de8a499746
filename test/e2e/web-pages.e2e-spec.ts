import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openCase } from '../support/case-helpers';
import { csrfTokenOf, pageClient, signInThroughForm } from '../support/page-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function sessionIdOf(setCookie: string[] | string | undefined): string {
  const cookie = [setCookie ?? []].flat().find((c) => c.startsWith('practice-review.sid='));
  if (!cookie) throw new Error('no session cookie was set');
  // express-session's cookie: "s:<id>.<signature>", URL-encoded.
  return decodeURIComponent(cookie.split(';')[0].split('=')[1]).slice(2).split('.')[0];
}

describe('the pages over HTTP: headers, sessions and links', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', TRUSTED_PROXIES: 'loopback' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers GET / in a browser with a page (the sign-in page when signed out), never JSON', async () => {
    const home = await t.http.get('/').set('Accept', BROWSER_ACCEPT);
    expect(home.status).toBe(303);
    expect(home.headers.location).toBe('/sign-in');
    const signIn = await t.http.get('/sign-in').set('Accept', BROWSER_ACCEPT);
    expect(signIn.status).toBe(200);
    expect(signIn.headers['content-type']).toMatch(/^text\/html/);
  });

  it("allows the page's one inline script by a nonce that changes with every answer, and no inline style", async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const page = await t.http.get('/sign-in');
      const csp = page.headers['content-security-policy'] as string;
      const scriptSrc = /script-src ([^;]+)/.exec(csp)![1];
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
      expect(scriptSrc).not.toContain('unsafe-inline');
      expect(/style-src ([^;]+)/.exec(csp)![1]).not.toContain('unsafe-inline');
      expect(page.text).toContain(`<script nonce="${nonce}">`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('opens the case page for the link in an email followed in a browser, and keeps the API for API clients', async () => {
    const bu = await t.userWithToken(await t.login(), { email: 'links@partnership.test', roles: ['business-unit'] });
    const opened = await openCase(t, bu.token);
    const fromBrowser = await t.http.get(`/cases/${opened.id}`).set('Accept', BROWSER_ACCEPT);
    expect(fromBrowser.status).toBe(303);
    expect(fromBrowser.headers.location).toBe(`/case/${opened.id}`);
    const fromClient = await t.http.get(`/cases/${opened.id}`).auth(bu.token, { type: 'bearer' });
    expect(fromClient.status).toBe(200);
    expect(fromClient.body.id).toBe(opened.id);
    const asksForJson = await t.http.get(`/cases/${opened.id}`).set('Accept', 'application/json');
    expect(asksForJson.status).toBe(401);
    expect(asksForJson.body.code).toBe('unauthenticated');
  });

  it('answers a browser with the GOV.UK page not found for an address that does not exist, and API clients with JSON', async () => {
    const page = await t.http.get('/no-such-page').set('Accept', BROWSER_ACCEPT);
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Page not found');
    const api = await t.http.get('/no-such-page').set('Accept', 'application/json');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('not-found');
  });

  it('stores only a hash of the session id, and ends the id used before sign-in', async () => {
    const client = pageClient(t);
    const before = await client.get('/sign-in');
    const anonymousId = sessionIdOf(before.headers['set-cookie']);
    const signedIn = await client
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfTokenOf(before.text), email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(signedIn.status).toBe(303);
    const signedInId = sessionIdOf(signedIn.headers['set-cookie']);
    expect(signedInId).not.toBe(anonymousId);
    const db = t.get(DataSource);
    const rows: { id: string; expiresAtMs: string | number }[] = await db.query(
      'SELECT id, "expiresAtMs" FROM web_sessions',
    );
    const live = rows.filter((r) => Number(r.expiresAtMs) > Date.now()).map((r) => r.id);
    expect(live).toContain(createHash('sha256').update(signedInId).digest('hex'));
    expect(rows.map((r) => r.id)).not.toContain(signedInId);
    // The id before sign-in is ended (kept expired until the sweep, so a request in flight cannot revive it).
    expect(live).not.toContain(createHash('sha256').update(anonymousId).digest('hex'));
  });

  it('marks the session cookie Secure when the request came over https through a trusted proxy', async () => {
    const overHttps = await t.http.get('/sign-in').set('X-Forwarded-Proto', 'https');
    expect(sessionCookie(overHttps.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('refuses the eleventh sign-in in a minute from one address with the sign-in page and its error summary', async () => {
    const client = pageClient(t);
    let last;
    for (let i = 0; i < 11; i++) {
      last = await signInThroughForm(client, 'nobody@partnership.test', 'wrong password');
    }
    expect(last!.status).toBe(429);
    expect(last!.text).toContain('There is a problem');
    expect(last!.text).toMatch(/Too many attempts; try again in \d+ seconds?/);
    expect(last!.text).toContain('value="nobody@partnership.test"');
  });
});

function sessionCookie(setCookie: string[] | string | undefined): string {
  return [setCookie ?? []].flat().find((c) => c.startsWith('practice-review.sid=')) ?? '';
}

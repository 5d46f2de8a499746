import { csrfTokenOf, pageClient, signInThroughForm } from '../support/page-session';
import { TestRedisServer } from '../support/redis-server';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

/** Browser sessions live in the database: Redis going away must never sign anyone out, nor stop anyone signing in. */
describe('browser sessions while Redis is down', () => {
  let redis: TestRedisServer;
  let t: TestApp;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    t = await TestApp.start({ env: { REDIS_URL: redis.url, PUBLIC_URL: 'http://127.0.0.1' } });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('keeps a signed-in person signed in, lets another sign in and out, with Redis stopped', async () => {
    const signedIn = pageClient(t);
    expect((await signInThroughForm(signedIn, ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(303);

    await redis.stop();

    const home = await signedIn.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<h1 class="govuk-heading-l">Cases</h1>');

    const newcomer = pageClient(t);
    expect((await signInThroughForm(newcomer, ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(303);
    const page = await newcomer.get('/');
    expect(page.status).toBe(200);
    const signedOut = await newcomer
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text) });
    expect(signedOut.status).toBe(303);
    expect((await newcomer.get('/')).headers.location).toBe('/sign-in');
  });
});

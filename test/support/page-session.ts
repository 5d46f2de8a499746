import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { TestApp } from './test-app';

/** The CSRF token a page's form carries. */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no CSRF token');
  return match[1];
}

/** A cookie-keeping HTTP client, as a browser would be, without a browser: for tests of headers and sessions. */
export function pageClient(t: TestApp): TestAgent {
  return request.agent(t.app.getHttpServer());
}

/** Signs in through the sign-in form; the client keeps the session cookie. Returns the sign-in's answer. */
export async function signInThroughForm(client: TestAgent, email: string, password: string) {
  const page = await client.get('/sign-in').set('Accept', 'text/html');
  return client
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrfTokenOf(page.text), email, password });
}

/** What the TLS proxy in front of the service adds: the request came over https (the session cookie is Secure). */
const OVER_HTTPS = { 'x-forwarded-proto': 'https' };

/**
 * The pages as a browser asks for them: a session cookie from the sign-in form, then timed GETs of whole pages
 * (rendered HTML), so a page's p99 includes its queries, its presenters and Nunjucks.
 */
import { summarize } from './stats';

function cookieFrom(response: Response): string | undefined {
  const raw = response.headers.getSetCookie().find((c) => c.startsWith('practice-review.sid='));
  return raw?.split(';')[0];
}

/** Signs in through the sign-in page and returns the session cookie to send with each page request. */
export async function signInToPages(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`, { headers: OVER_HTTPS });
  const anonymous = cookieFrom(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!anonymous || !token) throw new Error('the sign-in page gave no session or CSRF token');
  const signedIn = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...OVER_HTTPS, cookie: anonymous, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password }),
  });
  const cookie = cookieFrom(signedIn);
  if (signedIn.status !== 303 || !cookie) throw new Error(`signing in to the pages answered ${signedIn.status}`);
  return cookie;
}

async function getPage(baseUrl: string, cookie: string, path: string): Promise<string> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { ...OVER_HTTPS, cookie, accept: 'text/html' },
    redirect: 'manual',
  });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return html;
}

export async function timePage(baseUrl: string, cookie: string, path: string, samples: number) {
  for (let i = 0; i < 10; i++) await getPage(baseUrl, cookie, path);
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await getPage(baseUrl, cookie, path);
    latencies.push(performance.now() - started);
  }
  const { p50Ms, p99Ms } = summarize(latencies);
  return { p50Ms, p99Ms };
}

import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { TestApp } from './test-app';

/** Debian's Chromium (`apt-get install chromium`), as `.ci/run` installs it; CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's findings on the page as it is now, of impact serious or critical only (WCAG 2.2 A and AA rules and best
 * practice). Injected through the DevTools protocol, so the page's CSP does not have to allow it.
 */
export async function seriousAccessibilityFindings(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, run in the page: this file is compiled for Node, without the DOM's types.
  const results = await page.evaluate(`axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  })`);
  const { violations } = results as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  };
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

export interface Person {
  email: string;
  password: string;
  name: string;
}

/** Creates a user through the API (as the first admin) whose password the browser can type. */
export async function createPerson(
  t: TestApp,
  adminToken: string,
  user: { email: string; name: string; roles: string[]; agency?: string },
): Promise<Person> {
  const password = `browser-pw-${user.email}`;
  const res = await t.http
    .post('/users')
    .auth(adminToken, { type: 'bearer' })
    .send({ ...user, password });
  if (res.status !== 201) throw new Error(`creating ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return { email: user.email, password, name: user.name };
}

/**
 * Signs in through the sign-in page, as a person would, and waits for the page the form leads to (a click does not
 * wait for the navigation it starts: reading the page at once could read the sign-in page still).
 */
export async function signIn(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  // The page the form leads to (the one asked for, home, or the sign-in page again) has loaded when this returns.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** Fails the test, listing them, if the page as it is now has serious or critical accessibility findings. */
export async function expectNoSeriousFindings(page: Page): Promise<void> {
  expect(await seriousAccessibilityFindings(page)).toEqual([]);
}

/**
 * A page of a browser context of its own (its own cookies), signed in as `person` through the sign-in form after
 * opening `at` (a page that needs signing in leads there, and back to it after). Closing the browser closes it.
 */
export async function signedInPage(
  browser: Browser,
  person: Pick<Person, 'email' | 'password'>,
  options: { baseURL: string; at?: string; timeoutMs?: number; context?: BrowserContextOptions },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: options.baseURL, ...options.context });
  // A step that cannot happen fails with what it waited for, well before the test's own time-out.
  context.setDefaultTimeout(options.timeoutMs ?? 10_000);
  const page = await context.newPage();
  await page.goto(options.at ?? '/sign-in');
  await signIn(page, person);
  return page;
}

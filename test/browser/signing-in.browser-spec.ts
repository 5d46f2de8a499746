import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock } from '@app/common';
import { createPerson, launchBrowser, expectNoSeriousFindings, signIn, type Person } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

describe('signing in and out in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let worker: Person;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Plain http here, as the browser opens it: on an https PUBLIC_URL the cookie is Secure and not sent over http.
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
    baseUrl = await t.listen();
    browser = await launchBrowser();
    worker = await createPerson(t, await t.login(), {
      email: 'worker@partnership.test',
      name: 'Wren Worker',
      roles: ['business-unit'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  beforeEach(async () => {
    t.get(Clock).now = () => new Date();
    context = await browser.newContext({ baseURL: baseUrl });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('shows the sign-in page for any page asked for signed out, and it has no serious accessibility finding', async () => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.title()).resolves.toBe('Sign in – practice-review');
    await expectNoSeriousFindings(page);
  });

  it('refuses a wrong password with an error summary that keeps the email and does not say which was wrong', async () => {
    await page.goto('/sign-in');
    await signIn(page, { email: worker.email, password: 'not the password' });
    await expect(page.locator('.govuk-error-summary__title').innerText()).resolves.toBe('There is a problem');
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(worker.email);
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Enter a correct email address and password');
    expect(await page.title()).toBe('Error: Sign in – practice-review');
    await expectNoSeriousFindings(page);
  });

  it('signs in to the home page, which has a Sign out control and no serious accessibility finding', async () => {
    await page.goto('/');
    await signIn(page, worker);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('h1').innerText()).resolves.toBe('Cases');
    await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
    await expectNoSeriousFindings(page);
  });

  it('lands after sign-in on the page that was asked for', async () => {
    await page.goto('/?stage=decision');
    await signIn(page, worker);
    expect(new URL(page.url()).search).toBe('?stage=decision');
  });

  it('changes the session id at sign-in', async () => {
    await page.goto('/sign-in');
    const before = (await context.cookies()).find((c) => c.name === 'practice-review.sid')?.value;
    await signIn(page, worker);
    const after = (await context.cookies()).find((c) => c.name === 'practice-review.sid')?.value;
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('ends the session on the server at sign-out: a copied cookie no longer opens a page', async () => {
    await page.goto('/');
    await signIn(page, worker);
    const copied = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('You have signed out');
    await expectNoSeriousFindings(page);

    const thief = await browser.newContext({ baseURL: baseUrl });
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto('/');
    expect(new URL(stolen.url()).pathname).toBe('/sign-in');
    await thief.close();
  });

  it('ends the session after 30 minutes without a request', async () => {
    await page.goto('/');
    await signIn(page, worker);
    const later = Date.now() + 31 * 60_000;
    t.get(Clock).now = () => new Date(later);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('keeps a session in use alive past 30 minutes from sign-in', async () => {
    await page.goto('/');
    await signIn(page, worker);
    const start = Date.now();
    for (const minutes of [20, 40]) {
      t.get(Clock).now = () => new Date(start + minutes * 60_000);
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/');
    }
  });

  it('refuses with 403 a form posted without its CSRF token, and nothing changes', async () => {
    await page.goto('/');
    await signIn(page, worker);
    const status = await page.evaluate(async () => {
      const res = await fetch('/sign-out', { method: 'POST', body: new URLSearchParams({}), redirect: 'manual' });
      return res.status;
    });
    expect(status).toBe(403);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('sends the session cookie HttpOnly and SameSite=Lax', async () => {
    await page.goto('/sign-in');
    const cookie = (await context.cookies()).find((c) => c.name === 'practice-review.sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('sends pages with Cache-Control: no-store', async () => {
    const response = await page.goto('/sign-in');
    expect(response?.headers()['cache-control']).toBe('no-store');
  });

  it('lets the first admin sign in too', async () => {
    await page.goto('/');
    await signIn(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await expect(page.getByRole('link', { name: 'Manage' }).count()).resolves.toBe(1);
  });
});

import type { Browser, Page } from 'playwright-core';
import { createPerson, expectNoSeriousFindings, launchBrowser, type Person, signedInPage } from '../support/browser';
import { openCase, setToday } from '../support/case-helpers';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('the calendar feed, in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let bu: Person;
  let reference: string;

  const h1 = (page: Page) => page.locator('h1').innerText();
  /** The feed's path (the public address names no port; the test app listens on its own). */
  const feedPath = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', QUEUE_WORKERS: 'off' } });
    baseURL = await t.listen();
    const admin = await t.login();
    bu = await createPerson(t, admin, { email: 'bu@partnership.test', name: 'Bea Unit', roles: ['business-unit'] });
    setToday(t, '2026-01-06');
    const buToken = await t.login(bu.email, bu.password);
    reference = (await openCase(t, buToken, '2026-01-05')).reference as string;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('turns the feed on from the account page, shows its address once, replaces it and turns it off', async () => {
    const page = await signedInPage(browser, bu, { baseURL, at: '/account' });
    await page.getByRole('link', { name: 'Set up your calendar feed' }).click();
    await expect(h1(page)).resolves.toBe('Your calendar feed');
    await expect(page.locator('.govuk-warning-text').innerText()).resolves.toContain(
      'Anyone who has the address can read your case references and due dates',
    );
    await expectNoSeriousFindings(page);

    await page.getByRole('button', { name: 'Turn on the calendar feed' }).click();
    await expect(page.locator('.govuk-panel__title').innerText()).resolves.toBe('Your calendar feed is on');
    // The panel's title is under the page's one h1, not a second one.
    await expect(page.locator('h1').allInnerTexts()).resolves.toEqual(['Your calendar feed']);
    const first = await page.getByLabel('Calendar feed address').inputValue();
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await page.getByRole('link', { name: 'Open it in your calendar application' }).getAttribute('href')).toBe(
      first.replace(/^http:/, 'webcal:'),
    );
    // The address is in the POST's answer, not in a URL the browser went to.
    expect(page.url()).not.toContain(feedPath(first).split('/').at(-1)!);
    await expectNoSeriousFindings(page);

    const feed = await t.http.get(feedPath(first));
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`SUMMARY:${reference}: Notify the Panel`);

    // Shown once: the page again does not hold it.
    await page.goto('/account/calendar');
    expect(await page.content()).not.toContain(feedPath(first));
    await expect(page.getByLabel('Calendar feed address').count()).resolves.toBe(0);
    await expect(
      page.locator('.govuk-summary-list__row', { hasText: 'Last read by a calendar' }).innerText(),
    ).resolves.not.toContain('Not yet');
    await expectNoSeriousFindings(page);

    await page.getByRole('button', { name: 'Replace the address' }).click();
    const second = await page.getByLabel('Calendar feed address').inputValue();
    expect(second).not.toBe(first);
    expect((await t.http.get(feedPath(first))).status).toBe(404);
    expect((await t.http.get(feedPath(second))).status).toBe(200);

    await page.goto('/account/calendar');
    await page.getByRole('button', { name: 'Turn off the calendar feed' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'Your calendar feed is off',
    );
    await expect(page.getByRole('button', { name: 'Turn on the calendar feed' }).count()).resolves.toBe(1);
    expect((await t.http.get(feedPath(second))).status).toBe(404);
    await expectNoSeriousFindings(page);
  });
});

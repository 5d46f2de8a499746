/**
 * Issue 12 item 1 in a browser: an admin edits the partnership's relevant agencies on the settings page (add, rename,
 * remove, each mistake shown in an error summary), and a subgroup member records a recommendation with its test
 * against the criteria (radios and reasons) and parallel processes (checkboxes), then sees the returns table and the
 * answers on the case page. axe finds nothing serious on any of these pages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createPerson, launchBrowser, expectNoSeriousFindings, signIn, type Person } from '../support/browser';
import { openCase, setToday, step } from '../support/case-helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

describe('relevant agencies and the rapid review recommendation in a browser', () => {
  let t: TestApp;
  let admin: string;
  let bu: string;
  let worker: Person;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const errorSummary = () => page.locator('.govuk-error-summary').innerText();
  const banner = () => page.locator('.govuk-notification-banner--success').innerText();
  const agencyList = () => page.locator('#relevant-agencies + p + dl').innerText();

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', QUEUE_WORKERS: 'off' } });
    const baseURL = await t.listen();
    admin = await t.login();
    bu = (await t.userWithToken(admin, { email: 'bu@partnership.test', roles: ['business-unit'] })).token;
    worker = await createPerson(t, admin, {
      email: 'subgroup@partnership.test',
      name: 'Sam Subgroup',
      roles: ['subgroup-member'],
    });
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets an admin add, rename and remove relevant agencies, each mistake said in an error summary', async () => {
    await page.goto('/manage/settings');
    await signIn(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(await agencyList()).toContain('Schools and education');
    // The statutory partners can be renamed, never removed.
    await expect(page.getByRole('button', { name: 'Remove Police' }).count()).resolves.toBe(0);
    await expectNoSeriousFindings(page);

    await page.getByRole('button', { name: 'Add a relevant agency' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Add a relevant agency');
    await page.getByRole('button', { name: 'Add agency' }).click();
    expect(await errorSummary()).toContain('Enter the name of the agency');
    expect(await page.title()).toBe('Error: Add a relevant agency – practice-review');
    await expectNoSeriousFindings(page);
    await page.getByLabel('Add a relevant agency').fill('police');
    await page.getByRole('button', { name: 'Add agency' }).click();
    expect(await errorSummary()).toContain('There is already an agency with that name');
    await expect(page.locator('#name-error').innerText()).resolves.toContain('There is already an agency');
    await page.getByLabel('Add a relevant agency').fill('Ambulance service');
    await page.getByRole('button', { name: 'Add agency' }).click();
    expect(new URL(page.url()).pathname).toBe('/manage/settings');
    expect(await banner()).toContain('Ambulance service was added to the relevant agencies');
    expect(await agencyList()).toContain('Ambulance service');

    await page.getByRole('link', { name: 'Rename Housing' }).click();
    await expectNoSeriousFindings(page);
    await page.getByLabel('Rename Housing').fill('Housing services');
    await page.getByRole('button', { name: 'Save name' }).click();
    expect(await banner()).toContain('Housing is now called Housing services');

    await page.getByRole('button', { name: 'Remove Cafcass' }).click();
    expect(await banner()).toContain('Cafcass is no longer a relevant agency');
    expect(await agencyList()).not.toContain('Cafcass');
    await expectNoSeriousFindings(page);

    const saved = (await t.http.get('/partnership').auth(admin, { type: 'bearer' }).expect(200)).body;
    expect(saved.relevantAgencies).toContainEqual({ key: 'ambulance-service', name: 'Ambulance service' });
    expect(saved.relevantAgencies).toContainEqual({ key: 'housing', name: 'Housing services' });
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('records a recommendation with the criteria answered and parallel processes ticked, shown on the case page', async () => {
    setToday(t, '2026-03-02');
    const opened = await openCase(t, bu, '2026-03-02');
    const id = opened.id;
    setToday(t, '2026-03-03');
    await step(t, bu, id, 'agency-return.requested', { agency: 'ambulance-service', requestedOn: '2026-03-03' });
    await step(t, bu, id, 'agency-return.requested', { agency: 'housing', requestedOn: '2026-03-03' });
    await step(t, bu, id, 'notification.submitted', { submittedOn: '2026-03-03' });
    await step(t, bu, id, 'agency-return.received', { agency: 'housing', nilReturn: true });
    setToday(t, '2026-03-16');

    await page.goto(`/case/${id}/events/rapid-review.recommended`);
    await signIn(page, worker);
    await expect(page.locator('h1').innerText()).resolves.toContain('Recommend the next step');
    await expectNoSeriousFindings(page);
    await page.getByRole('radio', { name: 'LCSPR (local child safeguarding practice review)' }).check();
    await page.getByLabel('Why this is recommended').fill('Learning about information sharing (test).');
    await page
      .getByRole('group', { name: /Criterion \(a\)/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.getByRole('checkbox', { name: 'Criminal investigation' }).check();
    await page.getByRole('checkbox', { name: 'Another process' }).check();
    await page.getByRole('button', { name: 'Save recommendation' }).click();
    expect(await errorSummary()).toContain('Enter the reasons for your answer to criterion (a)');
    await expectNoSeriousFindings(page);
    // What was ticked is kept while the mistake is put right.
    await expect(page.getByRole('checkbox', { name: 'Another process' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('Reasons for your answer to criterion (a)').fill('Concerns were not shared.');
    await page
      .getByRole('group', { name: /Criterion \(d\)/ })
      .getByRole('radio', { name: 'No' })
      .check();
    await page.getByLabel('Reasons for your answer to criterion (d)').fill('The Panel has not considered it.');
    await page.getByLabel('Immediate safety actions taken').fill('A safety plan for the sibling.');
    await page.getByRole('button', { name: 'Save recommendation' }).click();

    expect(new URL(page.url()).pathname).toBe(`/case/${id}`);
    const record = await page.locator('#record-rapid-review').innerText();
    expect(record).toContain('(a) Improvements needed: Yes. Concerns were not shared.');
    expect(record).toContain('(d) The Panel thought it better reviewed locally: No. The Panel has not considered it.');
    expect(record).toContain('Criminal investigation, Another process');
    const returns = await page
      .locator('table', { has: page.locator('caption', { hasText: 'Agency returns' }) })
      .innerText();
    expect(returns).toMatch(/Ambulance service\s+3 March 2026\s+10 March 2026\s+Overdue/);
    expect(returns).toMatch(/Housing services\s+3 March 2026\s+10 March 2026\s+Nil return 3 March 2026/);
    await expectNoSeriousFindings(page);
  });
});

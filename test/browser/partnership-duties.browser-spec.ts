import type { Browser, Page } from 'playwright-core';
import { createPerson, expectNoSeriousFindings, launchBrowser, type Person, signedInPage } from '../support/browser';
import { setToday } from '../support/case-helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe("the partnership's duties and who holds which role, in a browser", () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let bu: Person;
  let ceo: Person;
  let subgroup: Person;

  const h1 = (page: Page) => page.locator('h1').innerText();
  const path = (page: Page) => new URL(page.url()).pathname;
  const summaryValue = (page: Page, key: string) =>
    page.locator('.govuk-summary-list__row', { hasText: key }).locator('.govuk-summary-list__value').innerText();

  const signedIn = (person: Pick<Person, 'email' | 'password'>, at: string) =>
    signedInPage(browser, person, { baseURL, at });

  async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill(month);
    await group.getByLabel('Year').fill(year);
  }

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', QUEUE_WORKERS: 'off' } });
    baseURL = await t.listen();
    const admin = await t.login();
    bu = await createPerson(t, admin, { email: 'bu@partnership.test', name: 'Bea Unit', roles: ['business-unit'] });
    ceo = await createPerson(t, admin, {
      email: 'ceo@partnership.test',
      name: 'Cee Executive',
      roles: ['lead-partner'],
      agency: 'local-authority',
    });
    subgroup = await createPerson(t, admin, {
      email: 'sg@partnership.test',
      name: 'Sam Subgroup',
      roles: ['subgroup-member'],
    });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets the business unit record the last annual report on adopting the service, after a mistake, and shows when the next is due', async () => {
    setToday(t, '2026-03-02');
    const page = await signedIn(bu, '/');
    await page.getByRole('link', { name: 'Manage' }).click();
    await expect(page.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'The partnership’s duties' }).click();
    await expect(h1(page)).resolves.toBe('The partnership’s duties');
    await expect(summaryValue(page, 'Next annual report due')).resolves.toBe(
      'Not known until the date of the last published annual report is recorded',
    );
    await expectNoSeriousFindings(page);

    await page.getByRole('button', { name: 'Record the last published annual report' }).click();
    await expect(h1(page)).resolves.toBe('Record the last published annual report');
    await fillDate(page, 'When was your last annual report published?', '30', '2', '2026');
    await page.getByRole('button', { name: 'Record the annual report' }).click();
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain(
      'The date the report was published must be a real date between 1 January 2000 and 31 December 2099',
    );
    expect(summary).toContain('Enter the address of the published report');
    await expect(page.locator('#url-error').innerText()).resolves.toContain('Enter the address');
    expect(await page.title()).toBe('Error: Record the last published annual report – practice-review');
    await expectNoSeriousFindings(page);

    await fillDate(page, 'When was your last annual report published?', '3', '3', '2026');
    await page.getByLabel('Address of the published report').fill('https://example.org/annual-report-2025');
    await page.getByRole('button', { name: 'Record the annual report' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'The date the report was published (3 March 2026) cannot be in the future',
    );

    await fillDate(page, 'When was your last annual report published?', '30', '9', '2025');
    await fillDate(
      page,
      'When were the copies sent to the Panel and the What Works Centre? (optional)',
      '3',
      '10',
      '2025',
    );
    await page.getByRole('button', { name: 'Record the annual report' }).click();
    expect(path(page)).toBe('/manage/duties');
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain(
      'The annual report has been recorded as published',
    );
    await expect(summaryValue(page, 'Next annual report due')).resolves.toBe('30 September 2026 Open');
    await expect(summaryValue(page, 'Copies due')).resolves.toBe('7 October 2025 Met');
    const history = await page.locator('table', { hasText: 'What happened' }).innerText();
    expect(history).toContain('Annual report published');
    expect(history).toContain('Copy sent to the Child Safeguarding Practice Review Panel and the What Works Centre');
    expect(history).toContain('Bea Unit (Business unit)');
    await expectNoSeriousFindings(page);
  });

  it('lets a lead partner record a new report and then the copies, one recipient at a time', async () => {
    setToday(t, '2026-02-10');
    const page = await signedIn(ceo, '/manage/duties');
    await page.getByRole('button', { name: 'Record a published annual report' }).click();
    await expect(h1(page)).resolves.toBe('Record a published annual report');
    await fillDate(page, 'When was the annual report published?', '31', '1', '2026');
    await page.getByLabel('Address of the published report').fill('https://example.org/annual-report-2026');
    await page.getByRole('button', { name: 'Record the annual report' }).click();
    await expect(summaryValue(page, 'Next annual report due')).resolves.toBe('31 January 2027 Open');
    await expect(summaryValue(page, 'Copies due')).resolves.toBe('7 February 2026 Overdue');

    await page.getByRole('button', { name: 'Record copies sent' }).click();
    await expect(h1(page)).resolves.toBe('Record copies of the annual report sent');
    await expectNoSeriousFindings(page);
    await page.getByLabel('The Child Safeguarding Practice Review Panel').uncheck();
    await page.getByLabel('The What Works Centre (Foundations)').uncheck();
    await page.getByRole('button', { name: 'Record copies sent' }).click();
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Enter the date the copies were sent');
    expect(summary).toContain('Select who was sent a copy that day');
    await expectNoSeriousFindings(page);

    await fillDate(page, 'When were the copies sent?', '5', '2', '2026');
    await page.getByLabel('The Child Safeguarding Practice Review Panel').check();
    await page.getByRole('button', { name: 'Record copies sent' }).click();
    await expect(summaryValue(page, 'Copy to the Child Safeguarding Practice Review Panel')).resolves.toBe(
      'Sent 5 February 2026',
    );
    await expect(summaryValue(page, 'Copy to the What Works Centre (Foundations)')).resolves.toBe('Not sent yet');

    await page.getByRole('button', { name: 'Record copies sent' }).click();
    await fillDate(page, 'When were the copies sent?', '9', '2', '2026');
    await page.getByRole('button', { name: 'Record copies sent' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'was already recorded as sent to the Panel on 5 February 2026',
    );
    await page.getByLabel('The Child Safeguarding Practice Review Panel').uncheck();
    await page.getByRole('button', { name: 'Record copies sent' }).click();
    await expect(summaryValue(page, 'Copies due')).resolves.toBe('7 February 2026 Late');
  });

  it('shows the duties read-only to those who cannot record them, and keeps the forms from them', async () => {
    const page = await signedIn(subgroup, '/manage/duties');
    await expect(h1(page)).resolves.toBe('The partnership’s duties');
    await expect(page.getByRole('button', { name: /Record/ }).count()).resolves.toBe(0);
    await expect(page.locator('.govuk-inset-text').innerText()).resolves.toContain(
      'The business unit and the lead partners record',
    );
    await expectNoSeriousFindings(page);
    const form = await page.goto('/manage/duties/annual-report');
    expect(form?.status()).toBe(403);
  });

  it('shows a lead partner who holds which role per agency, with the unfilled seats; the admin changes a role and sees it there', async () => {
    const lead = await signedIn(ceo, '/manage/roles');
    await expect(h1(lead)).resolves.toBe('Who holds which role');
    const la = await lead.locator('table', { hasText: 'Local authority:' }).innerText();
    expect(la).toMatch(/Lead partner\s+Cee Executive/);
    expect(la).toMatch(/Delegated partner\s+Nobody/);
    await expect(lead.locator('table', { hasText: 'Police:' }).innerText()).resolves.toMatch(/Lead partner\s+Nobody/);
    await expect(lead.locator('body').innerText()).resolves.not.toContain('@partnership.test');
    await expectNoSeriousFindings(lead);

    const sg = await signedIn(subgroup, '/');
    expect((await sg.goto('/manage/roles'))?.status()).toBe(403);
    expect((await sg.goto('/manage'))?.status()).toBe(403);

    const admin = await signedIn({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, '/manage/users');
    await admin.getByRole('link', { name: subgroup.name }).click();
    await admin.getByLabel('Delegated partner').check();
    await admin.getByLabel('Subgroup member').uncheck();
    await admin.getByLabel('Police').check();
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.locator('.govuk-notification-banner--success').innerText()).resolves.toContain('Changes saved');
    await admin.goto('/manage/roles');
    await expect(admin.locator('table', { hasText: 'Police:' }).innerText()).resolves.toMatch(
      /Delegated partner\s+Sam Subgroup/,
    );
    await expectNoSeriousFindings(admin);
  });
});

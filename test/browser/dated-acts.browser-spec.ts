import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Browser, Page } from 'playwright-core';
import { openCase, setToday, step } from '../support/case-helpers';
import { createPerson, launchBrowser, expectNoSeriousFindings, signedInPage, type Person } from '../support/browser';
import { TestApp } from '../support/test-app';

jest.setTimeout(90_000);

/** Issue 12 item 6 in a browser: bringing in running cases from a CSV file, and a sign-off on a partner's behalf. */
describe('bringing in running cases and recording a sign-off on a partner’s behalf, in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let worker: Person;
  let subgroup: Person;
  let baseUrl: string;

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
    baseUrl = await t.listen();
    browser = await launchBrowser();
    const admin = await t.login();
    worker = await createPerson(t, admin, {
      email: 'bea@partnership.test',
      name: 'Bea Business',
      roles: ['business-unit'],
    });
    subgroup = await createPerson(t, admin, {
      email: 'sam@partnership.test',
      name: 'Sam Subgroup',
      roles: ['subgroup-member'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = (person: Person) => signedInPage(browser, person, { baseURL: baseUrl, timeoutMs: 15_000 });

  async function submit(page: Page, button: string) {
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button, exact: true }).click()]);
  }

  it('lists every problem of pasted rows by row and column, then brings in the template’s example case', async () => {
    setToday(t, '2026-03-02');
    const page = await signedIn(worker);
    await page.goto('/import-cases');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Bring in running cases');
    await expectNoSeriousFindings(page);

    const template = await (await page.request.get('/import-cases/template.csv')).text();
    const [example] = parse(template, { columns: true }) as Record<string, string>[];
    const bad = stringify([{ ...example, meetingHeldOn: '31/02/2026' }], { header: true });
    await page.getByLabel('Or paste the rows, with the header row').fill(bad);
    await submit(page, 'Bring in the cases');
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('There is a problem');
    expect(summary).toContain('Row 2, column meetingHeldOn');
    await expectNoSeriousFindings(page);

    await page.getByLabel('Or paste the rows, with the header row').fill(template);
    await submit(page, 'Bring in the cases');
    expect(await page.locator('.govuk-panel__title').innerText()).toContain('Cases brought in');
    const link = page.locator('table a.govuk-link').first();
    expect(await link.innerText()).toMatch(/^CSPR-2026-\d{4}$/);
    await expectNoSeriousFindings(page);
    await page.context().close();
  });

  it('offers the business unit the sign-off on a partner’s behalf, and the case page then says who recorded it and why', async () => {
    setToday(t, '2026-01-09');
    const bu = await t.login(worker.email, worker.password);
    const sg = await t.login(subgroup.email, subgroup.password);
    const { id: caseId } = await openCase(t, bu, '2026-01-05');
    await step(t, bu, caseId, 'notification.submitted', { submittedOn: '2026-01-06' });
    await step(t, sg, caseId, 'rapid-review.recommended', { recommendation: 'no-lcspr', rationale: 'Not met (test).' });

    const page = await signedIn(worker);
    await page.goto(`/case/${caseId}`);
    const agency = page.getByRole('group', { name: /Which agency.s delegated partner signed/ });
    await agency.getByRole('radio', { name: 'Police', exact: true }).check();
    await page.getByRole('radio', { name: 'Agree', exact: true }).check();
    await page.getByLabel(/Why the business unit records this sign-off/).fill('Delegation by exception (test).');
    await expectNoSeriousFindings(page);
    const button = page.locator('form').filter({ has: agency }).getByRole('button');
    await Promise.all([page.waitForEvent('load'), button.click()]);
    const body = await page.locator('main').innerText();
    expect(body).toContain('Recorded by Bea Business on behalf of');
    expect(body).toContain('Delegation by exception (test).');
    await expectNoSeriousFindings(page);
    await page.context().close();
  });
});

import type { Browser } from 'playwright-core';
import { openCase, setToday, step } from '../support/case-helpers';
import { createPerson, launchBrowser, expectNoSeriousFindings, signedInPage, type Person } from '../support/browser';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** Issue 12 item 4 in a browser: a lead partner finds the case escalated to them, sees why, and records the decision. */
describe('an escalated case in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let lead: Person;
  let caseId: string;

  const pageFor = (person: Person) => signedInPage(browser, person, { baseURL: baseUrl });

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
    baseUrl = await t.listen();
    browser = await launchBrowser();
    const admin = await t.login();
    lead = await createPerson(t, admin, {
      email: 'lena@partnership.test',
      name: 'Lena Lead',
      roles: ['lead-partner'],
      agency: 'local-authority',
    });
    const token = async (email: string, roles: string[], agency?: string) =>
      (await t.userWithToken(admin, { email, roles, ...(agency ? { agency } : {}) })).token;
    const bu = await token('bo@partnership.test', ['business-unit']);
    const subgroup = await token('sy@partnership.test', ['subgroup-member']);
    const police = await token('po@partnership.test', ['delegated-partner'], 'police');

    setToday(t, '2026-01-07');
    caseId = (await openCase(t, bu, '2026-01-05')).id;
    await step(t, bu, caseId, 'notification.submitted', { submittedOn: '2026-01-07' });
    setToday(t, '2026-01-15');
    await step(t, subgroup, caseId, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met.',
    });
    await step(t, police, caseId, 'decision.signed-off', { decision: 'disagree' });
    setToday(t, '2026-01-16');
    await step(t, bu, caseId, 'decision.escalated', { note: 'The police do not agree that the criteria are met.' });
    setToday(t, '2026-01-20');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the lead partner the escalation on the home page and the case page, and takes their decision', async () => {
    const page = await pageFor(lead);
    await page.getByRole('link', { name: '1 case is escalated to the lead partners' }).click();
    expect(new URL(page.url()).search).toBe('?escalated=true');
    await expect(page.getByLabel('Only cases escalated to the lead partners').isChecked()).resolves.toBe(true);
    await page.getByRole('link', { name: 'CSPR-2026-0001' }).click();

    const banner = page.locator('#escalation-banner');
    await expect(banner.innerText()).resolves.toContain('This case is escalated to the lead partners');
    await expect(banner.innerText()).resolves.toContain('escalated on 16 January 2026');
    await expectNoSeriousFindings(page);

    await page.getByRole('link', { name: 'Record the lead partners’ decision' }).click();
    await expectNoSeriousFindings(page);
    await page.getByRole('radio', { name: 'No LCSPR' }).check();
    await page.getByLabel('Day').fill('19');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2026');
    await page.getByLabel('Note (optional)').fill('Decided at the executive (test).');
    await page.getByRole('button', { name: 'Save lead partners’ decision' }).click();

    expect(new URL(page.url()).pathname).toBe(`/case/${caseId}`);
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain(
      'Escalation resolved by the lead partners',
    );
    await expect(page.locator('#escalation-banner').count()).resolves.toBe(0);
    await expect(page.locator('body').innerText()).resolves.toContain(
      'The lead partners decided No LCSPR on 19 January 2026, recorded by Lena Lead: Decided at the executive (test).',
    );
    await expectNoSeriousFindings(page);
  });
});

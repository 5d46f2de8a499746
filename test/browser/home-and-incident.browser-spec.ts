import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CaseEntity } from '@app/cases';
import { createPerson, launchBrowser, expectNoSeriousFindings, signIn, type Person } from '../support/browser';
import { openCase, setToday, step } from '../support/case-helpers';
import { TestApp } from '../support/test-app';

/** Wednesday 4 March 2026, all day: the dates typed below are relative to it. */
const TODAY = '2026-03-04';

describe('the home page and reporting an incident, in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  // API tokens of the same two people, for what the test does around the pages.
  let bu: string;
  let police: string;
  let reporter: Person;
  let partner: Person;
  let context: BrowserContext;
  let page: Page;

  const heading = () => page.locator('h1').innerText();
  const errorSummary = () => page.locator('.govuk-error-summary').innerText();
  const fillDate = async (prefix: string, day: string, month: string, year: string) => {
    await page.locator(`#${prefix}-day`).fill(day);
    await page.locator(`#${prefix}-month`).fill(month);
    await page.locator(`#${prefix}-year`).fill(year);
  };
  const caseLinks = (reference: string) => page.getByRole('link', { name: reference });
  /** Clicks what loads another page, and waits for that page. */
  const follow = async (target: Locator) => {
    const loaded = page.waitForEvent('load');
    await target.click();
    await loaded;
  };
  const press = (button: string) => follow(page.getByRole('button', { name: button }));

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', QUEUE_WORKERS: 'off' } });
    baseUrl = await t.listen();
    browser = await launchBrowser();
    const admin = await t.login();
    reporter = await createPerson(t, admin, {
      email: 'reporter@partnership.test',
      name: 'Rae Reporter',
      roles: ['business-unit'],
    });
    partner = await createPerson(t, admin, {
      email: 'inspector@partnership.test',
      name: 'Ina Inspector',
      roles: ['delegated-partner'],
      agency: 'police',
    });
    bu = await t.login(reporter.email, reporter.password);
    police = await t.login(partner.email, partner.password);
    setToday(t, TODAY);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ baseURL: baseUrl });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterEach(async () => {
    await context.close();
  });

  it('lets the business unit report an incident, correcting mistakes, check the answers, and find the case at home', async () => {
    await page.goto('/');
    await signIn(page, reporter);
    await follow(page.getByRole('link', { name: 'Report a serious incident' }));
    expect(await heading()).toBe('Report a serious incident');

    // The incident is dated the day after the local authority became aware of it: refused, with the API's rule.
    // What is notified is asked first (issue 12 item 2).
    await page.getByRole('group', { name: 'What are you notifying?' }).getByLabel('A serious incident').check();
    await fillDate('laAwareOn', '2', '3', '2026');
    await fillDate('incidentOn', '3', '3', '2026');
    await page.getByLabel('Serious harm').check();
    await page.getByLabel('Suspected', { exact: true }).check();
    await page.getByLabel('Summary of the incident').fill('A serious injury at home; referred by the hospital.');
    await page.getByRole('group', { name: 'How many children were involved?' }).getByLabel('2').check();
    await press('Continue');
    // Each page is checked by axe once, in its fullest state: here with the error summary and the field's error.
    expect(await page.title()).toBe('Error: Report a serious incident – practice-review');
    expect(await errorSummary()).toContain(
      'Date of the incident must be the same as or before the date the local authority became aware of the incident',
    );
    await expect(page.getByLabel('Summary of the incident').inputValue()).resolves.toContain('A serious injury');
    await expectNoSeriousFindings(page);

    await fillDate('incidentOn', '27', '2', '2026');
    await press('Continue');
    expect(await heading()).toBe('About the children');

    // The second child's age is forgotten at first.
    await page
      .getByRole('group', { name: 'Was any of the children looked after by the local authority?' })
      .getByLabel('No')
      .check();
    await page.locator('#children-0-ageYears').fill('4');
    await page.locator('#children-0-sex').check();
    await page.locator('#children-1-sex-2').check();
    // The DfE's categories (issue 12 item 2): the first of the ethnicity radios is White – British.
    await page.locator('#children-1-ethnicity').check();
    await page
      .getByRole('group', { name: 'Plans in place at the time of the incident (optional) of child 1' })
      .getByLabel('Child protection plan')
      .check();
    await page
      .getByRole('group', { name: 'Agencies the child was known to (optional) of child 1' })
      .getByLabel('Police')
      .check();
    await page
      .getByRole('group', { name: 'Agencies the child was known to (optional) of child 1' })
      .getByLabel('Schools and education')
      .check();
    await press('Continue');
    expect(await errorSummary()).toContain('Enter age of child 2');
    await expect(page.locator('#children-1-ethnicity').isChecked()).resolves.toBe(true);
    await expectNoSeriousFindings(page);
    await page.locator('#children-1-ageYears').fill('7');
    await press('Continue');

    // Where it happened, the harm and what contributed: all optional, asked once.
    expect(await heading()).toBe('Where it happened, the harm and what contributed');
    await page.getByLabel('Local authority where the incident happened (optional)').fill('Southshire Council');
    await page.getByRole('group', { name: 'Categories of harm (optional)' }).getByLabel('Physical abuse').check();
    await page.getByRole('group', { name: 'Contributing factors (optional)' }).getByLabel('Domestic abuse').check();
    await expectNoSeriousFindings(page);
    await press('Continue');

    expect(await heading()).toBe('Check your answers before opening the case');
    const answers = await page.locator('main').innerText();
    for (const text of [
      '2 March 2026',
      '27 February 2026',
      'Serious harm',
      'Suspected',
      'Child 2',
      '7 years',
      'Male',
      'White – British',
      'Child protection plan',
      'Police, Schools and education',
      'Southshire Council',
      'Physical abuse',
      'Domestic abuse',
    ]) {
      expect(answers).toContain(text);
    }
    await expectNoSeriousFindings(page);
    // Nothing about the children travels in the address.
    expect(page.url()).toBe(`${baseUrl}/report-incident/check-answers`);

    // A change goes back to its question with the answer kept, and comes straight back here.
    await follow(page.getByRole('link', { name: 'Change summary of the incident' }));
    await expect(page.getByLabel('Summary of the incident').inputValue()).resolves.toBe(
      'A serious injury at home; referred by the hospital.',
    );
    await page.getByLabel('Summary of the incident').fill('A serious injury at home; referred by the A&E team.');
    await press('Continue');
    expect(await heading()).toBe('Check your answers before opening the case');
    expect(await page.locator('main').innerText()).toContain('referred by the A&E team');

    await press('Save and open the case');
    const caseId = /\/case\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(caseId).toBeDefined();
    const view = (await t.http.get(`/cases/${caseId}`).auth(bu, { type: 'bearer' }).expect(200)).body;
    expect(view).toMatchObject({ stage: 'notification', state: 'notification.awaiting-notification' });
    const saved = await t.get(DataSource).getRepository(CaseEntity).findOneByOrFail({ id: caseId });
    expect(saved.details).toEqual({
      nature: 'serious-incident',
      incidentOn: '2026-02-27',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'suspected',
      lookedAfter: false,
      children: [
        { ageYears: 4, sex: 'female', plans: ['child-protection-plan'], knownToAgencies: ['police', 'education'] },
        { ageYears: 7, sex: 'male', ethnicity: 'WBRI' },
      ],
      summary: 'A serious injury at home; referred by the A&E team.',
      localAuthorityOfIncident: 'Southshire Council',
      harmCategories: ['physical-abuse'],
      contributingFactors: ['domestic-abuse'],
    });

    // Home: the case once, as a link whose text is its reference, with its stage and next deadline.
    await page.goto('/');
    await expect(caseLinks(view.reference).count()).resolves.toBe(1);
    const row = page.locator('tr', { has: caseLinks(view.reference) });
    expect(await row.innerText()).toMatch(/Notification\s+9 March 2026\s+Open/);
    expect(await page.locator('.app-needs-you-now').innerText()).toContain(
      'case has a deadline due within 5 working days',
    );
    await expectNoSeriousFindings(page);

    // Filters. Notify the Panel is due Monday 9 March: the third working day from Wednesday 4 March.
    await page.getByLabel('Deadline due within (working days)').fill('2');
    await press('Apply filters');
    await expect(caseLinks(view.reference).count()).resolves.toBe(0);
    await page.getByLabel('Deadline due within (working days)').fill('3');
    await page.getByLabel('Stage').selectOption({ label: 'Notification' });
    await press('Apply filters');
    await expect(caseLinks(view.reference).count()).resolves.toBe(1);
    await page.getByLabel('Only cases with an overdue deadline').check();
    await press('Apply filters');
    await expect(caseLinks(view.reference).count()).resolves.toBe(0);
    expect(await page.locator('#case-results').innerText()).toBe('No cases match the filters.');

    await page.goto('/');
    await page.getByLabel('Deadline due within (working days)').fill('soon');
    const refused = page.waitForResponse((r) => r.url().includes('dueWithinWorkingDays=soon'));
    await press('Apply filters');
    expect((await refused).status()).toBe(400);
    expect(await errorSummary()).toContain('Due within must be a whole number of working days from 0 to 260');
    expect(await page.title()).toBe('Error: Cases – practice-review');
    await expectNoSeriousFindings(page);
  }, 90_000);

  it("reports a looked-after child's death without abuse or neglect, on its own path, and records a child's details on the case page", async () => {
    await page.goto('/');
    await signIn(page, reporter);
    await page.goto('/report-incident');
    await page.getByLabel('The death of a looked-after child').check();
    await fillDate('laAwareOn', '2', '3', '2026');
    await fillDate('incidentOn', '1', '3', '2026');
    await page.getByLabel('Serious harm').check();
    await page.getByLabel('Not suspected').check();
    await page.getByLabel('Summary of the incident').fill('Died in a placement (test data).');
    await page.getByRole('group', { name: 'How many children were involved?' }).getByLabel('1').check();
    await press('Continue');
    // The API's rule in the page's words, at the question at fault.
    expect(await errorSummary()).toContain("Select death: a looked-after child's or a care leaver's death is a death");
    await expectNoSeriousFindings(page);
    await page.getByLabel('Death', { exact: true }).check();
    await press('Continue');
    await page
      .getByRole('group', { name: 'Was any of the children looked after by the local authority?' })
      .getByLabel('Yes')
      .check();
    await page.locator('#children-0-ageYears').fill('15');
    await page.locator('#children-0-sex-2').check();
    await page.getByRole('group', { name: 'Placement (optional)' }).getByLabel('Children’s home').check();
    await press('Continue');
    await press('Continue');
    expect(await page.locator('main').innerText()).toContain('The death of a looked-after child');
    await press('Save and open the case');

    expect(await page.locator('main').innerText()).toContain(
      'Waiting for the notification to the Secretary of State and Ofsted',
    );
    // Notify the Secretary of State and Ofsted by Monday 9 March 2026, 5 working days after Monday 2 March.
    expect(await page.locator('main').innerText()).toContain('9 March 2026');
    await expect(page.getByRole('link', { name: 'Record the notification to the Panel' }).count()).resolves.toBe(0);
    await expectNoSeriousFindings(page);

    // The generated form of a child's details: checkboxes and radios of the DfE's categories.
    await follow(page.getByRole('link', { name: "Record a child's details" }));
    await expectNoSeriousFindings(page);
    await page.getByLabel('Which child?').fill('1');
    await page
      .getByRole('group', { name: 'Ethnicity (optional)' })
      .getByLabel('Black African', { exact: true })
      .check();
    await press("Save the child's details");
    expect(await page.locator('main').innerText()).toContain('Ethnicity: Black African');
    await follow(page.getByRole('link', { name: 'Record that the Secretary of State and Ofsted were notified' }));
    await fillDate('notifiedOn', '3', '3', '2026');
    await press('Save Secretary of State and Ofsted notified');
    expect(await page.locator('main').innerText()).toContain('Secretary of State and Ofsted notified');
  }, 90_000);

  it("shows a delegated partner the cases awaiting their agency's sign-off, and refuses them the incident form", async () => {
    const awaiting = await openCase(t, bu, '2026-03-02');
    await step(t, bu, awaiting.id, 'notification.submitted', { submittedOn: '2026-03-03' });
    await step(t, bu, awaiting.id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met (test).',
    });

    await page.goto('/');
    await signIn(page, partner);
    const needs = page.locator('.app-needs-you-now');
    expect(await needs.innerText()).toContain("1 case is awaiting your agency's sign-off");
    await expect(page.getByRole('link', { name: 'Report a serious incident' }).count()).resolves.toBe(0);
    await expectNoSeriousFindings(page);

    await follow(needs.getByRole('link', { name: "1 case is awaiting your agency's sign-off" }));
    await expect(page.getByLabel("Only cases awaiting your agency's sign-off").isChecked()).resolves.toBe(true);
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    expect(await rows.innerText()).toContain(awaiting.reference as string);
    expect(await rows.innerText()).toContain('Decision');

    // Once the agency has signed (here through the API), nothing awaits it any more.
    await step(t, police, awaiting.id, 'decision.signed-off', { decision: 'agree' });
    await page.goto('/');
    expect(await needs.innerText()).toContain("No case is awaiting your agency's sign-off");

    const forbidden = await page.goto('/report-incident');
    expect(forbidden?.status()).toBe(403);
    expect(await heading()).toBe('You do not have permission to see or do this');
  }, 90_000);
});

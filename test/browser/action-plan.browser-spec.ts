import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openCase, setToday, step } from '../support/case-helpers';
import { createPerson, launchBrowser, expectNoSeriousFindings, signIn, type Person } from '../support/browser';
import { TestApp } from '../support/test-app';

/** The cells of the table rows in the section under the heading `heading`, as shown (lines apart), whitespace collapsed. */
async function tableRows(page: Page, heading: string): Promise<string[][]> {
  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) });
  return section
    .locator('tbody tr')
    .evaluateAll((rows) =>
      (rows as unknown as { children: ArrayLike<{ innerText: string }> }[]).map((row) =>
        Array.from(row.children).map((cell) => cell.innerText.replace(/\s+/g, ' ').trim()),
      ),
    );
}

jest.setTimeout(60_000);

/** Issue 12 items 3 and 8: the action plan's and the documents' forms and tables, as a person uses them. */
describe('the action plan and documents in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let worker: Person;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
    const baseUrl = await t.listen();
    browser = await launchBrowser();
    const admin = await t.login();
    worker = await createPerson(t, admin, {
      email: 'bea@partnership.test',
      name: 'Bea Business',
      roles: ['business-unit'],
    });
    context = await browser.newContext({ baseURL: baseUrl });
    context.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  async function submit(page: Page, button: string) {
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button, exact: true }).click()]);
  }

  it('adds an action owned by an agency and links a document through their forms; the case page shows both as tables', async () => {
    setToday(t, '2026-01-07');
    const bu = await t.login(worker.email, worker.password);
    const { id: caseId } = await openCase(t, bu, '2026-01-05');
    await step(t, bu, caseId, 'notification.submitted', { submittedOn: '2026-01-06' });

    const page = await context.newPage();
    await page.goto('/sign-in');
    await signIn(page, worker);
    await page.goto(`/case/${caseId}`);

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Add an action', exact: true }).click(),
    ]);
    await expectNoSeriousFindings(page);
    await page.getByLabel('Action reference').fill('A-1');
    await page.getByLabel('What needs to be done').fill('Review the out-of-hours referral route (test).');
    await page.getByLabel('Who is responsible').fill('Public protection unit');
    await page.locator('#dueOn-day').fill('6');
    await page.locator('#dueOn-month').fill('1');
    await page.locator('#dueOn-year').fill('2026');
    await page.getByRole('radio', { name: 'Police', exact: true }).check();
    await page.getByLabel('Who leads the action (optional)').fill('DCI Public Protection');
    await submit(page, 'Add action');
    // A due date before the day it is added: the API's rule, shown by the field's form.
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'cannot be before the day the action was added',
    );
    await expectNoSeriousFindings(page);
    await page.locator('#dueOn-day').fill('30');
    await submit(page, 'Add action');
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain('Action added');

    await page.getByRole('link', { name: 'Link a document', exact: true }).click();
    await page.waitForLoadState('load');
    await page.getByLabel('Document reference').fill('D-1');
    await page.getByLabel('Title of the document').fill('Police agency return (test)');
    await page.getByRole('radio', { name: 'Agency return', exact: true }).check();
    await page
      .getByLabel("Web address of the document in the partnership's document store")
      .fill('https://documents.partnership.example/cases/police-return');
    await expectNoSeriousFindings(page);
    await submit(page, 'Link document');
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain('Document linked');

    expect(await tableRows(page, 'Action plan')).toEqual([
      [
        'A-1 Review the out-of-hours referral route (test). From the rapid review',
        'Police Lead: DCI Public Protection Responsible: Public protection unit',
        '30 January 2026',
        'Not started',
      ],
    ]);
    expect(await tableRows(page, 'Documents')).toEqual([
      [
        'Police agency return (test) (in the partnership’s document store) Reference D-1',
        'Agency return',
        '7 January 2026',
        'Linked',
      ],
    ]);
    const link = page.getByRole('link', { name: /Police agency return \(test\)/ });
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expectNoSeriousFindings(page);
  });
});

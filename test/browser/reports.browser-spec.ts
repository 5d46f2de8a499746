import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { createPerson, expectNoSeriousFindings, launchBrowser, type Person, signedInPage } from '../support/browser';
import { makeTeam, openCase, setToday, step, toAgreedDecision, type Team } from '../support/case-helpers';
import { TestApp } from '../support/test-app';

jest.setTimeout(90_000);

describe('the practice review figures, in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let team: Team;
  let analyst: Person;
  const references: string[] = [];

  const h1 = (page: Page) => page.locator('h1').innerText();

  const signedIn = (person: Pick<Person, 'email' | 'password'>, at: string) =>
    signedInPage(browser, person, { baseURL, at });

  /** The cells of a table row, by the text of its header cell. */
  async function rowCells(page: Page, section: string, figure: string): Promise<string[]> {
    const table = page.locator('table', { has: page.locator('caption', { hasText: section }) });
    const row = table.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${figure}$`) }) });
    return (await row.locator('td').allInnerTexts()).map((text) => text.replace(/:.*$/s, '').trim());
  }

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', QUEUE_WORKERS: 'off' } });
    baseURL = await t.listen();
    team = await makeTeam(t);
    analyst = await createPerson(t, team.admin, {
      email: 'analyst@partnership.test',
      name: 'Ana Lyst',
      roles: ['subgroup-member'],
    });
    // Two rapid reviews sent in Q4 2025-26: one on time (due 26 January 2026), one late.
    for (const sentOn of ['2026-01-21', '2026-02-10']) {
      const opened = await openCase(t, team.bu);
      references.push(opened.reference as string);
      await toAgreedDecision(t, team, opened.id, 'no-lcspr');
      setToday(t, sentOn);
      await step(t, team.bu, opened.id, 'rapid-review.submitted', { submittedOn: sentOn });
    }
    setToday(t, '2026-04-10');
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a chosen year’s figures per quarter with the timeliness chart, and opens a number to its cases', async () => {
    const page = await signedIn(analyst, '/');
    await page.getByRole('link', { name: 'Reports' }).click();
    await expect(h1(page)).resolves.toBe('Practice review figures');
    await expect(page.locator('#figures').innerText()).resolves.toBe('2026-27 (1 April 2026 to 31 March 2027)');

    await page
      .getByLabel('Financial year', { exact: true })
      .selectOption({ label: '2025-26 (April 2025 to March 2026)' });
    await page.getByRole('button', { name: 'Show figures', exact: true }).click();
    await expect(page.locator('#figures').innerText()).resolves.toBe('2025-26 (1 April 2025 to 31 March 2026)');
    const appendix = 'Rapid reviews and practice reviews';
    await expect(rowCells(page, appendix, 'Number of Rapid Reviews completed')).resolves.toEqual([
      '0',
      '0',
      '0',
      '2',
      '2',
    ]);
    await expect(rowCells(page, appendix, 'Number of Rapid Reviews completed on time')).resolves.toEqual([
      'n/a',
      'n/a',
      'n/a',
      '1',
      '1',
    ]);
    const chart = page.getByRole('img', { name: 'Timeliness per quarter' });
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.locator('desc').textContent()).resolves.toContain(
      'Q4: Number of Rapid Reviews completed 2, Number of Rapid Reviews completed on time 1',
    );
    await expectNoSeriousFindings(page);

    await page
      .getByRole('link', { name: /^2\s?: the cases behind Number of Rapid Reviews completed, Q4 2025-26$/ })
      .click();
    await expect(h1(page)).resolves.toBe('Number of Rapid Reviews completed, Q4 2025-26');
    const cases = await page.locator('table').innerText();
    for (const reference of references) expect(cases).toContain(reference);
    expect(cases).toContain('21 January 2026');
    await expectNoSeriousFindings(page);
    await page.getByRole('link', { name: references[0] }).click();
    await expect(h1(page)).resolves.toContain(references[0]);

    await page.goBack();
    await page.getByRole('link', { name: 'Back to the figures' }).click();
    await expect(page.locator('#figures').innerText()).resolves.toContain('2025-26');
  });

  it('downloads the figures shown as CSV and as an Excel workbook through the page', async () => {
    const page = await signedIn(analyst, '/reports?year=2025');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these figures as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('practice-reviews-2025-26.csv');
    const lines = parse(await readFile((await csv.path())!, 'utf8'), { bom: true }) as string[][];
    expect(lines[0]).toEqual(['Period', 'Section', 'Figure', 'Row', 'Row id', 'Q1', 'Q2', 'Q3', 'Q4', 'Year']);
    expect(lines.find((line) => line[4] === 'rapid-reviews-on-time')?.slice(5)).toEqual([
      'n/a',
      'n/a',
      'n/a',
      '1',
      '1',
    ]);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these figures as an Excel workbook' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('practice-reviews-2025-26.xlsx');
    const file = await readFile((await xlsx.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows what is wrong with the dates asked for by the fields, keeping what was typed', async () => {
    const page = await signedIn(analyst, '/reports');
    await page.getByText('Or choose any dates').click();
    const first = page.getByRole('group', { name: 'First day' });
    await first.getByLabel('Day').fill('1');
    await first.getByLabel('Month').fill('3');
    await first.getByLabel('Year').fill('2026');
    const last = page.getByRole('group', { name: 'Last day' });
    await last.getByLabel('Day').fill('31');
    await last.getByLabel('Month').fill('1');
    await last.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Show figures for these dates' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Last day must be the same as or after the first day',
    );
    await expect(page.locator('#to-error').innerText()).resolves.toContain('Last day must be the same as');
    await expect(first.getByLabel('Month').inputValue()).resolves.toBe('3');
    expect(await page.title()).toBe('Error: Practice review figures – practice-review');
    await expectNoSeriousFindings(page);

    await last.getByLabel('Month').fill('12');
    await page.getByRole('button', { name: 'Show figures for these dates' }).click();
    await expect(page.locator('#figures').innerText()).resolves.toBe('1 March 2026 to 31 December 2026');
    await expect(page.locator('#section-appendix th', { hasText: 'Q4 2025-26' }).count()).resolves.toBe(1);
  });

  it('answers a cell the report does not have with the page for a bad request', async () => {
    const page = await signedIn(analyst, '/reports');
    const response = await page.goto('/reports/cases?row=no-such-figure&column=whole&year=2025');
    expect(response?.status()).toBe(400);
    await expect(h1(page)).resolves.toBe('There is a problem with the request');
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { ReminderEntity } from '@app/reminders';
import { getRulebook, RULE_TITLES } from '@app/workflows';
import { createPerson, launchBrowser, expectNoSeriousFindings, signIn } from '../support/browser';
import { makeTeam, openCase, setToday, type Team } from '../support/case-helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('partnership settings, failed reminders, the rulebook and the working-day calculator in a browser', () => {
  let t: TestApp;
  let team: Team;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const errorSummary = () => page.locator('.govuk-error-summary').innerText();
  const banner = () => page.locator('.govuk-notification-banner--success').innerText();

  beforeAll(async () => {
    // No workers: a retried reminder stays pending instead of being sent (and maybe failing) at once.
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', QUEUE_WORKERS: 'off' } });
    const baseURL = await t.listen();
    team = await makeTeam(t);
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('/manage/settings');
    await signIn(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets the admin add a closure day and change a rule, each after a mistake, and the calculator counts the closure day', async () => {
    expect(new URL(page.url()).pathname).toBe('/manage/settings');
    await expect(page.locator('h1').innerText()).resolves.toBe('Partnership settings');
    // makeTeam gives the local authority a lead partner, and the police and health none.
    const warning = await page.locator('.app-unfilled-roles').innerText();
    expect(warning).toContain('Nobody holds: Lead partner (Police); Lead partner (Health)');
    await expect(page.getByRole('link', { name: 'Add a user' }).getAttribute('href')).resolves.toBe(
      '/manage/users/new',
    );
    await expectNoSeriousFindings(page);

    await page.getByRole('button', { name: 'Add a closure day' }).click();
    await page.getByLabel('Day').fill('30');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    expect(await errorSummary()).toContain(
      'Closure day must be a real date between 1 January 2000 and 31 December 2099',
    );
    expect(await page.title()).toBe('Error: Add a closure day – practice-review');
    await expectNoSeriousFindings(page);
    await page.getByLabel('Day').fill('16');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    expect(new URL(page.url()).pathname).toBe('/manage/settings');
    expect(await banner()).toContain('Monday 16 February 2026 was added as a closure day');
    await expect(page.locator('#closure-days + p + dl').innerText()).resolves.toContain('Monday 16 February 2026');

    await page.getByRole('link', { name: `Change ${RULE_TITLES['rapid-review']}` }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe(RULE_TITLES['rapid-review']);
    await expectNoSeriousFindings(page);
    await page.getByLabel('Length').fill('0');
    await page.getByRole('button', { name: 'Save rule' }).click();
    const problems = await errorSummary();
    expect(problems).toContain('Length must be a whole number from 1 to 1000');
    expect(problems).toContain('Enter why the partnership changes this rule');
    await expect(page.locator('#length-error').innerText()).resolves.toContain('Length must be a whole number');
    await expectNoSeriousFindings(page);
    await page.getByLabel('Length').fill('20');
    await page.getByLabel('The day the notification was sent to the Panel').check();
    await page.getByLabel('Why the partnership changes this rule').fill('Our procedures count from the notification');
    await page.getByRole('button', { name: 'Save rule' }).click();
    expect(await banner()).toContain('the partnership’s rule was saved');
    const card = await page.locator('.govuk-summary-card', { hasText: RULE_TITLES['rapid-review'] }).innerText();
    expect(card).toContain('20 working days after the day the notification was sent to the Panel');
    expect(card).toContain('Our procedures count from the notification');
    await expectNoSeriousFindings(page);

    await page.goto('/working-days');
    await expectNoSeriousFindings(page);
    const add = page.locator('form[action="/working-days#add"]');
    await add.getByLabel('Day', { exact: true }).fill('13');
    await add.getByLabel('Month', { exact: true }).fill('2');
    await add.getByLabel('Year', { exact: true }).fill('2026');
    await add.getByLabel('Number of working days').fill('one');
    await add.getByRole('button', { name: 'Calculate' }).click();
    expect(await errorSummary()).toContain('Number of working days must be a whole number from -1000 to 1000');
    await expectNoSeriousFindings(page);
    await add.getByLabel('Number of working days').fill('1');
    await add.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.locator('#added-answer').innerText()).resolves.toBe(
      '1 working day after Friday 13 February 2026 is Tuesday 17 February 2026',
    );
    await expect(page.locator('.app-answer').innerText()).resolves.toContain(
      'Monday 16 February 2026: Partnership closure day',
    );
    expect(new URL(page.url()).search).toBe('?from-day=13&from-month=2&from-year=2026&days=1');
    await expectNoSeriousFindings(page);

    const between = page.locator('form[action="/working-days#between"]');
    for (const [legend, day] of [
      ['First date', '24'],
      ['Second date', '4'],
    ] as const) {
      const date = between.getByRole('group', { name: legend });
      await date.getByLabel('Day', { exact: true }).fill(day);
      await date.getByLabel('Month', { exact: true }).fill(day === '24' ? '12' : '1');
      await date.getByLabel('Year', { exact: true }).fill(day === '24' ? '2026' : '2027');
    }
    await between.getByRole('button', { name: 'Count working days' }).click();
    await expect(page.locator('#between-answer').innerText()).resolves.toBe(
      'There are 4 working days after Thursday 24 December 2026, up to and including Monday 4 January 2027',
    );
    const notCounted = await page.locator('.app-answer').innerText();
    expect(notCounted).toContain('Friday 25 December 2026: Christmas Day');
    expect(notCounted).toContain('Friday 1 January 2027: New Year');
    await expectNoSeriousFindings(page);
  });

  it('lists every rule of the rulebook with its source, and the partnership’s change beside the rulebook’s', async () => {
    await page.goto('/rulebook#notify-panel');
    await expect(page.locator('h1').innerText()).resolves.toBe('Rulebook');
    for (const rule of getRulebook().rules) {
      const section = await page.locator(`section#${rule.id}`).innerText();
      expect(section).toContain(RULE_TITLES[rule.id]);
      expect(section).toContain(rule.source.document);
      expect(section).toContain(rule.source.section);
    }
    const rapidReview = await page.locator('section#rapid-review').innerText();
    expect(rapidReview).toContain('20 working days after the day the notification was sent to the Panel');
    expect(rapidReview).toContain('15 working days after the day the local authority became aware of the incident');
    expect(rapidReview).toContain('Our procedures count from the notification');
    await expectNoSeriousFindings(page);
  });

  it('retries a failed reminder from the page, which then has none left', async () => {
    setToday(t, '2026-01-06');
    const opened = await openCase(t, team.bu, '2026-01-05');
    t.get(Clock).now = () => new Date();
    const reminders = t.get(DataSource).getRepository(ReminderEntity);
    const [reminder] = await reminders.find({
      where: { caseId: opened.id, rule: 'notify-panel', status: 'pending' },
      order: { fireAtMs: 'ASC' },
    });
    await reminders.update(
      { id: reminder.id },
      { status: 'failed', attempts: 5, lastError: 'connect ECONNREFUSED 127.0.0.1:2525' },
    );

    await page.goto('/manage/reminders');
    const row = await page.locator('tbody tr').innerText();
    expect(row).toContain(opened.reference as string);
    expect(row).toContain('Warning: Notify the Panel');
    expect(row).toContain('The mail server could not be reached');
    expect(row).not.toContain('ECONNREFUSED');
    await expect(page.getByRole('link', { name: opened.reference as string }).getAttribute('href')).resolves.toBe(
      `/case/${opened.id}`,
    );
    await expectNoSeriousFindings(page);

    await page.getByRole('button', { name: /^Retry/ }).click();
    expect(new URL(page.url()).pathname).toBe('/manage/reminders');
    expect(await banner()).toContain(`Warning: Notify the Panel (${opened.reference as string}) will be sent again`);
    await expect(page.locator('main').innerText()).resolves.toContain('No reminder has failed');
    await expect(reminders.findOneByOrFail({ id: reminder.id })).resolves.toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    await expectNoSeriousFindings(page);
  });

  it('refuses the admin pages to anyone else with a GOV.UK 403 page', async () => {
    const worker = await createPerson(t, team.admin, {
      email: 'settings-worker@partnership.test',
      name: 'Wren Worker',
      roles: ['business-unit'],
    });
    const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const workerPage = await other.newPage();
    await workerPage.goto('/manage/settings');
    await signIn(workerPage, worker);
    await expect(workerPage.locator('h1').innerText()).resolves.toBe('You do not have permission to see or do this');
    const answer = await workerPage.goto('/manage/reminders');
    expect(answer?.status()).toBe(403);
    await other.close();
  });
});

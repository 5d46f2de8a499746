import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PartnershipsService } from '@app/auth';
import { openCase, setToday, step } from '../support/case-helpers';
import { createPerson, launchBrowser, expectNoSeriousFindings, signIn, type Person } from '../support/browser';
import { TestApp } from '../support/test-app';

interface Element {
  children: ArrayLike<{ textContent: string | null }>;
}

/** The cells of the table rows in the section under the heading `heading`, whitespace collapsed. */
async function tableRows(page: Page, heading: string): Promise<string[][]> {
  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) });
  return section
    .locator('tbody tr')
    .evaluateAll((rows) =>
      (rows as unknown as Element[]).map((row) =>
        Array.from(row.children).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
}

const collapsed = async (text: Promise<string>) => (await text).replace(/\s+/g, ' ').trim();

// Each test drives several pages; on a busy two-core machine one can take longer than jest's default.
jest.setTimeout(60_000);

describe('the case page in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let api: { bu: string; subgroup: string; police: string };
  let partner: Person;
  let worker: Person;
  let scrutineer: Person;
  let awaitingSignOff: string;
  let fresh: string;
  const contexts: BrowserContext[] = [];

  async function pageFor(person: Person): Promise<Page> {
    const context = await browser.newContext({ baseURL: baseUrl });
    contexts.push(context);
    // A step that cannot happen fails with what it waited for, well before the test's own time-out.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await signIn(page, person);
    return page;
  }

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
    baseUrl = await t.listen();
    browser = await launchBrowser();
    const admin = await t.login();
    partner = await createPerson(t, admin, {
      email: 'lee@partnership.test',
      name: 'Lee Authority',
      roles: ['delegated-partner'],
      agency: 'local-authority',
    });
    worker = await createPerson(t, admin, {
      email: 'bea@partnership.test',
      name: 'Bea Business',
      roles: ['business-unit'],
    });
    scrutineer = await createPerson(t, admin, {
      email: 'sol@partnership.test',
      name: 'Sol Scrutiny',
      roles: ['scrutineer'],
    });
    api = {
      bu: await t.login(worker.email, worker.password),
      subgroup: (await t.userWithToken(admin, { email: 'sam@partnership.test', roles: ['subgroup-member'] })).token,
      police: (
        await t.userWithToken(admin, {
          email: 'pat@partnership.test',
          name: 'Pat Police',
          roles: ['delegated-partner'],
          agency: 'police',
        })
      ).token,
    };

    // A case at the decision, signed by the police already, through the API.
    setToday(t, '2026-01-07');
    awaitingSignOff = (await openCase(t, api.bu, '2026-01-05')).id;
    await step(t, api.bu, awaitingSignOff, 'notification.submitted', { submittedOn: '2026-01-07' });
    setToday(t, '2026-01-15');
    await step(t, api.subgroup, awaitingSignOff, 'rapid-review.meeting-held', { heldOn: '2026-01-14' });
    await step(t, api.subgroup, awaitingSignOff, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met (test).',
    });
    setToday(t, '2026-01-20');
    const signed = await step(t, api.police, awaitingSignOff, 'decision.signed-off', { decision: 'agree' });
    expect(signed.state).toBe('decision.awaiting-sign-off');
    // A case just opened, for the business unit to record its notification.
    fresh = (await openCase(t, api.bu, '2026-01-19')).id;
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  it("lets a delegated partner sign off on the case page, then shows their agency's sign-off", async () => {
    const page = await pageFor(partner);
    await page.goto(`/case/${awaitingSignOff}`);
    await expect(page.locator('h1').innerText()).resolves.toContain('CSPR-2026-0001');
    expect(await page.title()).toBe('Case CSPR-2026-0001 – practice-review');
    expect(await tableRows(page, 'Sign-off')).toEqual([
      ['Local authority', 'Awaiting sign-off', '', '', ''],
      ['Police', 'Agree', 'Pat Police', '20 January 2026', ''],
      ['Health', 'Awaiting sign-off', '', '', ''],
    ]);
    await expectNoSeriousFindings(page);

    await page.getByRole('radio', { name: 'Agree', exact: true }).check();
    await page.getByLabel('Comment (optional)').fill('Agreed with the rapid review (test).');
    await page.getByRole('button', { name: 'Sign off' }).click();

    expect(new URL(page.url()).pathname).toBe(`/case/${awaitingSignOff}`);
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain(
      'Decision signed off',
    );
    expect((await tableRows(page, 'Sign-off'))[0]).toEqual([
      'Local authority',
      'Agree',
      'Lee Authority',
      '20 January 2026',
      'Agreed with the rapid review (test).',
    ]);
    await expect(page.getByRole('button', { name: 'Sign off' }).count()).resolves.toBe(0);
    const timeline = await page.locator('.app-timeline__title').allInnerTexts();
    expect(timeline).toEqual([
      'Decision signed off',
      'Decision signed off',
      'Recommendation made',
      'Rapid review meeting recorded',
      'Notification to the Panel recorded',
      'Case opened',
    ]);
    await expect(page.locator('.app-timeline__by').first().innerText()).resolves.toMatch(
      // The history keeps the instant each change was made; the case's dates above follow the service's clock.
      /^Lee Authority \(Delegated partner, Local authority\), \d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}(am|pm)$/,
    );
  });

  it('lets the business unit record a dated event through its form, showing each mistake until it is right', async () => {
    const page = await pageFor(worker);
    await page.goto(`/case/${fresh}`);
    expect(await tableRows(page, 'Deadlines')).toEqual([
      ['Notify the Panel (the rule and its statutory source)', '26 January 2026', 'Open'],
      ['Tell the safeguarding partners (the rule and its statutory source)', '26 January 2026', 'Open'],
      ['Send the rapid review to the Panel (the rule and its statutory source)', '9 February 2026', 'Open'],
    ]);
    await expect(page.getByRole('link', { name: /^Notify the Panel/ }).getAttribute('href')).resolves.toBe(
      '/rulebook#notify-panel',
    );
    await page.getByRole('link', { name: 'Record the notification to the Panel' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Record the notification to the Panel');

    // A month left out: the form says so by the date, and in the summary.
    await page.getByLabel('Day').fill('20');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Save notification' }).click();
    await expect(page.locator('.govuk-error-summary__title').innerText()).resolves.toBe('There is a problem');
    const missing = 'Date the notification was sent to the Panel must include a month';
    await expect(page.locator('.govuk-error-summary__list').innerText()).resolves.toBe(missing);
    await expect(collapsed(page.locator('.govuk-error-message').innerText())).resolves.toBe(`Error: ${missing}`);
    expect(await page.title()).toMatch(/^Error: /);
    await expect(page.getByLabel('Day').inputValue()).resolves.toBe('20');
    await expectNoSeriousFindings(page);

    // A day still to come: the API's rule, by the date, in GOV.UK words.
    await page.getByLabel('Day').fill('21');
    await page.getByLabel('Month').fill('1');
    await page.getByRole('button', { name: 'Save notification' }).click();
    await expect(page.locator('.govuk-error-summary__list').innerText()).resolves.toBe(
      'Date the notification was sent to the Panel (21 January 2026) cannot be in the future',
    );

    await page.getByLabel('Day').fill('20');
    await page.getByRole('button', { name: 'Save notification' }).click();
    expect(new URL(page.url()).pathname).toBe(`/case/${fresh}`);
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain(
      'Notification to the Panel recorded',
    );
    const deadlines = await tableRows(page, 'Deadlines');
    expect(deadlines[0]).toEqual([
      'Notify the Panel (the rule and its statutory source)',
      '26 January 2026',
      'Met Met on 20 January 2026',
    ]);
    await expect(page.locator('.app-timeline__title').allInnerTexts()).resolves.toEqual([
      'Notification to the Panel recorded',
      'Case opened',
    ]);
    await expect(page.locator('.app-timeline__change').first().textContent()).resolves.toMatch(
      /^\s*Waiting for the notification to the Panel\s+→\s*, then\s+Rapid review under way\s*$/,
    );
    await expectNoSeriousFindings(page);

    // The banner is said once.
    await page.reload();
    await expect(page.locator('.govuk-notification-banner').count()).resolves.toBe(0);

    // A form read before someone else changed the case: refused, the case shown as it is now, then sent again.
    await page.getByRole('link', { name: 'Record the rapid review meeting' }).click();
    await step(t, api.bu, fresh, 'agency-return.received', { agency: 'police' });
    await page.getByLabel('Day').fill('20');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Save meeting' }).click();
    await expect(page.locator('.govuk-error-summary__list').innerText()).resolves.toBe(
      'Someone else changed this case after you opened this page. Check the case as it is now, then send the form again.',
    );
    await expect(page.getByLabel('Day').inputValue()).resolves.toBe('20');
    await page.getByRole('button', { name: 'Save meeting' }).click();
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain(
      'Rapid review meeting recorded',
    );
  });

  it('shows a scrutineer the case with no form', async () => {
    const page = await pageFor(scrutineer);
    await page.goto(`/case/${awaitingSignOff}`);
    await expect(page.locator('h1').innerText()).resolves.toContain('CSPR-2026-0001');
    await expect(page.locator('form[action^="/case/"]').count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'What you can do now' }).count()).resolves.toBe(0);
  });

  it("answers another partnership's case and a malformed id with the page not found", async () => {
    const other = await t.get(PartnershipsService).createWithAdmin('Southshire Partnership', {
      email: 'admin@southshire.test',
      password: 'another correct horse battery',
    });
    const otherAdmin = await t.login('admin@southshire.test', 'another correct horse battery');
    const otherBu = await t.userWithToken(otherAdmin, { email: 'bu@southshire.test', roles: ['business-unit'] });
    const theirs = (await openCase(t, otherBu.token)).id;
    expect(other.partnership.id).toBeDefined();

    const page = contexts[1].pages()[0];
    for (const path of [`/case/${theirs}`, '/case/not-a-case', `/case/${fresh}/events/no.such-event`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
    }
  });
});

/**
 * The measure of done: a case taken from notification to closure by people in browsers alone, each doing
 * their part through the pages (the forms generated from the event declarations), three partners signing off at the
 * same moment in three browsers, and the link in an email opening its case after sign-in. Only the opening of the
 * case is done through the API here (the incident form has its own browser test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EVENT_DESCRIPTIONS, formFieldsOf, EVENT_PAYLOADS, type CaseEventType } from '@app/cases';
import { parseRfc5322 } from '../../libs/mail/src/testing/parse-rfc5322';
import { createPerson, launchBrowser, expectNoSeriousFindings, signIn, type Person } from '../support/browser';
import { openCase, setToday } from '../support/case-helpers';
import { TestApp } from '../support/test-app';

jest.setTimeout(240_000);

/** What each field is given, by field name; dates are `YYYY-MM-DD`, typed into the GOV.UK date input's parts. */
type Answers = Record<string, string | boolean>;

describe('a case from notification to closure, in browsers', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let people: Record<'worker' | 'subgroup' | 'la' | 'police' | 'health', Person>;

  const personOf = new Map<Page, Person>();

  /**
   * Each person's browser as on their own machine: the service trusts the loopback proxy's X-Forwarded-For, so the
   * per-address sign-in limit (10 a minute) counts each person apart, as it would in an office.
   */
  let machines = 0;
  const ownMachine = () => ({ baseURL: baseUrl, extraHTTPHeaders: { 'X-Forwarded-For': `10.0.0.${++machines}` } });

  async function signedIn(person: Person, path = '/'): Promise<Page> {
    const context = await browser.newContext(ownMachine());
    contexts.push(context);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    personOf.set(page, person);
    await page.goto(path);
    await signIn(page, person);
    return page;
  }

  /** Opens the case page, signing in again when the session has ended (the service's clock moves on by days here). */
  async function openCasePage(page: Page, caseId: string): Promise<void> {
    await page.goto(`/case/${caseId}`);
    if (new URL(page.url()).pathname === '/sign-in') await signIn(page, personOf.get(page)!);
    expect(new URL(page.url()).pathname).toBe(`/case/${caseId}`);
  }

  /** Offered on the case page as a link to its form: opens it, answers each generated field, sends it. */
  async function send(page: Page, caseId: string, type: CaseEventType, answers: Answers = {}): Promise<void> {
    await openCasePage(page, caseId);
    const offer = page.getByRole('link', { name: EVENT_DESCRIPTIONS[type].title, exact: true });
    if ((await offer.count()) !== 1)
      throw new Error(`${type} is not offered: ${await page.locator('main').innerText()}`);
    await Promise.all([page.waitForEvent('load'), offer.click()]);
    for (const field of formFieldsOf(EVENT_PAYLOADS[type])) {
      const answer = answers[field.name];
      if (answer === undefined) {
        if (!field.optional) throw new Error(`${type}: no answer for ${field.name}`);
        continue;
      }
      if (field.kind === 'date') {
        const [year, month, day] = String(answer).split('-');
        await page.locator(`#${field.name}-day`).fill(String(Number(day)));
        await page.locator(`#${field.name}-month`).fill(String(Number(month)));
        await page.locator(`#${field.name}-year`).fill(year);
      } else if (field.kind === 'choice' || field.kind === 'yes-no') {
        const value = field.kind === 'yes-no' ? (answer ? 'yes' : 'no') : String(answer);
        await page.locator(`input[name="${field.name}"][value="${value}"]`).check();
      } else {
        await page.locator(`#${field.name}`).fill(String(answer));
      }
    }
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: EVENT_DESCRIPTIONS[type].button, exact: true }).click(),
    ]);
    const banner = page.locator('.govuk-notification-banner--success');
    if ((await banner.count()) === 0) {
      throw new Error(`${type} was refused: ${await page.locator('main').innerText()}`);
    }
    expect(await banner.innerText()).toContain(EVENT_DESCRIPTIONS[type].done);
  }

  /** The delegated partners of the three agencies sign off at the same moment, each in their own browser. */
  async function signOffTogether(pages: Page[], caseId: string): Promise<void> {
    await Promise.all(pages.map((page) => openCasePage(page, caseId)));
    await Promise.all(pages.map((page) => page.getByRole('radio', { name: 'Agree', exact: true }).check()));
    await Promise.all(
      pages.map((page) =>
        Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign off' }).click()]),
      ),
    );
    for (const page of pages) {
      await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain('signed off');
    }
  }

  const state = async (page: Page, caseId: string) => {
    await openCasePage(page, caseId);
    return page.locator('main').innerText();
  };

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1', TRUSTED_PROXIES: 'loopback' } });
    baseUrl = await t.listen();
    browser = await launchBrowser();
    const admin = await t.login();
    const person = (email: string, name: string, roles: string[], agency?: string) =>
      createPerson(t, admin, { email, name, roles, ...(agency ? { agency } : {}) });
    people = {
      worker: await person('bea@partnership.test', 'Bea Business', ['business-unit']),
      subgroup: await person('sam@partnership.test', 'Sam Subgroup', ['subgroup-member']),
      la: await person('lee@partnership.test', 'Lee Authority', ['delegated-partner'], 'local-authority'),
      police: await person('pat@partnership.test', 'Pat Police', ['delegated-partner'], 'police'),
      health: await person('hal@partnership.test', 'Hal Health', ['delegated-partner'], 'health'),
    };
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  it('is taken through every stage by the business unit, the subgroup and three partners signing at once', async () => {
    setToday(t, '2026-01-07');
    const bu = await t.login(people.worker.email, people.worker.password);
    const opened = await openCase(t, bu, '2026-01-05');
    const caseId = opened.id;
    const worker = await signedIn(people.worker);
    const subgroup = await signedIn(people.subgroup);
    const partners = [await signedIn(people.la), await signedIn(people.police), await signedIn(people.health)];

    await send(worker, caseId, 'notification.submitted', { submittedOn: '2026-01-07' });
    await send(worker, caseId, 'partners.informed', { informedOn: '2026-01-07' });
    setToday(t, '2026-01-15');
    await send(subgroup, caseId, 'rapid-review.meeting-held', { heldOn: '2026-01-14' });
    await send(subgroup, caseId, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'The criteria for a local review are met (test).',
    });

    setToday(t, '2026-01-20');
    await signOffTogether(partners, caseId);
    const agreed = await state(worker, caseId);
    expect(agreed).toContain('Agreed: to be sent to the Panel');
    for (const name of ['Lee Authority', 'Pat Police', 'Hal Health']) expect(agreed).toContain(name);
    await expectNoSeriousFindings(worker);

    await send(worker, caseId, 'rapid-review.submitted', { submittedOn: '2026-01-20' });
    setToday(t, '2026-02-10');
    await send(worker, caseId, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-10' });
    await send(subgroup, caseId, 'lcspr.reviewer-appointed', { reviewerName: 'Robin Reviewer', independent: true });
    await send(subgroup, caseId, 'lcspr.terms-agreed', { agreedOn: '2026-02-10' });
    await send(subgroup, caseId, 'lcspr.methodology-agreed', { agreedOn: '2026-02-10' });
    setToday(t, '2026-05-01');
    await send(subgroup, caseId, 'lcspr.draft-received', { receivedOn: '2026-05-01' });
    await signOffTogether(partners, caseId);
    expect(await state(worker, caseId)).toContain('Publication not yet planned');

    await send(worker, caseId, 'publication.scheduled', { plannedOn: '2026-05-29' });
    await send(worker, caseId, 'publication.report-sent', { sentOn: '2026-05-01' });
    setToday(t, '2026-05-29');
    await send(worker, caseId, 'publication.published', {
      publishedOn: '2026-05-29',
      url: 'https://partnership.example/reviews/lcspr-2026-01.pdf',
    });
    await send(subgroup, caseId, 'action.added', {
      actionId: 'A-1',
      description: 'Share the learning with every school (test).',
      owner: 'Head of Education Safeguarding',
      dueOn: '2026-07-31',
    });
    setToday(t, '2026-07-01');
    await send(worker, caseId, 'action.completed', { actionId: 'A-1', completedOn: '2026-07-01' });
    await send(worker, caseId, 'case.closed');

    const closed = await state(worker, caseId);
    expect(closed).toContain('Closed');
    expect(await worker.locator('section', { hasText: 'What you can do now' }).count()).toBe(0);
    const api = await t.http.get(`/cases/${caseId}`).auth(bu, { type: 'bearer' }).expect(200);
    expect(api.body).toMatchObject({ stage: 'closed', state: 'closed' });
    const history = await t.http.get(`/cases/${caseId}/history`).auth(bu, { type: 'bearer' }).expect(200);
    expect(history.body.filter((e: { type: string }) => e.type === 'decision.signed-off')).toHaveLength(3);
    expect(history.body.filter((e: { type: string }) => e.type === 'lcspr.final-report-signed-off')).toHaveLength(3);
  });

  it("opens the case from the link in a delegated partner's email, after sign-in", async () => {
    setToday(t, '2026-01-15');
    const subgroup = await t.login(people.subgroup.email, people.subgroup.password);
    const bu = await t.login(people.worker.email, people.worker.password);
    const { id: caseId, reference } = (await openCase(t, bu, '2026-01-12')) as { id: string; reference: string };
    for (const [type, payload] of [
      ['notification.submitted', { submittedOn: '2026-01-14' }],
      ['rapid-review.meeting-held', { heldOn: '2026-01-14' }],
      ['rapid-review.recommended', { recommendation: 'no-lcspr', rationale: 'Criteria not met (test).' }],
    ] as const) {
      await t.http
        .post(`/cases/${caseId}/events`)
        .auth(subgroup, { type: 'bearer' })
        .send({ type, ...payload })
        .expect(200);
    }

    const link = await linkInMailTo(t, people.police.email, caseId);
    const context = await browser.newContext(ownMachine());
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(link.replace('http://127.0.0.1', baseUrl));
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await signIn(page, people.police);
    expect(new URL(page.url()).pathname).toBe(`/case/${caseId}`);
    await expect(page.locator('h1').innerText()).resolves.toContain(reference);
    await expect(page.getByRole('button', { name: 'Sign off' }).count()).resolves.toBe(1);
  });
});

/** The case link in the newest mail to `to` about the case, waiting for the queue to send it. */
async function linkInMailTo(t: TestApp, to: string, caseId: string): Promise<string> {
  const outbox = join(t.dir, 'outbox');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    } catch {
      // The outbox folder is made with the first mail.
    }
    for (const file of files) {
      const message = parseRfc5322(readFileSync(join(outbox, file), 'utf8'));
      if (!(message.headers.get('to') ?? '').includes(to)) continue;
      const text = [message.body, ...message.parts.map((p) => p.body)].join('\n');
      const link = new RegExp(`https?://[^\\s"<>]+/cases/${caseId}`).exec(text)?.[0];
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} with a link to case ${caseId}`);
}

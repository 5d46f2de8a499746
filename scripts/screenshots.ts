/**
 * `npm run screenshots`: the main pages as people see them, saved to docs/screenshots/ for the README. It starts the
 * real service on a temporary SQLite file (with the local Redis, REDIS_URL), makes a partnership's people and a case
 * through the API, and photographs the pages in Debian's Chromium (CHROMIUM_PATH) at a laptop's width.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Clock } from '@app/common';
import { makeTeam, openCase, setToday, step } from '../test/support/case-helpers';
import { buildReportDataset } from '../test/support/report-dataset';
import { createPerson, launchBrowser, signIn, type Person } from '../test/support/browser';
import { TestApp } from '../test/support/test-app';

const OUT = join(__dirname, '..', 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 900 };

async function photograph(
  browser: Browser,
  baseUrl: string,
  person: Person,
  shots: [string, string][],
  /** The height to keep of a long page (from its top); the whole page when not given. */
  height?: number,
) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT });
  const page: Page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, person);
  for (const [path, file] of shots) {
    await page.goto(path);
    const clip = height === undefined ? undefined : { x: 0, y: 0, width: VIEWPORT.width, height };
    await page.screenshot({ path: join(OUT, file), fullPage: true, ...(clip ? { clip } : {}) });
    console.log(`docs/screenshots/${file}: ${path}`);
  }
  await context.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (process.env.REDIS_URL) process.env.TEST_REDIS_URL ??= process.env.REDIS_URL;
  const t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
  const browser = await launchBrowser();
  try {
    const baseUrl = await t.listen();
    const admin = await t.login();
    const person = (email: string, name: string, roles: string[], agency?: string) =>
      createPerson(t, admin, { email, name, roles, ...(agency ? { agency } : {}) });
    const worker = await person('bea@partnership.example', 'Bea Business', ['business-unit']);
    const partner = await person('lee@partnership.example', 'Lee Authority', ['delegated-partner'], 'local-authority');
    const bu = await t.login(worker.email, worker.password);
    const police = (
      await t.userWithToken(admin, {
        email: 'pat@partnership.example',
        name: 'Pat Police',
        roles: ['delegated-partner'],
        agency: 'police',
      })
    ).token;

    setToday(t, '2026-01-07');
    const awaiting = (await openCase(t, bu, '2026-01-05')).id;
    await step(t, bu, awaiting, 'notification.submitted', { submittedOn: '2026-01-07' });
    await step(t, bu, awaiting, 'partners.informed', { informedOn: '2026-01-07' });
    setToday(t, '2026-01-15');
    await step(t, bu, awaiting, 'rapid-review.meeting-held', { heldOn: '2026-01-14' });
    await step(t, bu, awaiting, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'The criteria for a local review are met: learning about multi-agency information sharing.',
    });
    setToday(t, '2026-01-20');
    await step(t, police, awaiting, 'decision.signed-off', { decision: 'agree' });
    for (const laAwareOn of ['2026-01-12', '2026-01-16']) await openCase(t, bu, laAwareOn);
    t.get(Clock).now = () => new Date('2026-01-21T10:00:00Z');

    await photograph(browser, baseUrl, worker, [
      ['/', 'home.png'],
      [`/case/${awaiting}`, 'case-page.png'],
      ['/report-incident', 'incident-form.png'],
    ]);
    await photograph(browser, baseUrl, partner, [[`/case/${awaiting}`, 'sign-off.png']]);
    await photographReports(browser);
  } finally {
    await browser.close();
    await t.close();
  }
}

/** The figures of a year of cases (the reports' acceptance dataset, built through the API), on a service of its own. */
async function photographReports(browser: Browser): Promise<void> {
  const t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
  try {
    const baseUrl = await t.listen();
    const team = await makeTeam(t);
    await buildReportDataset(t, team);
    const reader = await createPerson(t, team.admin, {
      email: 'sam@partnership.example',
      name: 'Sam Subgroup',
      roles: ['subgroup-member'],
    });
    await photograph(browser, baseUrl, reader, [['/reports?year=2025', 'reports.png']], 2100);
  } finally {
    await t.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

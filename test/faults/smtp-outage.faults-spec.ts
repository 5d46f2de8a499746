import type { ReminderEntity } from '@app/reminders';
import { TestApp } from '../support/test-app';
import { SmtpPeer } from '../support/smtp-peer';
import { TestRedisServer } from '../support/redis-server';
import { sleep, until } from '../support/wait';
import {
  describeRows,
  eventRequest,
  mailCounts,
  makeCrew,
  messageIdOf,
  openCaseRequest,
  owed,
  reminderRows,
  runClockFrom,
  NINE_AM,
  TODAY,
} from './support/outage-helpers';

/**
 * The mail server goes away completely (its port refuses connections) while reminders and notices come due. Bull's
 * retries carry each mail over the outage; a row is marked failed only when its last attempt fails, and an admin can
 * then see it and send it again. The periodic reconcile is set to an hour, except in the test about how it and the
 * back-off go together.
 */

describe('Reminders and notices through an SMTP outage', () => {
  let redis: TestRedisServer;
  let smtp: SmtpPeer;
  let t: TestApp | undefined;
  let watching: { stop(): Promise<void> } | undefined;

  const startApp = async (attempts: number, backoffMs: number, reconcileIntervalMs = 3_600_000) => {
    t = await TestApp.start({
      env: {
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: smtp.url,
        REDIS_URL: redis.url,
        REMINDER_ATTEMPTS: String(attempts),
        REMINDER_BACKOFF_MS: String(backoffMs),
        RECONCILE_INTERVAL_MS: String(reconcileIntervalMs),
      },
    });
    return t;
  };

  /** Reads the rows every 50 ms from now on and keeps what the test must know about the time in between. */
  const watchRows = (app: TestApp) => {
    const seen = { failed: new Map<string, ReminderEntity>(), refused: 0 };
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        for (const row of await reminderRows(app)) {
          if (row.status === 'failed' && !seen.failed.has(row.id)) seen.failed.set(row.id, row);
          if (row.lastError && /ECONNREFUSED/.test(row.lastError)) seen.refused++;
        }
        await sleep(50);
      }
    })();
    watching = {
      stop: async () => {
        stopped = true;
        await loop;
      },
    };
    return { seen, stop: watching.stop };
  };

  beforeEach(async () => {
    redis = await TestRedisServer.start();
    smtp = await SmtpPeer.start();
  });
  afterEach(async () => {
    await watching?.stop();
    watching = undefined;
    await t?.close();
    t = undefined;
    await smtp.close();
    await redis.stop();
  });

  it('delivers every reminder and notice that came due while SMTP refused connections, after retries, exactly once, and marks none failed while attempts remain', async () => {
    // Back-off 50 ms doubling: 8 attempts span about 12 s, several times the outage below.
    const app = await startApp(8, 50);
    const [bu, bu2] = (await makeCrew(app, 2)).clients;
    await smtp.stop();
    const now = runClockFrom(app, '2026-01-05T08:59:57Z');
    const watch = watchRows(app);

    // Due at once: a case entered late; at 09:00: the first warnings of two fresh cases; and a notice.
    const opened = await Promise.all([
      openCaseRequest(app, bu, '2025-12-15', '2025-12-10'),
      openCaseRequest(app, bu, TODAY, '2026-01-03'),
      openCaseRequest(app, bu2, TODAY, '2026-01-03'),
      openCaseRequest(app, bu2, TODAY, '2026-01-03'),
    ]);
    expect(opened.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const notified = await eventRequest(app, bu2, opened[3].body.id, 'notification.submitted', { submittedOn: TODAY });
    expect(notified.status).toBe(200);

    // Down until 09:00 has passed and every reminder due has been tried and retried at least once.
    await until(
      async () => now() > NINE_AM + 1_500 && owed(await reminderRows(app), now()).every((r) => r.attempts >= 2),
      15_000,
      'every reminder due to be retried while SMTP is down',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    const owedDuringOutage = owed(await reminderRows(app), now());
    expect(smtp.received).toEqual([]);
    expect(watch.seen.refused).toBeGreaterThan(0); // the peer refused connections: not a 451, a closed port

    await smtp.restart();
    await until(
      async () => owed(await reminderRows(app), now()).length === 0,
      25_000,
      'every reminder due to be delivered',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    await sleep(1_000); // a second copy, if any were coming, would arrive now
    await watch.stop();

    // Never failed, though every one of them failed to send at first.
    expect([...watch.seen.failed.values()].map((r) => [r.id, r.kind, r.attempts, r.lastError])).toEqual([]);
    const rows = await reminderRows(app);
    const sent = rows.filter((r) => r.status === 'sent');
    const owedIds = new Set(owedDuringOutage.map((r) => r.id));
    expect(owedDuringOutage.length).toBeGreaterThan(0);
    expect(rows.filter((r) => owedIds.has(r.id) && r.status !== 'sent').map((r) => [r.kind, r.rule, r.status])).toEqual(
      [],
    );
    expect(sent.filter((r) => r.attempts < 2 || r.attempts > 8).map((r) => [r.kind, r.attempts])).toEqual([]);
    expect(sent.filter((r) => r.kind === 'notice').length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.kind === 'warning' && r.fireAtMs === NINE_AM).length).toBeGreaterThanOrEqual(4);

    // Exactly once: one mail per sent row, by Message-ID, and none for any other row.
    const counts = mailCounts(smtp);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual(sent.map((r) => messageIdOf(r.id)).sort());
  }, 55_000);

  it('marks a reminder failed only after its last attempt when the outage outlasts them all, lists it for admins, and sends it once on retry', async () => {
    const app = await startApp(3, 50);
    const crew = await makeCrew(app, 1);
    const [bu] = crew.clients;
    await smtp.stop();
    const now = runClockFrom(app, '2026-01-05T08:00:00Z');
    const watch = watchRows(app);
    const failedRows = async () => (await reminderRows(app)).filter((r) => r.status === 'failed');

    // Due at once: the first warnings of a case the local authority learnt of last Friday, and a notice for another
    // case (notified today, so its own first warnings, at 09:00, are cancelled before they are due).
    const [older, notifiedToday] = await Promise.all([
      openCaseRequest(app, bu, '2026-01-02', '2026-01-01'),
      openCaseRequest(app, bu, TODAY, '2026-01-03'),
    ]);
    expect([older.status, notifiedToday.status]).toEqual([201, 201]);
    expect(
      (await eventRequest(app, bu, notifiedToday.body.id, 'notification.submitted', { submittedOn: TODAY })).status,
    ).toBe(200);
    const failed = await until(
      async () => ((await failedRows()).length === 3 ? failedRows() : null),
      10_000,
      'the two warnings and the notice to fail',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    await sleep(500);
    await watch.stop();
    // Nothing tries a failed reminder again by itself: only an admin's retry will.
    expect((await failedRows()).map((r) => [r.id, r.attempts])).toEqual(failed.map((r) => [r.id, r.attempts]));

    // Failed only once every attempt was spent, each time refused; nothing was sent.
    expect([...watch.seen.failed.values()].filter((r) => r.attempts !== 3).map((r) => [r.kind, r.attempts])).toEqual(
      [],
    );
    expect(failed.map((r) => [r.kind, r.attempts, /ECONNREFUSED/.test(r.lastError ?? '')])).toEqual([
      ['warning', 3, true],
      ['warning', 3, true],
      ['notice', 3, true],
    ]);
    expect(
      owed(await reminderRows(app), now())
        .map((r) => r.id)
        .sort(),
    ).toEqual(failed.map((r) => r.id).sort());
    expect(smtp.received).toEqual([]);

    // Admins see them (failed is the default filter), and /health counts them for an admin.
    const listed = await app.http.get('/admin/reminders').auth(crew.admin, { type: 'bearer' });
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: { id: string }) => r.id).sort()).toEqual(failed.map((r) => r.id).sort());
    expect(
      listed.body.every(
        (r: { status: string; lastError: string }) => r.status === 'failed' && /ECONNREFUSED/.test(r.lastError),
      ),
    ).toBe(true);
    expect((await app.http.get('/health').auth(crew.admin, { type: 'bearer' })).body.checks.reminders.failed).toBe(3);

    // SMTP is back; each retry sends its reminder once.
    await smtp.restart();
    for (const row of failed) {
      const retried = await app.http.post(`/admin/reminders/${row.id}/retry`).auth(crew.admin, { type: 'bearer' });
      expect(retried.status).toBe(200);
    }
    await until(
      async () => owed(await reminderRows(app), now()).length === 0,
      10_000,
      'the retried reminders to be sent',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    await sleep(1_000);
    const rows = await reminderRows(app);
    expect(rows.filter((r) => failed.some((f) => f.id === r.id)).map((r) => r.status)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    const counts = mailCounts(smtp);
    expect([...counts.keys()].sort()).toEqual(failed.map((r) => messageIdOf(r.id)).sort());
    expect([...counts.values()]).toEqual([1, 1, 1]);
    expect((await app.http.get('/admin/reminders').auth(crew.admin, { type: 'bearer' })).body).toEqual([]);
    expect((await app.http.get('/health').auth(crew.admin, { type: 'bearer' })).body.checks.reminders.failed).toBe(0);
  }, 55_000);

  it("records each missed deadline in the case's history once: when its breach fails for good, and not again when an admin's retry sends it", async () => {
    const app = await startApp(2, 50);
    const crew = await makeCrew(app, 1);
    const [bu] = crew.clients;
    await smtp.stop();
    runClockFrom(app, '2026-01-05T08:00:00Z');
    // Aware on 1 December: notify-panel, inform-partners and rapid-review were all missed before the case was opened.
    const late = await openCaseRequest(app, bu, '2025-12-01', '2025-11-30');
    expect(late.status).toBe(201);
    const missedRules = async () =>
      (await app.http.get(`/cases/${late.body.id}/history`).auth(bu, { type: 'bearer' })).body
        .filter((e: { type: string }) => e.type === 'deadline.missed')
        .map((e: { payload: { rule: string } }) => e.payload.rule)
        .sort();
    const breaches = async () =>
      (await reminderRows(app)).filter((r) => r.caseId === late.body.id && r.kind === 'breach');
    const failed = await until(
      async () => {
        const rows = await breaches();
        return rows.length === 3 && rows.every((r) => r.status === 'failed') ? rows : null;
      },
      10_000,
      'the three breaches to fail for good',
    );
    expect(failed.map((r) => r.rule).sort()).toEqual(['inform-partners', 'notify-panel', 'rapid-review']);
    // Each breach's deadline.missed commits with its row; the three rows settle in separate transactions, so the
    // history is read until it holds all three (or the wait ends and the assertion below shows what is missing).
    await until(async () => ((await missedRules()).length >= 3 ? true : null), 10_000, 'three deadline.missed').catch(
      () => undefined,
    );
    expect(await missedRules()).toEqual(['inform-partners', 'notify-panel', 'rapid-review']);

    await smtp.restart();
    for (const row of failed) {
      expect(
        (await app.http.post(`/admin/reminders/${row.id}/retry`).auth(crew.admin, { type: 'bearer' })).status,
      ).toBe(200);
    }
    await until(
      async () => (await breaches()).every((r) => r.status === 'sent'),
      10_000,
      'the retried breaches to be sent',
    );
    expect(await missedRules()).toEqual(['inform-partners', 'notify-panel', 'rapid-review']);
  }, 45_000);

  it('spaces the retries by the back-off even when the periodic reconcile runs more often, so an outage shorter than the back-off leaves attempts to deliver', async () => {
    // Back-off 1 s doubling, 4 attempts: tries at about 0, 1, 4 and 11 s. The reconcile runs every 200 ms: the same
    // proportion as the defaults (every 5 min, against retries 1, 3, 7 and 15 min apart).
    const app = await startApp(4, 1_000, 200);
    const [bu] = (await makeCrew(app, 1)).clients;
    await smtp.stop();
    const now = runClockFrom(app, '2026-01-05T10:00:00Z');

    // A fresh case: its two first warnings (09:00 today) are due at once, while SMTP refuses connections.
    const opened = await openCaseRequest(app, bu, TODAY, '2026-01-03');
    expect(opened.status).toBe(201);
    await until(
      async () => (await reminderRows(app)).filter((r) => r.attempts >= 1).length === 2,
      5_000,
      'the first attempts',
    );
    await sleep(2_500);

    // 2.5 s into the outage: tried once, retried once after 1 s, the third try still 1.5 s away.
    const tried = (await reminderRows(app)).filter((r) => r.attempts >= 1);
    expect(tried.map((r) => [r.kind, r.status, r.attempts <= 2])).toEqual([
      ['warning', 'pending', true],
      ['warning', 'pending', true],
    ]);

    await smtp.restart();
    await until(
      async () => owed(await reminderRows(app), now()).length === 0,
      15_000,
      'the warnings to be delivered',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    await sleep(500);
    const rows = (await reminderRows(app)).filter((r) => tried.some((x) => x.id === r.id));
    expect(rows.map((r) => [r.status, r.attempts <= 4])).toEqual([
      ['sent', true],
      ['sent', true],
    ]);
    expect([...mailCounts(smtp).keys()].sort()).toEqual(rows.map((r) => messageIdOf(r.id)).sort());
    expect([...mailCounts(smtp).values()]).toEqual([1, 1]);
  }, 40_000);
});

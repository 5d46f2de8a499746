import { ReminderQueue, ReminderReconciler, type ReconcileReport } from '@app/reminders';
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
  queueJobs,
  reminderRows,
  runClockFrom,
  timed,
  type TimedResponse,
  NINE_AM,
  TODAY,
} from './support/outage-helpers';

/**
 * Redis is only the alarm bell for reminder rows: while it is away commands must go on as fast as ever, and when it
 * comes back (on the same port, empty: the test redis-server keeps nothing on disk) the running app must make Redis
 * agree with the rows again and send what is owed, once. The app is never restarted here. The periodic reconcile is
 * set to an hour so that only the reconcile on Redis becoming ready can do the recovery the README promises.
 */

describe('Reminders through a Redis outage, the app running throughout', () => {
  let redis: TestRedisServer;
  let smtp: SmtpPeer;
  let t: TestApp | undefined;
  /** Clients still sending commands if a test fails half-way: awaited before the app closes. */
  let stream: Promise<unknown> | undefined;

  beforeEach(async () => {
    redis = await TestRedisServer.start();
    smtp = await SmtpPeer.start();
    t = await TestApp.start({
      env: {
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: smtp.url,
        REDIS_URL: redis.url,
        REMINDER_ATTEMPTS: '5',
        REMINDER_BACKOFF_MS: '100',
        RECONCILE_INTERVAL_MS: '3600000',
      },
    });
  });
  afterEach(async () => {
    await stream?.catch(() => undefined);
    stream = undefined;
    await t?.close();
    t = undefined;
    await smtp.close();
    await redis.stop();
  });

  it('answers every command within 2 s while Redis is stopped, then, when Redis is back on its port, sends every reminder that came due exactly once', async () => {
    const app = t!;
    const crew = await makeCrew(app, 3);
    const queue = app.get(ReminderQueue);
    const now = runClockFrom(app, '2026-01-05T08:59:54Z');

    // Before the outage: a case entered late has reminders due at once, and they go out through Redis as usual.
    const late = await openCaseRequest(app, crew.clients[0], '2025-12-15', '2025-12-10');
    expect(late.status).toBe(201);
    await until(
      async () => owed(await reminderRows(app), now()).length === 0,
      15_000,
      'the late case to be alerted',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    const sentBeforeOutage = (await reminderRows(app)).filter((r) => r.status === 'sent');
    expect(sentBeforeOutage.length).toBeGreaterThan(0);

    // Three clients open cases and move half of them along; Redis is stopped once each has done one round.
    const responses: (TimedResponse & { duringOutage: boolean })[] = [];
    let outage = false;
    let outageStartedAt = 0;
    const streamUntil = NINE_AM + 1_000;
    const client = async (token: string, firstRoundDone: () => void) => {
      for (let round = 0; round === 0 || now() < streamUntil; round++) {
        const record = async (label: string, send: () => PromiseLike<{ status: number; body: unknown }>) => {
          const duringOutage = outage;
          const res = await timed(label, send);
          responses.push({ ...res, duringOutage });
          return res;
        };
        const opened = await record('open case', () => openCaseRequest(app, token, TODAY, '2026-01-03'));
        if (opened.status === 201 && round % 2 === 0) {
          await record('notification.submitted', () =>
            eventRequest(app, token, opened.body.id, 'notification.submitted', { submittedOn: TODAY }),
          );
          await record('partners.informed', () =>
            eventRequest(app, token, opened.body.id, 'partners.informed', { informedOn: TODAY }),
          );
        }
        if (round === 0) firstRoundDone();
        await sleep(250);
      }
    };
    const firstRounds = crew.clients.map(() => {
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      return { finished, done };
    });
    stream = Promise.all(crew.clients.map((token, i) => client(token, firstRounds[i].done)));
    await Promise.all(firstRounds.map((r) => r.finished));
    await redis.stop();
    outage = true;
    outageStartedAt = now();
    // The outage is real for the app, and 09:00 comes during it: reminders come due while Redis is away.
    await until(() => !queue.isReady, 5_000, 'the app to see that Redis is gone');
    expect(outageStartedAt).toBeLessThan(NINE_AM);
    await stream;
    expect(now()).toBeGreaterThan(NINE_AM);
    const owedWhileDown = owed(await reminderRows(app), now());
    expect(owedWhileDown.length).toBeGreaterThan(0);

    await redis.start();
    const backAt = now();
    await until(
      async () => owed(await reminderRows(app), now()).length === 0,
      20_000,
      'every reminder due to be sent',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    await sleep(1_000); // a second copy, if any were coming, would arrive now

    // Every command succeeded and none waited for Redis; many of them ran while it was away.
    expect(responses.filter((r) => r.status < 200 || r.status >= 300).map((r) => [r.label, r.status, r.body])).toEqual(
      [],
    );
    expect(responses.filter((r) => r.ms >= 2_000).map((r) => [r.label, r.ms, r.duringOutage])).toEqual([]);
    expect(responses.filter((r) => r.duringOutage).length).toBeGreaterThanOrEqual(10);

    // One mail per sent row, and none for anything else: counted by Message-ID and by row.
    const rows = await reminderRows(app);
    const sent = rows.filter((r) => r.status === 'sent');
    const counts = mailCounts(smtp);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(sent.filter((r) => counts.get(messageIdOf(r.id)) !== 1).map((r) => r.id)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual(sent.map((r) => messageIdOf(r.id)).sort());
    expect(owed(rows, now())).toEqual([]);

    // Among them: everything that came due while Redis was away, and what was sent before it left, once more not.
    const owedIds = new Set(owedWhileDown.map((r) => r.id));
    expect(sent.filter((r) => owedIds.has(r.id)).length).toBe(owedWhileDown.length);
    const nineAmWarnings = sent.filter((r) => r.fireAtMs === NINE_AM && r.kind === 'warning');
    const outageNotices = sent.filter(
      (r) => r.kind === 'notice' && r.fireAtMs > outageStartedAt && r.fireAtMs < backAt,
    );
    expect(nineAmWarnings.length).toBeGreaterThan(0);
    expect(outageNotices.length).toBeGreaterThan(0);
    for (const row of sentBeforeOutage) expect(counts.get(messageIdOf(row.id))).toBe(1);
  }, 55_000);

  it('rebuilds the queue from the rows when Redis comes back empty: one job per pending row, sent reminders not sent again, due and later ones sent once', async () => {
    const app = t!;
    const [bu] = (await makeCrew(app, 1)).clients;
    const prefix = app.config.queue.prefix;
    const reconciler = app.get(ReminderReconciler);
    const reports: ReconcileReport[] = [];
    const pass = ReminderReconciler.prototype.run.bind(reconciler);
    jest.spyOn(reconciler, 'run').mockImplementation(() => pass().then((report) => (reports.push(report), report)));
    const now = runClockFrom(app, '2026-01-05T08:59:52Z');
    const jobsAndRows = async () => {
      const [jobs, rows] = [await queueJobs(redis.url, prefix), await reminderRows(app)];
      const pending = rows
        .filter((r) => r.status === 'pending')
        .map((r) => r.id)
        .sort();
      const queued = [...jobs.delayed, ...jobs.wait, ...jobs.active, ...jobs.paused].sort();
      return { jobs, rows, pending, queued, agree: JSON.stringify(queued) === JSON.stringify(pending) };
    };
    const sentOnce = (id: string) => mailCounts(smtp).get(messageIdOf(id)) === 1;

    // A case entered late (reminders sent at once, later ones pending) and a fresh one (first warnings at 09:00).
    const late = await openCaseRequest(app, bu, '2025-12-15', '2025-12-10');
    const fresh = await openCaseRequest(app, bu, TODAY, '2026-01-03');
    expect([late.status, fresh.status]).toEqual([201, 201]);
    await until(
      async () => owed(await reminderRows(app), now()).length === 0,
      15_000,
      'the late case to be alerted',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    const sentBefore = (await reminderRows(app)).filter((r) => r.status === 'sent');
    expect(sentBefore.length).toBeGreaterThan(0);
    await until(() => sentBefore.every((r) => sentOnce(r.id)), 5_000, 'the late case mail');
    // Before the loss Redis holds one delayed job per pending row (the comparison below is the same one).
    const before = await until(
      async () => ((await jobsAndRows()).agree ? jobsAndRows() : null),
      5_000,
      'the queue to match the rows',
    );
    expect(before.pending.length).toBeGreaterThan(0);

    // Redis loses everything (stop, start empty on the same port); meanwhile an event makes a notice due at once.
    await redis.stop();
    const submitted = await timed('notification.submitted', () =>
      eventRequest(app, bu, late.body.id, 'notification.submitted', { submittedOn: TODAY }),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.ms).toBeLessThan(2_000);
    const reportsBeforeLoss = reports.length;
    await redis.start();

    const notice = await until(
      async () =>
        (await reminderRows(app)).find((r) => r.caseId === late.body.id && r.kind === 'notice' && r.status === 'sent'),
      15_000,
      'the notice made due while Redis was away to be sent',
      async () => describeRows(owed(await reminderRows(app), now())),
    );
    const restored = await until(
      async () => ((await jobsAndRows()).agree ? jobsAndRows() : null),
      10_000,
      'the queue to match the rows again',
      async () => {
        const { pending, queued } = await jobsAndRows();
        return {
          pending: pending.length,
          queued: queued.length,
          missing: pending.filter((id) => !queued.includes(id)).length,
        };
      },
    );
    // Rebuilt by the reconciler, before 09:00: every pending row has its delayed job again, nothing else is queued.
    expect(now()).toBeLessThan(NINE_AM);
    expect(reports.slice(reportsBeforeLoss).some((r) => r.redisReady && r.enqueued > 0)).toBe(true);
    expect([...restored.jobs.delayed].sort()).toEqual(restored.pending);
    const nineAm = restored.rows.filter((r) => r.caseId === fresh.body.id && r.fireAtMs === NINE_AM);
    expect(nineAm.length).toBeGreaterThan(0);
    expect(nineAm.every((r) => restored.pending.includes(r.id))).toBe(true);
    expect(restored.pending.length).toBeGreaterThan(nineAm.length);
    expect(nineAm.filter((r) => mailCounts(smtp).has(messageIdOf(r.id)))).toEqual([]);

    // At 09:00 the restored jobs fire: the warnings go out once.
    await until(
      async () =>
        (await reminderRows(app)).filter((r) => nineAm.some((n) => n.id === r.id) && r.status === 'sent').length ===
        nineAm.length,
      20_000,
      'the 09:00 warnings to be sent from their restored jobs',
      async () => describeRows((await reminderRows(app)).filter((r) => nineAm.some((n) => n.id === r.id))),
    );
    await sleep(1_000); // a second copy, if any were coming, would arrive now

    const after = await jobsAndRows();
    const sent = after.rows.filter((r) => r.status === 'sent');
    const counts = mailCounts(smtp);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual(sent.map((r) => messageIdOf(r.id)).sort());
    expect(sentBefore.filter((r) => !sentOnce(r.id)).map((r) => r.id)).toEqual([]);
    expect(sentOnce(notice.id)).toBe(true);
    expect(nineAm.filter((r) => !sentOnce(r.id)).map((r) => r.id)).toEqual([]);
    expect(owed(after.rows, now())).toEqual([]);
    // What is still pending (days ahead) is still in Redis, and only that.
    expect(after.queued).toEqual(after.pending);
    expect(after.pending.length).toBeGreaterThan(0);
  }, 55_000);
});

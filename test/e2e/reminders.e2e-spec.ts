import { Clock } from '@app/common';
import { ReminderQueue, ReminderReconciler } from '@app/reminders';
import { reminderRowsOf, setNow, waitForRows } from '../support/reminder-helpers';
import { TestApp } from '../support/test-app';
import { SmtpPeer } from '../support/smtp-peer';
import { TestRedisServer } from '../support/redis-server';
import { makeTeam, openCase, step, Team } from '../support/case-helpers';

async function reconcile(t: TestApp) {
  return t.get(ReminderReconciler).run();
}

const rows = reminderRowsOf;

describe('Deadline reminders and mail, on real Redis and a real SMTP peer', () => {
  let smtp: SmtpPeer;
  let redis: TestRedisServer;
  let t: TestApp;
  let team: Team;

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    redis = await TestRedisServer.start();
    t = await TestApp.start({
      // A short lease: a job the closing app took from Redis but never started (see the Redis test) is recovered by
      // Bull's stalled check, which runs once per lease.
      env: {
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: smtp.url,
        REDIS_URL: redis.url,
        REMINDER_BACKOFF_MS: '50',
        REMINDER_ATTEMPTS: '4',
        REMINDER_LEASE_MS: '2000',
      },
    });
    team = await makeTeam(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await redis.stop();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.refuseNext = 0;
    smtp.refuseOnly = undefined;
  });

  it('delivers a due warning at 09:00 London to the business unit and subgroup, with only the reference and a link', async () => {
    setNow(t, '2026-01-05T08:00:00Z');
    const opened = await openCase(t, team.bu, '2026-01-05');
    const planned = await rows(t, opened.id);
    expect(planned.filter((r) => r.rule === 'notify-panel').map((r) => [r.kind, r.offsetDays, r.fireOn])).toEqual([
      ['warning', -5, '2026-01-05'],
      ['warning', -2, '2026-01-08'],
      ['warning', -1, '2026-01-09'],
      ['due-today', 0, '2026-01-12'],
      ['breach', 1, '2026-01-13'],
      ['escalation-delegated', 2, '2026-01-14'],
      ['escalation-lead', 5, '2026-01-19'],
    ]);
    await reconcile(t);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toHaveLength(0);

    setNow(t, '2026-01-05T09:00:01Z');
    await reconcile(t);
    const mails = await smtp.waitFor((m) => m.length >= 2);
    const notify = mails.find((m) => /notifies the Child/i.test(m.subject))!;
    expect(notify.subject).toContain(opened.reference as string);
    expect(notify.to).toEqual(['bu@partnership.test', 'subgroup@partnership.test']);
    expect(notify.raw).toContain(`https://practice-review.test/cases/${opened.id}`);
    expect(notify.raw).not.toMatch(/Summary of the incident|female/);
  });

  it('does not send a reminder for a deadline that was met; the rows are cancelled', async () => {
    setNow(t, '2026-01-05T08:00:00Z');
    const opened = await openCase(t, team.bu, '2026-01-05');
    setNow(t, '2026-01-05T08:30:00Z');
    await step(t, team.bu, opened.id, 'notification.submitted', { submittedOn: '2026-01-05' });
    await smtp.waitFor((m) => m.some((x) => x.to.includes('ceo@partnership.test')));
    const after = await rows(t, opened.id);
    expect(after.filter((r) => r.rule === 'notify-panel').every((r) => r.status === 'cancelled')).toBe(true);
    smtp.received.length = 0;
    setNow(t, '2026-01-08T09:00:01Z');
    await reconcile(t);
    await smtp.waitFor((m) => m.some((x) => /tells its safeguarding/i.test(x.subject)));
    await new Promise((r) => setTimeout(r, 300));
    expect(
      smtp.received.filter(
        (m) => m.subject.includes(opened.reference as string) && /notifies the Child/i.test(m.subject),
      ),
    ).toEqual([]);
  });

  it('delivers after retries when SMTP refuses for a while, then accepts', async () => {
    setNow(t, '2026-01-05T08:00:00Z');
    const opened = await openCase(t, team.bu, '2026-01-05');
    // Only this case's mail is refused: an earlier test's mail still in flight must not use up the refusals.
    smtp.refuseOnly = (raw) => raw.includes(opened.reference as string);
    smtp.refuseNext = 2;
    setNow(t, '2026-01-05T09:00:01Z');
    await reconcile(t);
    const settled = await waitForRows(t, opened.id, (r) =>
      r.filter((x) => x.offsetDays === -5 && x.rule !== 'rapid-review').every((x) => x.status === 'sent'),
    );
    expect(
      Math.max(...settled.filter((x) => x.offsetDays === -5 && x.rule !== 'rapid-review').map((x) => x.attempts)),
    ).toBeGreaterThanOrEqual(2);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks a reminder failed after its last attempt, shows it to admins, and sends it on retry', async () => {
    setNow(t, '2026-01-05T08:00:00Z');
    const opened = await openCase(t, team.bu, '2026-01-05');
    smtp.refuseNext = 100;
    setNow(t, '2026-01-05T09:00:01Z');
    await reconcile(t);
    await waitForRows(t, opened.id, (r) =>
      r.filter((x) => x.offsetDays === -5 && x.rule !== 'rapid-review').every((x) => x.status === 'failed'),
    );
    const failed = await t.http.get('/admin/reminders?status=failed').auth(team.admin, { type: 'bearer' }).expect(200);
    const mine = failed.body.filter((r: { caseId: string }) => r.caseId === opened.id);
    expect(mine).toHaveLength(2);
    const health = await t.http.get('/health').auth(team.admin, { type: 'bearer' }).expect(200);
    expect(health.body.checks.reminders.failed).toBeGreaterThanOrEqual(2);
    expect((await t.http.get('/admin/reminders').auth(team.bu, { type: 'bearer' })).status).toBe(403);
    smtp.refuseNext = 0;
    const retried = await t.http
      .post(`/admin/reminders/${mine[0].id}/retry`)
      .auth(team.admin, { type: 'bearer' })
      .expect(200);
    expect(['pending', 'sending', 'sent']).toContain(retried.body.status);
    await waitForRows(t, opened.id, (r) => r.find((x) => x.id === mine[0].id)?.status === 'sent');
  });

  it('takes commands while Redis is down, then sends every pending reminder exactly once after Redis came back empty and the app restarted', async () => {
    t.get(Clock).now = () => new Date();
    await redis.stop();
    const opened = await openCase(t, team.bu, '2026-11-02');
    await redis.start();
    await t.restart();
    const deadline = Date.now() + 15_000;
    while (!t.get(ReminderQueue).isReady && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const report = await reconcile(t);
    expect(report.redisReady).toBe(true);
    await waitForRows(t, opened.id, (r) =>
      r.filter((x) => x.fireAtMs <= Date.now()).every((x) => ['sent', 'superseded'].includes(x.status)),
    );
    await reconcile(t);
    await new Promise((r) => setTimeout(r, 300));
    const sent = (await rows(t, opened.id)).filter((r) => r.status === 'sent');
    const forCase = smtp.received.filter((m) => m.subject.includes(opened.reference as string));
    expect(sent.length).toBeGreaterThan(0);
    expect(forCase.map((m) => m.messageId).sort()).toEqual(
      sent.map((r) => `<reminder-${r.id}@practice-review>`).sort(),
    );
  });

  it('shows the queue dashboard at /admin/queues to admins only', async () => {
    expect((await t.http.get('/admin/queues')).status).toBe(401);
    expect((await t.http.get('/admin/queues').auth(team.bu, { type: 'bearer' })).status).toBe(403);
    const page = await t.http.get('/admin/queues').auth(team.admin, { type: 'bearer' });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    const api = await t.http.get('/admin/queues/api/queues').auth(team.admin, { type: 'bearer' });
    expect(api.status).toBe(200);
    expect(JSON.stringify(api.body)).toContain('reminders');
  });
});

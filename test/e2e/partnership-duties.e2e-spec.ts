import { IsNull } from 'typeorm';
import { ReminderEntity, ReminderReconciler } from '@app/reminders';
import { committedReminders, setNow } from '../support/reminder-helpers';
import { makeTeam, Team } from '../support/case-helpers';
import { SmtpPeer } from '../support/smtp-peer';
import { TestApp } from '../support/test-app';

const REPORT_URL = 'https://safeguarding.example.org/annual-report-2025-26.pdf';

/** The partnership's duty reminder rows (no case), in firing order, as committed. */
function dutyRows(t: TestApp): Promise<ReminderEntity[]> {
  return committedReminders(t).find({ where: { caseId: IsNull() }, order: { fireAtMs: 'ASC', dedupeKey: 'ASC' } });
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`never matched: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("The partnership's own duties through HTTP: the annual report, its copies, their reminders, and who holds which role", () => {
  let smtp: SmtpPeer;
  let t: TestApp;
  let team: Team;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const duties = (token: string) => t.http.get('/partnership/duties').set(bearer(token));
  const publish = (token: string, body: Record<string, unknown>) =>
    t.http.post('/partnership/duties/annual-report').set(bearer(token)).send(body);
  const copies = (token: string, body: Record<string, unknown>) =>
    t.http.post('/partnership/duties/annual-report-copies').set(bearer(token)).send(body);

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    t = await TestApp.start({ env: { MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, REMINDER_BACKOFF_MS: '50' } });
    team = await makeTeam(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('does not know when the next annual report is due until the partnership records one, and says so to everyone', async () => {
    setNow(t, '2026-03-02T10:00:00Z');
    for (const token of [team.bu, team.leadPartner, team.admin, team.subgroup, team.scrutineer]) {
      const res = await duties(token).expect(200);
      expect(res.body).not.toHaveProperty('lastAnnualReport');
      expect(res.body).toMatchObject({
        nextAnnualReportDueOn: null,
        deadlines: [],
        history: [],
      });
    }
    expect((await duties(team.bu)).body.canRecord).toBe(true);
    expect((await duties(team.leadPartner)).body.canRecord).toBe(true);
    expect((await duties(team.admin)).body.canRecord).toBe(false);
    expect((await t.http.get('/partnership/duties')).status).toBe(401);
  });

  it('refuses copies before any report is recorded (422), and recording by anyone but the business unit or a lead partner (403)', async () => {
    const early = await copies(team.bu, { sentOn: '2026-03-01' });
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 422, code: 'rule-violated' });
    expect(early.body.message).toMatch(/No annual report has been recorded yet/);
    for (const token of [team.admin, team.subgroup, team.la, team.scrutineer]) {
      const res = await publish(token, { publishedOn: '2025-09-30', url: REPORT_URL });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'forbidden' });
    }
  });

  it('refuses a malformed body with 400 naming the fields, before the role check', async () => {
    const res = await publish(team.admin, { publishedOn: '2025-02-30', url: 'javascript:alert(1)', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'publishedOn', 'url']);
    const recipients = await copies(team.bu, { sentOn: '2026-03-01', recipients: ['ofsted'] });
    expect(recipients.status).toBe(400);
  });

  it('records the last report published before adopting the service, with its copies: the next is due 12 months after it, no copy reminder is planned', async () => {
    const future = await publish(team.bu, { publishedOn: '2026-03-03', url: REPORT_URL });
    expect({ status: future.status, code: future.body.code }).toEqual({ status: 422, code: 'rule-violated' });
    const copiesBefore = await publish(team.bu, {
      publishedOn: '2025-09-30',
      url: REPORT_URL,
      copiesSentOn: '2025-09-29',
    });
    expect(copiesBefore.status).toBe(422);

    const res = await publish(team.bu, { publishedOn: '2025-09-30', url: REPORT_URL, copiesSentOn: '2025-10-03' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      lastAnnualReport: {
        publishedOn: '2025-09-30',
        url: REPORT_URL,
        copiesSentOn: { panel: '2025-10-03', 'what-works-centre': '2025-10-03' },
      },
      nextAnnualReportDueOn: '2026-09-30',
      deadlines: [
        { rule: 'annual-report', startedOn: '2025-09-30', dueOn: '2026-09-30', status: 'open' },
        {
          rule: 'annual-report-copies',
          startedOn: '2025-09-30',
          dueOn: '2025-10-07',
          stoppedOn: '2025-10-03',
          status: 'met',
        },
      ],
    });
    const [copiesEvent, published] = res.body.history;
    expect(published).toMatchObject({
      sequence: 1,
      type: 'annual-report.published',
      occurredOn: '2025-09-30',
      by: 'bu',
      byRoles: ['business-unit'],
      before: null,
      after: { lastAnnualReportPublishedOn: '2025-09-30', url: REPORT_URL },
    });
    expect(copiesEvent).toMatchObject({
      sequence: 2,
      type: 'annual-report.copies-sent',
      occurredOn: '2025-10-03',
      after: { recipients: ['panel', 'what-works-centre'], dueOn: '2025-10-07', status: 'met' },
    });
    expect(Date.parse(published.recordedAt)).not.toBeNaN();

    const rows = await dutyRows(t);
    expect(rows.filter((r) => r.rule === 'annual-report-copies')).toEqual([]);
    expect(
      rows.filter((r) => r.rule === 'annual-report').map((r) => [r.kind, r.offsetDays, r.fireOn, r.status]),
    ).toEqual([
      ['warning', -5, '2026-09-23', 'pending'],
      ['warning', -2, '2026-09-28', 'pending'],
      ['warning', -1, '2026-09-29', 'pending'],
      ['due-today', 0, '2026-09-30', 'pending'],
      ['breach', 1, '2026-10-01', 'pending'],
      ['escalation-delegated', 2, '2026-10-02', 'pending'],
      ['escalation-lead', 5, '2026-10-07', 'pending'],
    ]);
    expect(rows.every((r) => r.dedupeKey.startsWith('partnership:'))).toBe(true);
  });

  it('re-plans the duty reminders when an override moves the due date', async () => {
    await t.http
      .patch('/partnership')
      .set(bearer(team.admin))
      .send({ ruleOverrides: [{ rule: 'annual-report', length: 11, reason: 'Our board meets in August' }] })
      .expect(200);
    expect((await duties(team.bu)).body.nextAnnualReportDueOn).toBe('2026-08-30');
    const rows = (await dutyRows(t)).filter((r) => r.rule === 'annual-report');
    expect(rows.filter((r) => r.status === 'pending').every((r) => r.dueOn === '2026-08-30')).toBe(true);
    expect(rows.filter((r) => r.dueOn === '2026-09-30').every((r) => r.status === 'cancelled')).toBe(true);
    await t.http.patch('/partnership').set(bearer(team.admin)).send({ ruleOverrides: [] }).expect(200);
    expect((await duties(team.bu)).body.nextAnnualReportDueOn).toBe('2026-09-30');
  });

  it('refuses a report not after the last one recorded (422)', async () => {
    const res = await publish(team.leadPartner, { publishedOn: '2025-09-30', url: REPORT_URL });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code: 'rule-violated' });
    expect(res.body.message).toMatch(/must be after the last annual report recorded, published on 2025-09-30/);
  });

  it('mails the breach of a late copy to the business unit and the lead partners, with no case in it, records it missed, and settles it as late', async () => {
    // Published Saturday 31 January 2026: copies due Saturday 7 February; the breach fires on Monday 9 February.
    setNow(t, '2026-02-02T08:00:00Z');
    const published = await publish(team.leadPartner, { publishedOn: '2026-01-31', url: REPORT_URL }).expect(201);
    expect(published.body.nextAnnualReportDueOn).toBe('2027-01-31');
    expect(published.body.deadlines[1]).toEqual({
      rule: 'annual-report-copies',
      startedOn: '2026-01-31',
      dueOn: '2026-02-07',
      status: 'open',
    });
    expect(published.body.history[0].after).toMatchObject({ dueOn: '2026-09-30', status: 'met' });
    const copyRows = (await dutyRows(t)).filter((r) => r.rule === 'annual-report-copies' && r.status === 'pending');
    expect(copyRows.map((r) => [r.kind, r.fireOn])).toEqual([
      ['warning', '2026-02-02'],
      ['warning', '2026-02-05'],
      ['warning', '2026-02-06'],
      ['due-today', '2026-02-07'],
      ['breach', '2026-02-09'],
      ['escalation-delegated', '2026-02-10'],
      ['escalation-lead', '2026-02-13'],
    ]);

    setNow(t, '2026-02-03T10:00:00Z');
    const panel = await copies(team.bu, { sentOn: '2026-02-03', recipients: ['panel'] }).expect(201);
    expect(panel.body.deadlines[1].status).toBe('open');
    expect(panel.body.lastAnnualReport.copiesSentOn).toEqual({ panel: '2026-02-03', 'what-works-centre': null });
    const twice = await copies(team.bu, { sentOn: '2026-02-03', recipients: ['panel'] });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 422, code: 'rule-violated' });

    smtp.received.length = 0;
    setNow(t, '2026-02-09T09:00:01Z');
    await t.get(ReminderReconciler).run();
    const mails = await smtp.waitFor((m) => m.some((x) => x.subject.startsWith('[Partnership duty]')));
    const duty = mails.filter((m) => m.subject.startsWith('[Partnership duty]'));
    expect(duty).toHaveLength(1);
    expect(duty[0].subject).toMatch(/What Works Centre.*overdue by 1 working day \(due Sat 7 Feb 2026\)/);
    expect(duty[0].to).toEqual(['bu@partnership.test', 'ceo@partnership.test']);
    expect(duty[0].raw).toContain('https://practice-review.test/manage/duties');
    expect(duty[0].raw).not.toMatch(/\/cases\/|CSPR-|Case:/);

    // Settled: the breach sent, and no row of that due date still being sent (the earlier ones are superseded as the
    // worker reaches them).
    const settled = await waitFor(
      () => dutyRows(t),
      (rows) =>
        rows.some((r) => r.rule === 'annual-report-copies' && r.kind === 'breach' && r.status === 'sent') &&
        !rows.some((r) => r.rule === 'annual-report-copies' && r.dueOn === '2026-02-07' && r.status === 'sending'),
    );
    const byKind = Object.fromEntries(
      settled
        .filter((r) => r.rule === 'annual-report-copies' && r.dueOn === '2026-02-07')
        .map((r) => [`${r.kind}${r.offsetDays}`, r.status]),
    );
    expect(byKind).toMatchObject({
      'warning-5': 'superseded',
      'warning-2': 'superseded',
      'warning-1': 'superseded',
      'due-today0': 'superseded',
      breach1: 'sent',
      'escalation-delegated2': 'pending',
    });
    const missed = await waitFor(
      async () => (await duties(team.bu)).body.history,
      (history: { type: string }[]) => history.some((e) => e.type === 'duty.missed'),
    );
    expect(missed[0]).toMatchObject({
      type: 'duty.missed',
      occurredOn: '2026-02-09',
      by: 'practice-review',
      after: { rule: 'annual-report-copies', dueOn: '2026-02-07' },
    });

    setNow(t, '2026-02-10T08:00:00Z');
    const late = await copies(team.bu, { sentOn: '2026-02-10', recipients: ['what-works-centre'] }).expect(201);
    expect(late.body.deadlines[1]).toEqual({
      rule: 'annual-report-copies',
      startedOn: '2026-01-31',
      dueOn: '2026-02-07',
      stoppedOn: '2026-02-10',
      status: 'late',
    });
    expect(late.body.history[0]).toMatchObject({ type: 'annual-report.copies-sent', after: { status: 'late' } });
    const after = (await dutyRows(t)).filter((r) => r.rule === 'annual-report-copies' && r.dueOn === '2026-02-07');
    expect(after.filter((r) => r.kind.startsWith('escalation')).map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });

  it('lists who holds which role per agency for a lead partner and an admin, by name only, with the unfilled seats; 403 for others', async () => {
    for (const token of [team.subgroup, team.bu, team.la, team.scrutineer]) {
      const res = await t.http.get('/partnership/roles').set(bearer(token));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'forbidden' });
    }
    const res = await t.http.get('/partnership/roles').set(bearer(team.leadPartner)).expect(200);
    expect(JSON.stringify(res.body)).not.toContain('@');
    const seat = (agency: string, role: string) =>
      res.body.agencies
        .find((a: { agency: string }) => a.agency === agency)
        .seats.find((s: { role: string }) => s.role === role);
    expect(seat('local-authority', 'delegated-partner')).toMatchObject({
      holders: [{ name: 'dcs', agency: 'local-authority' }],
      unfilled: false,
    });
    expect(seat('local-authority', 'lead-partner')).toMatchObject({ holders: [{ name: 'ceo' }], unfilled: false });
    expect(seat('police', 'lead-partner')).toEqual({
      role: 'lead-partner',
      agency: 'police',
      holders: [],
      unfilled: true,
    });
    const role = (name: string) => res.body.roles.find((r: { role: string }) => r.role === name);
    expect(role('business-unit').holders.map((h: { name: string }) => h.name)).toEqual(['bu']);
    expect(role('admin').holders.map((h: { name: string }) => h.name)).toEqual(['Administrator']);
    expect(res.body.unfilledRoles).toEqual(
      expect.arrayContaining([
        { role: 'lead-partner', agency: 'police' },
        { role: 'lead-partner', agency: 'health' },
      ]),
    );
    const partnership = await t.http.get('/partnership').set(bearer(team.admin)).expect(200);
    expect(res.body.unfilledRoles).toEqual(partnership.body.unfilledRoles);
    await t.http.get('/partnership/roles').set(bearer(team.admin)).expect(200);
  });

  it('follows users as they change: a role given, a user deactivated (their token refused at once) and reactivated', async () => {
    const users = (await t.http.get('/users').set(bearer(team.admin)).expect(200)).body as {
      id: string;
      name: string;
    }[];
    const police = users.find((u) => u.name === 'police')!;
    const ceo = users.find((u) => u.name === 'ceo')!;
    const seatOf = async (agency: string, role: string) =>
      (await t.http.get('/partnership/roles').set(bearer(team.admin)).expect(200)).body.agencies
        .find((a: { agency: string }) => a.agency === agency)
        .seats.find((s: { role: string }) => s.role === role);

    await t.http
      .patch(`/users/${police.id}`)
      .set(bearer(team.admin))
      .send({ roles: ['delegated-partner', 'lead-partner'] })
      .expect(200);
    expect(await seatOf('police', 'lead-partner')).toMatchObject({ holders: [{ name: 'police' }], unfilled: false });

    await t.http.patch(`/users/${ceo.id}`).set(bearer(team.admin)).send({ active: false }).expect(200);
    expect((await t.http.get('/partnership/roles').set(bearer(team.leadPartner))).status).toBe(401);
    expect(await seatOf('local-authority', 'lead-partner')).toMatchObject({ holders: [], unfilled: true });

    await t.http.patch(`/users/${ceo.id}`).set(bearer(team.admin)).send({ active: true }).expect(200);
    expect((await t.http.get('/partnership/roles').set(bearer(team.leadPartner))).status).toBe(200);
    expect(await seatOf('local-authority', 'lead-partner')).toMatchObject({ holders: [{ name: 'ceo' }] });
  });
});

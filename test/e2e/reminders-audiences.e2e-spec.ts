import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { PartnershipsService, UserEntity } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { ReminderEntity, ReminderReconciler } from '@app/reminders';
import { setNow, waitForRows } from '../support/reminder-helpers';
import { TestApp } from '../support/test-app';
import { SmtpPeer, type ReceivedMail } from '../support/smtp-peer';
import { TestRedisServer } from '../support/redis-server';
import { makeTeam, openCase, Team } from '../support/case-helpers';

/**
 * Who learns of a deadline: a case entered late still tells every audience (business unit and subgroup, delegated
 * partners, lead partners) once, with the latest reminder due for it; and a reminder for a role nobody holds goes to
 * the business unit (else the admins), saying whose it was.
 */

const SETTLED = ['sent', 'superseded', 'failed', 'cancelled', 'obsolete'];

/** Waits until every reminder of the case whose time has come is settled, and returns the rows. */
function settledRows(t: TestApp, caseId: string, nowMs: number, timeoutMs = 20_000) {
  const settled = (current: ReminderEntity[]) =>
    current.filter((r) => r.fireAtMs <= nowMs).every((r) => SETTLED.includes(r.status));
  return waitForRows(t, caseId, settled, timeoutMs);
}

const NOTIFY_PANEL = /notifies the Child/i;
const byRule = (all: ReminderEntity[], rule: string) =>
  all.filter((r) => r.rule === rule).map((r) => [r.kind, r.status]);
const messageIdOf = (row: ReminderEntity) => `<reminder-${row.id}@practice-review>`;
// A deadline long past when its reminders are planned: the latest reminder for each audience is sent, the rest superseded.
const LATE_DEADLINE_OUTCOME = [
  ['warning', 'superseded'],
  ['warning', 'superseded'],
  ['warning', 'superseded'],
  ['due-today', 'superseded'],
  ['breach', 'sent'],
  ['escalation-delegated', 'sent'],
  ['escalation-lead', 'sent'],
];

describe('Reminders reach each audience, on real Redis and a real SMTP peer', () => {
  let smtp: SmtpPeer;
  let redis: TestRedisServer;
  let t: TestApp;
  let team: Team;

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    redis = await TestRedisServer.start();
    t = await TestApp.start({
      env: { MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, REDIS_URL: redis.url, REMINDER_BACKOFF_MS: '50' },
    });
    team = await makeTeam(t);
    // A lead partner for each agency, so that no escalation here is for an unfilled role.
    await t.userWithToken(team.admin, { email: 'chief@partnership.test', roles: ['lead-partner'], agency: 'police' });
    await t.userWithToken(team.admin, { email: 'icb@partnership.test', roles: ['lead-partner'], agency: 'health' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await redis.stop();
  });

  /** The mails of a case, found by their Message-IDs, which are the sent rows' ids. */
  async function mailsOf(sent: ReminderEntity[]): Promise<ReceivedMail[]> {
    const ids = new Set(sent.map(messageIdOf));
    const mails = await smtp.waitFor((m) => m.filter((x) => ids.has(x.messageId)).length >= ids.size);
    return mails.filter((x) => ids.has(x.messageId));
  }

  it('sends a case opened months late one mail per audience, the latest of each, and marks the rest superseded', async () => {
    const now = '2026-04-20T10:00:00Z';
    setNow(t, now);
    const opened = await openCase(t, team.bu, '2026-01-05');
    const settled = await settledRows(t, opened.id, Date.parse(now));

    const deadlineRows = settled.filter((r) => r.kind !== 'notice');
    const rules = [...new Set(deadlineRows.map((r) => r.rule!))].sort();
    expect(rules).toEqual(['inform-partners', 'notify-panel', 'rapid-review']);
    for (const rule of rules) {
      expect(byRule(deadlineRows, rule)).toEqual(LATE_DEADLINE_OUTCOME);
    }
    // Superseded as they were planned: never claimed, never sent.
    expect(deadlineRows.filter((r) => r.status === 'superseded').every((r) => r.attempts === 0)).toBe(true);

    const sent = deadlineRows.filter((r) => r.status === 'sent');
    const mails = await mailsOf(sent);
    expect(mails).toHaveLength(9);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.subject.includes(opened.reference as string))).toHaveLength(9);

    const notify = mails.filter((m) => NOTIFY_PANEL.test(m.subject));
    expect(notify.map((m) => m.to)).toEqual(
      expect.arrayContaining([
        ['bu@partnership.test', 'subgroup@partnership.test'],
        ['dcs@partnership.test', 'nurse@partnership.test', 'police@partnership.test'],
        ['ceo@partnership.test', 'chief@partnership.test', 'icb@partnership.test'],
      ]),
    );
    expect(notify).toHaveLength(3);
    for (const mail of mails) expect(mail.raw).not.toMatch(/Summary of the incident|female|unfilled role/i);

    const history = await t.http.get(`/cases/${opened.id}/history`).auth(team.bu, { type: 'bearer' }).expect(200);
    const missed = history.body.filter((e: { type: string }) => e.type === 'deadline.missed');
    expect(missed.map((e: { payload: { rule: string } }) => e.payload.rule).sort()).toEqual(rules);
  });

  it('re-planned by new settings with several reminders already past, sends the latest for each audience', async () => {
    setNow(t, '2026-01-05T08:00:00Z');
    const opened = await openCase(t, team.bu, '2026-01-05');
    const now = '2026-01-20T10:00:00Z';
    setNow(t, now);
    // A closure day moves notify-panel from Mon 12 to Tue 13 January: its reminders are planned again, every one of
    // them already past (the escalation to lead partners fired at 09:00 today, Tue 20 January).
    await t.http
      .patch('/partnership')
      .auth(team.admin, { type: 'bearer' })
      .send({ closureDays: ['2026-01-06'] })
      .expect(200);
    const settled = await settledRows(t, opened.id, Date.parse(now));
    const replanned = settled.filter((r) => r.rule === 'notify-panel' && r.dueOn === '2026-01-13');
    expect(replanned.map((r) => [r.kind, r.status])).toEqual(LATE_DEADLINE_OUTCOME);
    const mails = await mailsOf(replanned.filter((r) => r.status === 'sent'));
    expect(mails.map((m) => m.to[0]).sort()).toEqual([
      'bu@partnership.test',
      'ceo@partnership.test',
      'dcs@partnership.test',
    ]);
  });

  describe('in a partnership with nobody but its admin and business unit', () => {
    let admin: string;
    let bu: string;
    let buId: string;

    // Tokens as POST /auth/login issues them: the login route allows only a few logins a minute from one address.
    const tokenFor = (userId: string, partnershipId: string) =>
      t.get(JwtService).signAsync({ sub: userId, pid: partnershipId }, { expiresIn: 3600 });
    const createUser = async (user: { email: string; roles: string[]; agency?: string }) => {
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const res = await t.http
        .post('/users')
        .auth(admin, { type: 'bearer' })
        .send({ name: user.email.split('@')[0], password, ...user });
      if (res.status !== 201) throw new Error(`creating ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    let partnershipId: string;

    beforeAll(async () => {
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const created = await t
        .get(PartnershipsService)
        .createWithAdmin('Eastshire Safeguarding Children Partnership', { email: 'admin@eastshire.test', password });
      partnershipId = created.partnership.id;
      admin = await tokenFor(created.admin.id, partnershipId);
      buId = await createUser({ email: 'bu@eastshire.test', roles: ['business-unit'] });
      bu = await tokenFor(buId, partnershipId);
    });

    it('lists the unfilled roles on GET /partnership, per agency for partners, and the list shrinks as they are filled', async () => {
      const before = await t.http.get('/partnership').auth(bu, { type: 'bearer' }).expect(200);
      expect(before.body.unfilledRoles).toEqual([
        { role: 'subgroup-member' },
        { role: 'delegated-partner', agency: 'local-authority' },
        { role: 'delegated-partner', agency: 'police' },
        { role: 'delegated-partner', agency: 'health' },
        { role: 'lead-partner', agency: 'local-authority' },
        { role: 'lead-partner', agency: 'police' },
        { role: 'lead-partner', agency: 'health' },
      ]);
      await createUser({ email: 'chief@eastshire.test', roles: ['lead-partner'], agency: 'police' });
      const after = await t.http.get('/partnership').auth(bu, { type: 'bearer' }).expect(200);
      expect(after.body.unfilledRoles).toEqual(
        before.body.unfilledRoles.filter(
          (s: { role: string; agency?: string }) => !(s.role === 'lead-partner' && s.agency === 'police'),
        ),
      );
      // Only the agencies that sign for the partnership have partner roles to fill.
      const patched = await t.http
        .patch('/partnership')
        .auth(admin, { type: 'bearer' })
        .send({ signOffAgencies: ['police'] })
        .expect(200);
      expect(patched.body.unfilledRoles).toEqual([
        { role: 'subgroup-member' },
        { role: 'delegated-partner', agency: 'police' },
      ]);
      await t.http
        .patch('/partnership')
        .auth(admin, { type: 'bearer' })
        .send({ signOffAgencies: ['local-authority', 'police', 'health'] })
        .expect(200);
    });

    it('sends an escalation to lead partners that some agencies lack to the business unit, saying whose it was', async () => {
      const now = '2026-04-20T10:00:00Z';
      setNow(t, now);
      const opened = await openCase(t, bu, '2026-01-05');
      const settled = await settledRows(t, opened.id, Date.parse(now));
      const lead = settled.find((r) => r.rule === 'notify-panel' && r.kind === 'escalation-lead')!;
      expect(lead.status).toBe('sent');
      expect(lead.recipients).toEqual(['bu@eastshire.test', 'chief@eastshire.test']);
      expect(lead.fallbackRole).toBe('business-unit');
      expect(lead.unfilledRoles).toEqual([
        { role: 'lead-partner', agency: 'local-authority' },
        { role: 'lead-partner', agency: 'health' },
      ]);
      const [mail] = await mailsOf([lead]);
      expect(mail.to).toEqual(['bu@eastshire.test', 'chief@eastshire.test']);
      expect(mail.subject).toContain('[unfilled role');
      const text = mail.raw.replace(/=\r?\n/g, '').replace(/\r?\n/g, ' ');
      expect(text).toContain(
        'This mail is for the lead partner (local authority) and lead partner (health), but nobody in the partnership holds those roles, so it has been sent to the business unit.',
      );
      expect(mail.raw).not.toMatch(/Summary of the incident|female/);

      // The escalation to delegated partners, none of whom exists, reaches the business unit alone.
      const delegated = settled.find((r) => r.rule === 'notify-panel' && r.kind === 'escalation-delegated')!;
      expect([delegated.status, delegated.recipients, delegated.fallbackRole]).toEqual([
        'sent',
        ['bu@eastshire.test'],
        'business-unit',
      ]);
      const shown = await t.http.get('/admin/reminders?status=sent').auth(admin, { type: 'bearer' }).expect(200);
      expect(shown.body.find((r: { id: string }) => r.id === lead.id)).toMatchObject({
        recipients: ['bu@eastshire.test', 'chief@eastshire.test'],
        fallbackRole: 'business-unit',
        unfilledRoles: lead.unfilledRoles,
      });
    });

    it("goes to the partnership's admins once the business unit has left", async () => {
      setNow(t, '2026-01-05T08:00:00Z');
      const opened = await openCase(t, bu, '2026-01-05');
      // No route deactivates a user yet: the business unit leaves through the service's own writer.
      await t.get(TransactionRunner).run((m) => m.getRepository(UserEntity).update({ id: buId }, { active: false }));
      const now = '2026-01-05T09:00:01Z';
      setNow(t, now);
      await t.get(ReminderReconciler).run();
      const settled = await settledRows(t, opened.id, Date.parse(now));
      const warning = settled.find((r) => r.rule === 'notify-panel' && r.offsetDays === -5)!;
      expect([warning.status, warning.recipients, warning.fallbackRole, warning.unfilledRoles]).toEqual([
        'sent',
        ['admin@eastshire.test'],
        'admin',
        [{ role: 'business-unit' }, { role: 'subgroup-member' }],
      ]);
      const [mail] = await mailsOf([warning]);
      expect(mail.raw.replace(/=\r?\n/g, '')).toContain("so it has been sent to the partnership's admins");
      const unfilled = await t.http.get('/partnership').auth(admin, { type: 'bearer' }).expect(200);
      expect(unfilled.body.unfilledRoles[0]).toEqual({ role: 'business-unit' });
    });
  });
});

import { DataSource } from 'typeorm';
import { UserEntity } from '@app/auth';
import { ReminderReconciler } from '@app/reminders';
import { setNow, waitForRows } from '../support/reminder-helpers';
import { TestApp } from '../support/test-app';
import { SmtpPeer } from '../support/smtp-peer';
import { TestRedisServer } from '../support/redis-server';
import {
  deadline,
  makeTeam,
  openCase,
  sendEvent,
  setToday,
  step,
  Team,
  toAgreedDecision,
} from '../support/case-helpers';
import { pageClient, signInThroughForm } from '../support/page-session';

/**
 * Issue 12 items 4 and 5 through HTTP, with real Redis and a real SMTP peer: an escalation the lead partners resolve,
 * an LCSPR extended with the Panel told, and a lead reviewer who reads and records only on the case they review.
 */
describe('Escalations resolved by the lead partners and the LCSPR managed', () => {
  let smtp: SmtpPeer;
  let redis: TestRedisServer;
  let t: TestApp;
  let team: Team;
  const reconcile = () => t.get(ReminderReconciler).run();
  const get = (token: string, path: string) => t.http.get(path).auth(token, { type: 'bearer' });
  /** Mail bodies are quoted-printable: the text with its soft line breaks joined. */
  const textOf = (mail: { raw: string }) => mail.raw.replace(/=\r?\n/g, '');
  const PASSWORD = 'a password for the tests 1234';
  async function createUser(email: string, roles: string[], agency?: string): Promise<string> {
    const res = await t.http
      .post('/users')
      .auth(team.admin, { type: 'bearer' })
      .send({ name: email.split('@')[0], email, password: PASSWORD, roles, ...(agency ? { agency } : {}) });
    if (res.status !== 201) throw new Error(`creating ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }
  /** Signs in through the API from an address of its own (a trusted proxy forwards it), apart from makeTeam's. */
  async function tokenOf(email: string): Promise<string> {
    const res = await t.http
      .post('/auth/login')
      .set('X-Forwarded-For', '10.0.0.12')
      .send({ email, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    redis = await TestRedisServer.start();
    t = await TestApp.start({
      env: {
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: smtp.url,
        REDIS_URL: redis.url,
        REMINDER_BACKOFF_MS: '50',
        // Plain http, so the page session's cookie is sent back by the test's client.
        PUBLIC_URL: 'http://127.0.0.1',
        TRUSTED_PROXIES: 'loopback',
      },
    });
    team = await makeTeam(t);
    // A lead partner for each agency, as the lead partners are the three statutory partners' chiefs.
    await createUser('chief@partnership.test', ['lead-partner'], 'police');
    await createUser('icb@partnership.test', ['lead-partner'], 'health');
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await redis.stop();
  });

  it('an escalation resolved by the lead partners: mail to them, the case says so, and their decision moves it on', async () => {
    setNow(t, '2026-01-05T08:00:00Z');
    const opened = await openCase(t, team.bu, '2026-01-05');
    const id = opened.id;
    const reference = opened.reference as string;
    setToday(t, '2026-01-07');
    await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-07' });
    await step(t, team.bu, id, 'partners.informed', { informedOn: '2026-01-07' });
    setToday(t, '2026-01-14');
    await step(t, team.subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met.',
    });
    setToday(t, '2026-01-15');
    await step(t, team.la, id, 'decision.signed-off', { decision: 'agree' });
    await step(t, team.police, id, 'decision.signed-off', { decision: 'disagree' });
    setToday(t, '2026-01-16');
    const escalated = await step(t, team.bu, id, 'decision.escalated', { note: 'NOTE-FOR-LEADS-ONLY' });
    expect(escalated).toMatchObject({
      state: 'decision.escalated',
      allowedEvents: ['partners.informed', 'escalation.resolved', 'rapid-review.recommended'],
    });

    // The lead partners are told by mail: the reference, a link and what is asked; never the note or the child.
    await reconcile();
    const [notice] = (
      await smtp.waitFor((mails) =>
        mails.some((m) => m.subject === `[${reference}] A decision has been escalated to the lead partners`),
      )
    ).filter((m) => m.subject.includes('escalated to the lead partners'));
    expect([...notice.to].sort()).toEqual(['ceo@partnership.test', 'chief@partnership.test', 'icb@partnership.test']);
    expect(textOf(notice)).toContain(`http://127.0.0.1/cases/${id}`);
    expect(textOf(notice)).toMatch(/record it on the case/);
    expect(textOf(notice)).not.toMatch(/NOTE-FOR-LEADS-ONLY|Summary of the incident|female/);

    // The lead partner's list of cases escalated to them; nobody else's list changes.
    const mine = await get(team.leadPartner, '/cases?escalated=true');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await get(team.bu, '/cases?escalated=maybe')).status).toBe(400);

    // A deadline reminder sent while the case is escalated says so (rapid-review: due Mon 26 Jan, warned Mon 19).
    setNow(t, '2026-01-19T09:00:01Z');
    await reconcile();
    const rapid = (m: { subject: string }) =>
      m.subject.startsWith(`[${reference}] The safeguarding partners complete the rapid review`);
    const [warning] = (await smtp.waitFor((mails) => mails.some(rapid))).filter(rapid);
    expect(textOf(warning)).toContain('This case is escalated to the lead partners.');
    expect(textOf(warning)).not.toContain('NOTE-FOR-LEADS-ONLY');

    // Only a lead partner resolves it; the decision is then agreed with their outcome, dated the day they reached it.
    setToday(t, '2026-01-20');
    const refused = await sendEvent(t, team.bu, id, 'escalation.resolved', {
      outcome: 'lcspr',
      resolvedOn: '2026-01-19',
    });
    expect(refused.status).toBe(403);
    const future = await sendEvent(t, team.leadPartner, id, 'escalation.resolved', {
      outcome: 'lcspr',
      resolvedOn: '2026-01-21',
    });
    expect(future.status).toBe(422);
    const resolved = await step(t, team.leadPartner, id, 'escalation.resolved', {
      outcome: 'no-lcspr',
      resolvedOn: '2026-01-19',
      note: 'Decided at the executive.',
    });
    expect(resolved).toMatchObject({
      state: 'decision.agreed',
      decision: { outcome: 'no-lcspr', decidedOn: '2026-01-19' },
    });
    expect((await get(team.leadPartner, '/cases?escalated=true')).body.total).toBe(0);
    const rows = await waitForRows(t, id, (r) => r.some((x) => x.noticeKind === 'decision-agreed'));
    expect(rows.filter((r) => r.noticeKind === 'escalated-to-lead-partners')).toHaveLength(1);

    // Once resolved, the next reminder no longer says the case is escalated (warned again Thu 22 Jan).
    smtp.received.length = 0;
    setNow(t, '2026-01-22T09:00:01Z');
    await reconcile();
    const [later] = (await smtp.waitFor((mails) => mails.some(rapid))).filter(rapid);
    expect(textOf(later)).not.toContain('escalated to the lead partners');

    // The record shows the escalation with its resolution; the history has who and when.
    const record = (await get(team.scrutineer, `/cases/${id}/record`)).body;
    expect(record.decision).toMatchObject({ outcome: 'no-lcspr', decidedOn: '2026-01-19' });
    expect(record.decision.rounds[0].escalations).toEqual([
      {
        note: 'NOTE-FOR-LEADS-ONLY',
        escalatedOn: '2026-01-16',
        byId: expect.any(String),
        by: 'bu',
        resolution: {
          outcome: 'no-lcspr',
          resolvedOn: '2026-01-19',
          byId: expect.any(String),
          by: 'ceo',
          note: 'Decided at the executive.',
        },
      },
    ]);
    const history = (await get(team.bu, `/cases/${id}/history`)).body as { type: string; from: string; to: string }[];
    expect(history.slice(-2).map((e) => [e.type, e.from, e.to])).toEqual([
      ['decision.escalated', 'decision.disputed', 'decision.escalated'],
      ['escalation.resolved', 'decision.escalated', 'decision.agreed'],
    ]);
  }, 90_000);

  it('an LCSPR extended with the Panel told: the due date moves, the notice clock starts and is met', async () => {
    setToday(t, '2026-01-05');
    const { id } = await openCase(t, team.bu, '2026-01-05');
    await toAgreedDecision(t, team, id); // decided Tue 20 Jan 2026
    setToday(t, '2026-01-21');
    await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    setToday(t, '2026-02-02');
    let view = await step(t, team.bu, id, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-02' });
    expect(deadline(view, 'lcspr-publish')).toMatchObject({ dueOn: '2026-07-20', status: 'open' });

    const tooLate = await sendEvent(t, team.subgroup, id, 'lcspr.completion-planned', {
      plannedCompletionOn: '2026-07-21',
    });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.message).toBe(
      "plannedCompletionOn (2026-07-21) must be on or before the review's due date (2026-07-20)",
    );
    await step(t, team.subgroup, id, 'lcspr.completion-planned', { plannedCompletionOn: '2026-07-10' });
    await step(t, team.subgroup, id, 'lcspr.progress-reviewed', { reviewedOn: '2026-02-02', note: 'Chronologies in.' });

    setToday(t, '2026-04-02');
    const notLonger = await sendEvent(t, team.subgroup, id, 'lcspr.extended', {
      reason: 'Inquest listed.',
      newCompletionOn: '2026-07-20',
    });
    expect(notLonger.status).toBe(422);
    view = await step(t, team.subgroup, id, 'lcspr.extended', {
      reason: 'Inquest listed.',
      newCompletionOn: '2026-09-30',
    });
    expect(deadline(view, 'lcspr-publish')).toMatchObject({ dueOn: '2026-09-30', status: 'open' });
    // Agreed Thu 2 Apr 2026: Good Friday and Easter Monday are not working days, so 5 working days is Mon 13 Apr.
    expect(deadline(view, 'lcspr-extension-notice')).toEqual({
      rule: 'lcspr-extension-notice',
      startedOn: '2026-04-02',
      dueOn: '2026-04-13',
      status: 'open',
    });

    setToday(t, '2026-04-10');
    await step(t, team.subgroup, id, 'lcspr.involvement-recorded', {
      who: 'practitioners',
      involvedOn: '2026-04-09',
      note: 'Practitioner learning event.',
    });
    view = await step(t, team.bu, id, 'lcspr.extension-notified', { informedOn: '2026-04-10' });
    expect(deadline(view, 'lcspr-extension-notice')).toMatchObject({ stoppedOn: '2026-04-10', status: 'met' });
    expect((await sendEvent(t, team.bu, id, 'lcspr.extension-notified', { informedOn: '2026-04-10' })).status).toBe(
      422,
    );

    const lcspr = (await get(team.bu, `/cases/${id}/record`)).body.lcspr;
    expect(lcspr).toMatchObject({
      plannedCompletionOn: '2026-07-10',
      extensions: [
        { reason: 'Inquest listed.', newCompletionOn: '2026-09-30', agreedOn: '2026-04-02', informedOn: '2026-04-10' },
      ],
      progressReviews: [
        { reviewedOn: '2026-02-02', note: 'Chronologies in.', by: 'subgroup', byId: expect.any(String) },
      ],
      involvement: [
        { who: 'practitioners', involvedOn: '2026-04-09', note: 'Practitioner learning event.', by: 'subgroup' },
      ],
    });
  }, 60_000);

  it('a lead reviewer records a draft on their case, sees only it, and finds any other case not found', async () => {
    const reviewerId = await createUser('reviewer@partnership.test', ['lead-reviewer']);
    const reviewer = await tokenOf('reviewer@partnership.test');
    const other = {
      id: await createUser('other-reviewer@partnership.test', ['lead-reviewer']),
      token: await tokenOf('other-reviewer@partnership.test'),
    };

    setToday(t, '2026-01-05');
    const theirs = await openCase(t, team.bu, '2026-01-05');
    const notTheirs = await openCase(t, team.bu, '2026-01-05');
    await toAgreedDecision(t, team, theirs.id);
    setToday(t, '2026-01-21');
    await step(t, team.bu, theirs.id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    await step(t, team.bu, theirs.id, 'panel.responded', { response: 'agrees', respondedOn: '2026-01-21' });

    // The reviewer's account must be an active lead reviewer of the partnership.
    const appoint = (reviewerUserId: string) =>
      sendEvent(t, team.bu, theirs.id, 'lcspr.reviewer-appointed', {
        reviewerName: 'Riley Reviewer',
        independent: true,
        reviewerUserId,
      });
    const notAReviewer = await appoint((await get(team.bu, '/users/me')).body.id);
    expect(notAReviewer.status).toBe(422);
    const unknown = await appoint('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toBe(
      'reviewerUserId (00000000-0000-4000-8000-000000000000) is not a user of this partnership',
    );
    await t.get(DataSource).getRepository(UserEntity).update({ id: other.id }, { active: false });
    expect((await appoint(other.id)).body.message).toBe(`reviewerUserId (${other.id}) is a deactivated user`);
    await t.get(DataSource).getRepository(UserEntity).update({ id: other.id }, { active: true });
    expect((await appoint(reviewerId)).status).toBe(200);

    // They read only their case: the list, the case, its record and history; any other case is not found.
    const list = await get(reviewer, '/cases');
    expect(list.body).toMatchObject({ total: 1, items: [{ id: theirs.id }] });
    for (const path of ['', '/record', '/history']) {
      expect((await get(reviewer, `/cases/${theirs.id}${path}`)).status).toBe(200);
      expect((await get(reviewer, `/cases/${notTheirs.id}${path}`)).status).toBe(404);
      expect((await get(other.token, `/cases/${theirs.id}${path}`)).status).toBe(404);
    }
    expect((await get(other.token, '/cases')).body).toEqual({ items: [], total: 0 });

    // They record a draft on their case, and nothing else; on another case the answer is 404.
    setToday(t, '2026-06-01');
    const draft = await step(t, reviewer, theirs.id, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
    expect(draft.finalReportSignOffs).toEqual([]);
    expect((await sendEvent(t, reviewer, theirs.id, 'lcspr.terms-agreed', { agreedOn: '2026-06-01' })).status).toBe(
      403,
    );
    expect(
      (await sendEvent(t, reviewer, notTheirs.id, 'lcspr.draft-received', { receivedOn: '2026-06-01' })).status,
    ).toBe(404);
    const theirRecord = (await get(reviewer, `/cases/${theirs.id}/record`)).body;
    expect(theirRecord.restricted).toEqual(['children', 'summary']);
    expect(theirRecord.lcspr).toMatchObject({
      reviewer: { name: 'Riley Reviewer', independent: true, userId: reviewerId },
      draftsReceivedOn: ['2026-06-01'],
    });

    // The pages follow: their home page lists their case only, and another case's page is not found.
    const client = pageClient(t);
    expect((await signInThroughForm(client, 'reviewer@partnership.test', PASSWORD)).status).toBe(303);
    const home = await client.get('/').set('Accept', 'text/html');
    expect(home.text).toContain(theirs.reference as string);
    expect(home.text).not.toContain(notTheirs.reference as string);
    expect((await client.get(`/case/${theirs.id}`).set('Accept', 'text/html')).status).toBe(200);
    expect((await client.get(`/case/${notTheirs.id}`).set('Accept', 'text/html')).status).toBe(404);
  }, 60_000);
});

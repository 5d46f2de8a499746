import { ReminderEntity, ReminderReconciler } from '@app/reminders';
import { makeTeam, openCase, sendEvent, setToday, step, Team } from '../support/case-helpers';
import { pageClient, signInThroughForm } from '../support/page-session';
import { TestRedisServer } from '../support/redis-server';
import { setNow, waitForRows } from '../support/reminder-helpers';
import { SmtpPeer, type ReceivedMail } from '../support/smtp-peer';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

/**
 * The action plan, tracked and escalated, and documents by reference (issue 12 items 3 and 8), through HTTP on the
 * real app, Redis and an SMTP peer.
 */

const SETTLED = ['sent', 'superseded', 'failed', 'cancelled', 'obsolete'];
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the action plan and documents of a case', () => {
  let smtp: SmtpPeer;
  let redis: TestRedisServer;
  let t: TestApp;
  let team: Team;

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    redis = await TestRedisServer.start();
    t = await TestApp.start({
      env: {
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: smtp.url,
        REDIS_URL: redis.url,
        REMINDER_BACKOFF_MS: '50',
        // Plain http, so that the pages' session cookie is not Secure and the test's client sends it back.
        PUBLIC_URL: 'http://127.0.0.1',
      },
    });
    team = await makeTeam(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await redis?.stop();
  });

  const history = async (caseId: string) =>
    (await t.http.get(`/cases/${caseId}/history`).auth(team.bu, { type: 'bearer' }).expect(200)).body as {
      type: string;
      actor: { name: string; roles: string[] };
      payload: Record<string, unknown>;
    }[];
  const record = async (caseId: string) =>
    (await t.http.get(`/cases/${caseId}/record`).auth(team.bu, { type: 'bearer' }).expect(200)).body;
  const view = async (caseId: string) =>
    (await t.http.get(`/cases/${caseId}`).auth(team.bu, { type: 'bearer' }).expect(200)).body;

  /** The mails of the sent rows, found by their Message-IDs (the rows' ids). */
  async function mailsOf(sent: ReminderEntity[]): Promise<ReceivedMail[]> {
    const ids = new Set(sent.map((row) => `<reminder-${row.id}@practice-review>`));
    const mails = await smtp.waitFor((m) => m.filter((x) => ids.has(x.messageId)).length >= ids.size);
    return mails.filter((x) => ids.has(x.messageId));
  }

  it('an overdue action escalated: an action of the police, added at the rapid review, escalates to the police’s delegated partner alone; it is completed late and the case closed', async () => {
    setToday(t, '2026-01-05');
    const { id: caseId } = await openCase(t, team.bu, '2026-01-05');
    setToday(t, '2026-01-06');
    await step(t, team.bu, caseId, 'notification.submitted', { submittedOn: '2026-01-06' });
    await step(t, team.bu, caseId, 'partners.informed', { informedOn: '2026-01-06' });

    setToday(t, '2026-01-07');
    await step(t, team.subgroup, caseId, 'action.added', {
      actionId: 'A-1',
      description: 'Review the out-of-hours referral route (test).',
      owner: 'Public protection unit',
      dueOn: '2026-01-16',
      owningAgency: 'police',
      lead: 'DCI Public Protection',
    });
    // An action of an agency that does not sign for the partnership escalates to every delegated partner.
    await step(t, team.subgroup, caseId, 'action.added', {
      actionId: 'A-2',
      description: 'Brief the designated safeguarding leads (test).',
      owner: 'Education safeguarding team',
      dueOn: '2026-01-16',
      owningAgency: 'education',
    });
    const added = await view(caseId);
    expect(added.stage).toBe('rapid-review');
    expect(added.deadlines.filter((d: { rule: string }) => d.rule === 'action-due')).toEqual([
      { rule: 'action-due', subject: 'A-1', startedOn: '2026-01-07', dueOn: '2026-01-16', status: 'open' },
      { rule: 'action-due', subject: 'A-2', startedOn: '2026-01-07', dueOn: '2026-01-16', status: 'open' },
    ]);

    // Wednesday 21 January, 10:00: the breach (Monday 19) and the escalation to the delegated partners (Tuesday 20,
    // two working days overdue) have come; the escalation to the lead partners (Friday 23) has not.
    const now = '2026-01-21T10:00:00Z';
    setNow(t, now);
    await t.get(ReminderReconciler).run();
    const rows = await waitForRows(
      t,
      caseId,
      (current) =>
        current.filter((r) => r.rule === 'action-due' && r.fireAtMs <= Date.parse(now)).length === 12 &&
        current
          .filter((r) => r.rule === 'action-due' && r.fireAtMs <= Date.parse(now))
          .every((r) => SETTLED.includes(r.status)),
      20_000,
    );
    const of = (subject: string) =>
      rows.filter((r) => r.rule === 'action-due' && r.subject === subject).map((r) => [r.kind, r.status]);
    expect(of('A-1')).toEqual([
      ['warning', 'superseded'],
      ['warning', 'superseded'],
      ['warning', 'superseded'],
      ['due-today', 'superseded'],
      ['breach', 'sent'],
      ['escalation-delegated', 'sent'],
      ['escalation-lead', 'pending'],
    ]);
    const escalation = (subject: string) =>
      rows.find((r) => r.rule === 'action-due' && r.subject === subject && r.kind === 'escalation-delegated')!;
    expect(escalation('A-1').recipients).toEqual(['police@partnership.test']);
    expect(escalation('A-1').fallbackRole).toBeNull();
    expect(escalation('A-2').recipients).toEqual([
      'dcs@partnership.test',
      'nurse@partnership.test',
      'police@partnership.test',
    ]);

    const [mail] = await mailsOf([escalation('A-1')]);
    expect(mail.to).toEqual(['police@partnership.test']);
    expect(mail.subject).toContain('(action A-1, owned by Police)');
    expect(mail.subject).toContain('escalated to delegated partner of the owning agency (due Fri 16 Jan 2026)');
    // The mail names the action by its reference: never its description, nor anything about the child.
    expect(mail.raw).not.toMatch(/out-of-hours|referral route|Summary of the incident|female/);

    const escalated = (await history(caseId)).filter((e) => e.type === 'action.escalated');
    expect(escalated.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        {
          actionId: 'A-1',
          dueOn: '2026-01-16',
          escalatedOn: '2026-01-21',
          escalatedTo: { role: 'delegated-partner', agency: 'police' },
        },
        {
          actionId: 'A-2',
          dueOn: '2026-01-16',
          escalatedOn: '2026-01-21',
          escalatedTo: { role: 'delegated-partner' },
        },
      ]),
    );
    expect(escalated).toHaveLength(2);
    expect(escalated[0].actor).toMatchObject({ name: 'practice-review', roles: [] });
    const missed = (await history(caseId)).filter(
      (e) => e.type === 'deadline.missed' && e.payload.rule === 'action-due',
    );
    expect(missed.map((e) => e.payload.subject).sort()).toEqual(['A-1', 'A-2']);

    setToday(t, '2026-01-21');
    const overdue = await view(caseId);
    expect(overdue.deadlines.find((d: { subject?: string }) => d.subject === 'A-1').status).toBe('overdue');
    await step(t, team.bu, caseId, 'action.progress-updated', {
      actionId: 'A-1',
      updatedOn: '2026-01-21',
      status: 'off-track',
      note: 'The route needs the out-of-hours team’s sign-off (test).',
    });
    let a1 = (await record(caseId)).learning.actions[0];
    expect(a1).toMatchObject({
      id: 'A-1',
      owningAgency: 'police',
      lead: 'DCI Public Protection',
      source: 'rapid-review',
      status: 'off-track',
      escalatedOn: '2026-01-21',
    });

    // The case page shows the plan as a table, the overdue action marked and its escalation dated.
    const page = pageClient(t);
    await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const html = (await page.get(`/case/${caseId}`).set('Accept', BROWSER_ACCEPT).expect(200)).text;
    const plan = html.slice(html.indexOf('id="action-plan"'), html.indexOf('id="timeline"'));
    expect(plan).toContain('<th scope="col" class="govuk-table__header">Owned by</th>');
    expect(plan).toContain('DCI Public Protection');
    expect(plan).toContain('govuk-tag--red">Off track</strong> <strong class="govuk-tag govuk-tag--red">Overdue');
    expect(plan).toContain('Escalated to the delegated partners on 21 January 2026');

    setToday(t, '2026-01-22');
    await step(t, team.subgroup, caseId, 'action.completed', { actionId: 'A-1', completedOn: '2026-01-22' });
    await step(t, team.subgroup, caseId, 'action.cancelled', {
      actionId: 'A-2',
      reason: 'Covered by the local authority’s briefing (test).',
    });
    const done = await view(caseId);
    expect(done.deadlines.filter((d: { rule: string }) => d.rule === 'action-due')).toEqual([
      {
        rule: 'action-due',
        subject: 'A-1',
        startedOn: '2026-01-07',
        dueOn: '2026-01-16',
        stoppedOn: '2026-01-22',
        status: 'late',
      },
      { rule: 'action-due', subject: 'A-2', startedOn: '2026-01-07', dueOn: '2026-01-16', status: 'cancelled' },
    ]);
    // The escalation to the lead partners is no longer to be sent.
    const after = await waitForRows(t, caseId, (current) =>
      current
        .filter((r) => r.rule === 'action-due' && r.kind === 'escalation-lead')
        .every((r) => r.status !== 'pending'),
    );
    expect(after.filter((r) => r.rule === 'action-due' && r.status === 'pending')).toEqual([]);

    await step(t, team.subgroup, caseId, 'rapid-review.recommended', {
      recommendation: 'no-lcspr',
      rationale: 'Criteria not met (test).',
    });
    for (const partner of [team.la, team.police, team.health]) {
      await step(t, partner, caseId, 'decision.signed-off', { decision: 'agree' });
    }
    await step(t, team.bu, caseId, 'rapid-review.submitted', { submittedOn: '2026-01-22' });
    await step(t, team.bu, caseId, 'panel.responded', { response: 'agrees', respondedOn: '2026-01-22' });
    const closed = await step(t, team.bu, caseId, 'case.closed');
    expect(closed).toMatchObject({ stage: 'closed', state: 'closed' });

    a1 = (await record(caseId)).learning.actions[0];
    expect(a1).toMatchObject({ status: 'completed', completedOn: '2026-01-22', escalatedOn: '2026-01-21' });
    expect(a1.progress).toEqual([
      {
        updatedOn: '2026-01-21',
        status: 'off-track',
        note: 'The route needs the out-of-hours team’s sign-off (test).',
      },
    ]);
  });

  it('refuses what the plan cannot hold: an agency not relevant to the case, a due date already past, actions before the rapid review', async () => {
    setToday(t, '2026-02-02');
    const { id: caseId } = await openCase(t, team.bu, '2026-02-02');
    const action = { actionId: 'A-1', description: 'd (test)', owner: 'o', dueOn: '2026-03-02' };
    const early = await sendEvent(t, team.subgroup, caseId, 'action.added', action).expect(409);
    expect(early.body.details.allowedEvents).toEqual(expect.arrayContaining(['document.linked']));
    expect(early.body.details.allowedEvents).not.toContain('action.added');

    await step(t, team.bu, caseId, 'notification.submitted', { submittedOn: '2026-02-02' });
    const notRelevant = await sendEvent(t, team.subgroup, caseId, 'action.added', {
      ...action,
      owningAgency: 'hospital-trust',
    }).expect(422);
    expect(notRelevant.body).toMatchObject({ code: 'rule-violated', message: expect.stringContaining('relevant') });
    await sendEvent(t, team.subgroup, caseId, 'action.added', { ...action, dueOn: '2026-01-30' }).expect(422);
    await sendEvent(t, team.subgroup, caseId, 'action.added', { ...action, source: 'gossip' }).expect(400);
    await sendEvent(t, team.police, caseId, 'action.added', action).expect(403);

    // A client of version 1 sends no owner fields: the action is kept, coming from the rapid review.
    await step(t, team.subgroup, caseId, 'action.added', action);
    await step(t, team.subgroup, caseId, 'action.due-date-changed', {
      actionId: 'A-1',
      dueOn: '2026-03-16',
      reason: 'Agreed at the subgroup (test).',
    });
    const [kept] = (await record(caseId)).learning.actions;
    expect(kept).toMatchObject({
      id: 'A-1',
      source: 'rapid-review',
      status: 'not-started',
      dueOn: '2026-03-16',
      dueDateChanges: [{ from: '2026-03-02', to: '2026-03-16', changedOn: '2026-02-02' }],
    });
    expect(kept.owningAgency).toBeUndefined();
    const clock = (await view(caseId)).deadlines.find((d: { subject?: string }) => d.subject === 'A-1');
    expect(clock).toMatchObject({ dueOn: '2026-03-16', status: 'open' });
    await sendEvent(t, team.bu, caseId, 'action.progress-updated', {
      actionId: 'A-1',
      updatedOn: '2026-02-03',
      status: 'on-track',
      note: 'n',
    }).expect(422);
  });

  it('documents linked and unlinked: kept in the record and the history, refused once the case is closed', async () => {
    setToday(t, '2026-03-02');
    const { id: caseId } = await openCase(t, team.bu, '2026-03-02');
    const linkBody = {
      documentId: 'D-1',
      title: 'Police agency return (test)',
      kind: 'agency-return',
      url: 'https://documents.partnership.example/cases/police-return',
    };
    await step(t, team.bu, caseId, 'document.linked', linkBody);
    await step(t, team.subgroup, caseId, 'document.linked', {
      documentId: 'D-2',
      title: 'Minutes of the meeting (test)',
      kind: 'other',
      url: 'https://documents.partnership.example/cases/minutes',
    });
    expect((await sendEvent(t, team.bu, caseId, 'document.linked', linkBody).expect(422)).body.message).toBe(
      'Document D-1 is already linked',
    );
    await sendEvent(t, team.bu, caseId, 'document.linked', { ...linkBody, documentId: 'D-3', url: 'file:///x' }).expect(
      400,
    );
    await sendEvent(t, team.police, caseId, 'document.linked', { ...linkBody, documentId: 'D-3' }).expect(403);
    await sendEvent(t, team.scrutineer, caseId, 'document.unlinked', { documentId: 'D-1', reason: 'r' }).expect(403);

    setToday(t, '2026-03-03');
    await step(t, team.bu, caseId, 'document.unlinked', { documentId: 'D-1', reason: 'Linked to the wrong case.' });
    await sendEvent(t, team.bu, caseId, 'document.unlinked', { documentId: 'D-1', reason: 'again' }).expect(422);
    await sendEvent(t, team.bu, caseId, 'document.unlinked', { documentId: 'D-9', reason: 'r' }).expect(422);

    expect((await record(caseId)).documents).toEqual([
      {
        id: 'D-1',
        title: 'Police agency return (test)',
        kind: 'agency-return',
        url: 'https://documents.partnership.example/cases/police-return',
        linkedOn: '2026-03-02',
        unlinked: { reason: 'Linked to the wrong case.', unlinkedOn: '2026-03-03' },
      },
      {
        id: 'D-2',
        title: 'Minutes of the meeting (test)',
        kind: 'other',
        url: 'https://documents.partnership.example/cases/minutes',
        linkedOn: '2026-03-02',
      },
    ]);
    const events = (await history(caseId)).filter((e) => e.type.startsWith('document.'));
    expect(events.map((e) => [e.type, e.payload.documentId])).toEqual([
      ['document.linked', 'D-1'],
      ['document.linked', 'D-2'],
      ['document.unlinked', 'D-1'],
    ]);

    // The case page lists them as links to the partnership's store; the removed one is no longer a link.
    const page = pageClient(t);
    await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const html = (await page.get(`/case/${caseId}`).set('Accept', BROWSER_ACCEPT).expect(200)).text;
    const docs = html.slice(html.indexOf('id="documents"'), html.indexOf('id="timeline"'));
    expect(docs).toContain(
      '<a class="govuk-link" href="https://documents.partnership.example/cases/minutes" rel="noopener noreferrer">Minutes of the meeting (test)',
    );
    expect(docs).not.toContain('href="https://documents.partnership.example/cases/police-return"');
    expect(docs).toContain('Link removed');

    await step(t, team.bu, caseId, 'notification.withdrawn', { reason: 'Criteria not met (test).' });
    await sendEvent(t, team.bu, caseId, 'document.linked', { ...linkBody, documentId: 'D-3' }).expect(409);
  });
});

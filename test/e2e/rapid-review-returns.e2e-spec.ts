/**
 * Issue 12 item 1 through HTTP: the partnership's list of relevant agencies, and a rapid review with six agencies
 * (one nil return, one chased): six returns asked for, five received (one nil), one late whose reminder mail names
 * the agency and nothing about the child; the meeting with the agencies present and quorum; the recommendation with
 * its test against the criteria. On a real Redis and a real SMTP peer, the service clock moved as the reminder tests
 * move it.
 */
import { ReminderReconciler } from '@app/reminders';
import { setNow, waitForRows } from '../support/reminder-helpers';
import { TestApp } from '../support/test-app';
import { SmtpPeer } from '../support/smtp-peer';
import { TestRedisServer } from '../support/redis-server';
import { makeTeam, openCase, sendEvent, setToday, step, Team } from '../support/case-helpers';

describe('Rapid review content: relevant agencies, returns, meeting and recommendation', () => {
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
  }, 90_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await redis.stop();
  });

  const patch = (token: string, body: Record<string, unknown>) =>
    t.http.patch('/partnership').auth(token, { type: 'bearer' }).send(body);

  it('keeps the partnership’s relevant agencies: the default list, replaced by an admin with validation', async () => {
    const before = await t.http.get('/partnership').auth(team.bu, { type: 'bearer' }).expect(200);
    expect(before.body.relevantAgencies).toHaveLength(12);
    expect(before.body.relevantAgencies.slice(0, 3).map((a: { key: string }) => a.key)).toEqual([
      'local-authority',
      'police',
      'health',
    ]);

    const list = [
      { key: 'local-authority', name: 'Children’s social care' },
      { key: 'police', name: 'Police' },
      { key: 'health', name: 'NHS Integrated care board' },
      { key: 'education', name: 'Schools and education' },
      { key: 'housing', name: 'Housing' },
      { key: 'probation', name: 'Probation service' },
      { key: 'ambulance-service', name: 'Ambulance service' },
    ];
    expect((await patch(team.bu, { relevantAgencies: list })).status).toBe(403);
    const refused = async (relevantAgencies: unknown, field: string) => {
      const res = await patch(team.admin, { relevantAgencies });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      return res.body.details as { field: string; messages: string[] }[];
    };
    await refused([...list, { key: 'police', name: 'Police again' }], 'relevantAgencies.7.key');
    await refused([...list, { key: 'constabulary', name: 'POLICE' }], 'relevantAgencies.7.name');
    const removed = await refused(
      list.filter((a) => a.key !== 'police'),
      'relevantAgencies',
    );
    expect(removed[0].messages[0]).toMatch(/must keep the statutory agencies \(police missing\)/);
    await refused([...list, { key: 'Bad Key', name: 'Bad' }], 'relevantAgencies.7.key');
    await refused([...list, { key: 'blank', name: '   ' }], 'relevantAgencies.7.name');
    await refused([], 'relevantAgencies');

    const saved = await patch(team.admin, { relevantAgencies: list }).expect(200);
    expect(saved.body.relevantAgencies).toEqual(list);
    const after = await t.http.get('/partnership').auth(team.subgroup, { type: 'bearer' }).expect(200);
    expect(after.body.relevantAgencies).toEqual(list);
  });

  it('runs a rapid review with six agencies: one nil return, one late, chased and reminded by mail', async () => {
    const asked = ['police', 'health', 'education', 'housing', 'probation', 'ambulance-service'];
    setNow(t, '2026-03-02T10:00:00Z');
    const opened = await openCase(t, team.bu, '2026-03-02');
    const id = opened.id;
    const recordOf = async () =>
      (await t.http.get(`/cases/${id}/record`).auth(team.bu, { type: 'bearer' }).expect(200)).body;
    expect((await recordOf()).relevantAgencies.map((a: { key: string }) => a.key)).toContain('ambulance-service');

    // Tuesday 3 March: the business unit asks six agencies, before the notification is even sent.
    setToday(t, '2026-03-03');
    for (const agency of asked) {
      await step(t, team.bu, id, 'agency-return.requested', {
        agency,
        requestedOn: '2026-03-03',
        ...(agency === 'education' ? { dueOn: '2026-03-13' } : {}),
      });
    }
    const refusedAgency = await sendEvent(t, team.bu, id, 'agency-return.requested', {
      agency: 'cafcass',
      requestedOn: '2026-03-03',
    });
    expect(refusedAgency.status).toBe(422);
    expect(refusedAgency.body.code).toBe('rule-violated');
    expect(
      (await sendEvent(t, team.police, id, 'agency-return.requested', { agency: 'police', requestedOn: '2026-03-03' }))
        .status,
    ).toBe(403);
    await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-03-03' });

    // Five working days: due Tuesday 10 March; education's agreed date is Friday 13 March.
    const view = (await t.http.get(`/cases/${id}`).auth(team.bu, { type: 'bearer' }).expect(200)).body;
    const returnDeadlines = view.deadlines.filter((d: { rule: string }) => d.rule === 'agency-return');
    expect(returnDeadlines.map((d: { subject: string; dueOn: string }) => [d.subject, d.dueOn])).toEqual(
      asked.map((agency) => [agency, agency === 'education' ? '2026-03-13' : '2026-03-10']),
    );

    setToday(t, '2026-03-10');
    await step(t, team.bu, id, 'agency-return.received', { agency: 'police', receivedOn: '2026-03-09' });
    await step(t, team.bu, id, 'agency-return.received', { agency: 'health' });
    await step(t, team.bu, id, 'agency-return.received', {
      agency: 'housing',
      receivedOn: '2026-03-06',
      nilReturn: true,
    });
    await step(t, team.subgroup, id, 'agency-return.received', { agency: 'ambulance-service' });

    // Wednesday 11 March, 09:00 London: probation's return is a day late, and the breach reminder goes out.
    setNow(t, '2026-03-11T09:00:01Z');
    await t.get(ReminderReconciler).run();
    const isBreach = (subject: string) =>
      subject.includes(opened.reference as string) && /\(Probation service\): .*overdue/i.test(subject);
    const mails = await smtp.waitFor((m) => m.some((x) => isBreach(x.subject.replace(/\s+/g, ' '))));
    const late = mails.find((x) => isBreach(x.subject.replace(/\s+/g, ' ')))!;
    expect(late.subject).toMatch(/relevant agency sends its return/i);
    expect(late.to).toEqual(['bu@partnership.test', 'subgroup@partnership.test']);
    const body = late.raw.replace(/=\r?\n/g, '');
    expect(body).toContain('For: Probation service');
    expect(body).toContain(`https://practice-review.test/cases/${id}`);
    expect(body).not.toMatch(/Summary of the incident|female|ageYears|Aged 4/);
    // Only the late return is reminded: the returns received (and education's, not yet due) send no breach.
    const rows = await waitForRows(t, id, (all) =>
      all.some((r) => r.subject === 'probation' && r.kind === 'breach' && r.status === 'sent'),
    );
    const breached = rows.filter((r) => r.rule === 'agency-return' && r.kind === 'breach' && r.status === 'sent');
    expect(breached.map((r) => r.subject)).toEqual(['probation']);

    setToday(t, '2026-03-11');
    await step(t, team.bu, id, 'agency-return.chased', {
      agency: 'probation',
      chasedOn: '2026-03-11',
      note: 'Phoned the probation lead; due Friday.',
    });
    setToday(t, '2026-03-12');
    await step(t, team.bu, id, 'agency-return.received', { agency: 'education' });
    await step(t, team.subgroup, id, 'rapid-review.meeting-held', {
      heldOn: '2026-03-12',
      agenciesPresent: ['local-authority', 'police', 'health', 'education'],
      quorate: true,
    });
    setToday(t, '2026-03-13');
    await step(t, team.subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Learning about information sharing (test).',
      improvementsNeeded: true,
      improvementsNeededReasons: 'School and health did not share concerns.',
      recurrentThemes: true,
      recurrentThemesReasons: 'Neglect, as in two earlier reviews.',
      agenciesWorkingTogether: true,
      agenciesWorkingTogetherReasons: 'Referrals between agencies were not followed up.',
      panelConsideredLocal: false,
      panelConsideredLocalReasons: 'The Panel has not considered the case.',
      immediateSafetyActions: 'A safety plan for the sibling.',
      parallelProcesses: ['criminal-investigation', 'inquest'],
      learningIdentified: 'Escalation routes were not known.',
    });
    const reasonsAlone = await sendEvent(t, team.subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'r',
      recurrentThemesReasons: 'without its answer',
    });
    expect(reasonsAlone.status).toBe(400);
    expect(reasonsAlone.body.details).toEqual([
      { field: 'recurrentThemes', messages: ['recurrentThemes is required'] },
    ]);

    const record = await recordOf();
    const byAgency = Object.fromEntries(
      record.rapidReview.returns.map((r: { agency: string }) => [r.agency, r]),
    ) as Record<string, Record<string, unknown>>;
    expect(Object.keys(byAgency)).toEqual(asked);
    expect(byAgency.police).toMatchObject({ status: 'received', receivedOn: '2026-03-09', dueOn: '2026-03-10' });
    expect(byAgency.health).toMatchObject({ status: 'received', receivedOn: '2026-03-10' });
    expect(byAgency.housing).toMatchObject({ status: 'nil-return', receivedOn: '2026-03-06' });
    expect(byAgency['ambulance-service']).toMatchObject({ status: 'received', receivedOn: '2026-03-10' });
    expect(byAgency.education).toMatchObject({ status: 'received', receivedOn: '2026-03-12', dueOn: '2026-03-13' });
    expect(byAgency.probation).toMatchObject({
      status: 'overdue',
      dueOn: '2026-03-10',
      chases: [{ chasedOn: '2026-03-11', note: 'Phoned the probation lead; due Friday.' }],
    });
    expect(byAgency.probation.receivedOn).toBeUndefined();
    expect(record.rapidReview.meetings).toEqual([
      { heldOn: '2026-03-12', agenciesPresent: ['local-authority', 'police', 'health', 'education'], quorate: true },
    ]);
    expect(record.rapidReview.meetingsHeldOn).toEqual(['2026-03-12']);
    expect(record.rapidReview.recommendations).toEqual([
      expect.objectContaining({
        round: 1,
        recommendation: 'lcspr',
        recommendedOn: '2026-03-13',
        criteria: [
          { criterion: 'improvements-needed', applies: true, reasons: 'School and health did not share concerns.' },
          { criterion: 'recurrent-themes', applies: true, reasons: 'Neglect, as in two earlier reviews.' },
          {
            criterion: 'agencies-working-together',
            applies: true,
            reasons: 'Referrals between agencies were not followed up.',
          },
          { criterion: 'panel-considered-local', applies: false, reasons: 'The Panel has not considered the case.' },
        ],
        immediateSafetyActions: 'A safety plan for the sibling.',
        parallelProcesses: ['criminal-investigation', 'inquest'],
        learningIdentified: 'Escalation routes were not known.',
      }),
    ]);

    // Every act is in the history, with who sent it.
    const history = (await t.http.get(`/cases/${id}/history`).auth(team.bu, { type: 'bearer' }).expect(200)).body;
    const types = history.map((e: { type: string }) => e.type);
    expect(types.filter((type: string) => type === 'agency-return.requested')).toHaveLength(6);
    expect(types.filter((type: string) => type === 'agency-return.received')).toHaveLength(5);
    expect(history.find((e: { type: string }) => e.type === 'agency-return.chased').payload).toEqual({
      agency: 'probation',
      chasedOn: '2026-03-11',
      note: 'Phoned the probation lead; due Friday.',
    });

    // A return arriving once the rapid review has recommended is no longer recorded here; once the rapid review is
    // sent to the Panel, probation's clock is cancelled and its reminders stop.
    setToday(t, '2026-03-16');
    for (const partner of [team.la, team.police, team.health]) {
      await step(t, partner, id, 'decision.signed-off', { decision: 'agree' });
    }
    const sent = await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-03-16' });
    expect(sent.deadlines.find((d: { subject?: string }) => d.subject === 'probation')).toMatchObject({
      status: 'cancelled',
    });
    expect(
      (await recordOf()).rapidReview.returns.find((r: { agency: string }) => r.agency === 'probation').status,
    ).toBe('cancelled');
  });
});

import { randomUUID } from 'node:crypto';
import { PartnershipsService, UsersService } from '@app/auth';
import { DEFAULT_RELEVANT_AGENCIES } from '@app/workflows';
import { TestApp } from '../support/test-app';
import { INCIDENT, makeTeam, openCase, setToday, step, Team, toAgreedDecision } from '../support/case-helpers';

/** The incident as reported, with every optional field of a child filled in. */
const REPORTED = {
  ...INCIDENT,
  lookedAfter: true,
  children: [
    { ageYears: 4, sex: 'female', ethnicity: 'White British', disability: 'None known' },
    { ageYears: 9, sex: 'male' },
  ],
  summary: 'What happened, without names (test data).',
};

describe('The case record: everything a case holds, read back through GET /cases/:id/record by each role', () => {
  let t: TestApp;
  let team: Team;
  let leadReviewer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    team = await makeTeam(t);
    leadReviewer = (await t.userWithToken(team.admin, { email: 'reviewer@partnership.test', roles: ['lead-reviewer'] }))
      .token;
    for (const who of ['subgroup', 'la', 'police', 'health'] as const) {
      ids[who] = (await t.http.get('/users/me').auth(team[who], { type: 'bearer' }).expect(200)).body.id;
    }
    // Nine users with argon2 hashes: longer than the default 30 s on a busy machine.
  }, 60_000);
  afterAll(() => t.close());

  const read = async (token: string, caseId: string) =>
    (await t.http.get(`/cases/${caseId}/record`).auth(token, { type: 'bearer' }).expect(200)).body;

  async function report(laAwareOn = '2026-01-05'): Promise<string> {
    const res = await t.http
      .post('/cases')
      .auth(team.bu, { type: 'bearer' })
      .send({ ...REPORTED, laAwareOn });
    if (res.status !== 201) throw new Error(`open case: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  /** An LCSPR case from notification to its action plan, with a dispute, a pause and a delayed publication. */
  async function lcsprJourney(): Promise<{ id: string; whilePaused: any; whileDelayPending: any }> {
    setToday(t, '2026-01-06');
    const id = await report();
    setToday(t, '2026-01-07');
    await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-07', panelReference: 'CSPRP-9' });
    await step(t, team.bu, id, 'partners.informed', { informedOn: '2026-01-07' });
    setToday(t, '2026-01-08');
    await step(t, team.subgroup, id, 'agency-return.received', { agency: 'police' });
    await step(t, team.subgroup, id, 'rapid-review.meeting-held', { heldOn: '2026-01-08' });
    await step(t, team.subgroup, id, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'First view.' });
    setToday(t, '2026-01-09');
    await step(t, team.la, id, 'decision.signed-off', { decision: 'agree', comment: 'Agreed.' });
    await step(t, team.police, id, 'decision.signed-off', { decision: 'disagree', comment: 'More facts needed.' });
    await step(t, team.subgroup, id, 'decision.escalated', { note: 'To the lead partners.' });
    setToday(t, '2026-01-12');
    await step(t, team.subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met.',
    });
    for (const partner of [team.la, team.police, team.health]) {
      await step(t, partner, id, 'decision.signed-off', { decision: 'agree' });
    }
    await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-12' });
    setToday(t, '2026-01-20');
    await step(t, team.bu, id, 'panel.responded', {
      response: 'agrees',
      respondedOn: '2026-01-20',
      comment: 'Proceed.',
    });
    await step(t, team.subgroup, id, 'lcspr.reviewer-appointed', { reviewerName: 'A. Reviewer', independent: true });
    setToday(t, '2026-01-22');
    await step(t, team.subgroup, id, 'lcspr.terms-agreed', { agreedOn: '2026-01-21' });
    await step(t, team.subgroup, id, 'lcspr.methodology-agreed', { agreedOn: '2026-01-22' });
    setToday(t, '2026-03-02');
    await step(t, team.subgroup, id, 'lcspr.paused', { reason: 'inquest', detail: 'Inquest listed for May.' });
    const whilePaused = await read(team.bu, id);
    setToday(t, '2026-03-12');
    await step(t, team.subgroup, id, 'lcspr.resumed', { resumedOn: '2026-03-12' });
    setToday(t, '2026-06-01');
    await step(t, team.subgroup, id, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
    setToday(t, '2026-06-03');
    await step(t, team.health, id, 'lcspr.final-report-signed-off', { decision: 'agree', comment: 'Good report.' });
    await step(t, team.la, id, 'lcspr.final-report-signed-off', { decision: 'agree' });
    await step(t, team.police, id, 'lcspr.final-report-signed-off', { decision: 'agree' });
    await step(t, team.bu, id, 'publication.scheduled', { plannedOn: '2026-07-15' });
    setToday(t, '2026-07-01');
    await step(t, team.bu, id, 'publication.delayed', { reason: 'Trial (test).', newPlannedOn: '2026-07-20' });
    const whileDelayPending = await read(team.bu, id);
    setToday(t, '2026-07-03');
    await step(t, team.bu, id, 'publication.panel-informed', { informedOn: '2026-07-02' });
    await step(t, team.bu, id, 'publication.report-sent', { sentOn: '2026-07-03' });
    setToday(t, '2026-07-20');
    await step(t, team.bu, id, 'publication.published', { publishedOn: '2026-07-20', url: 'https://p.test/r/1' });
    await step(t, team.subgroup, id, 'action.added', {
      actionId: 'A-2',
      description: 'Audit of referrals (test).',
      owner: 'Head of service',
      dueOn: '2026-10-01',
    });
    await step(t, team.subgroup, id, 'action.added', {
      actionId: 'A-1',
      description: 'Training (test).',
      owner: 'Training lead',
      dueOn: '2026-09-01',
    });
    setToday(t, '2026-08-03');
    await step(t, team.subgroup, id, 'action.completed', { actionId: 'A-1', completedOn: '2026-08-03' });
    return { id, whilePaused, whileDelayPending };
  }

  it('reads back every field written along an LCSPR journey, to each role that reads the whole record', async () => {
    const { id, whilePaused, whileDelayPending } = await lcsprJourney();
    expect(whilePaused.lcspr.pauses).toEqual([
      { reason: 'inquest', detail: 'Inquest listed for May.', pausedOn: '2026-03-02' },
    ]);
    expect(whilePaused.state).toBe('lcspr.paused');
    expect(whileDelayPending.publication.pending).toEqual({
      kind: 'delay',
      reason: 'Trial (test).',
      newPlannedOn: '2026-07-20',
      decidedOn: '2026-07-01',
    });

    const view = (await t.http.get(`/cases/${id}`).auth(team.bu, { type: 'bearer' }).expect(200)).body;
    const record = await read(team.bu, id);
    const signed = (agency: string, who: string, signedOn: string, extra: object = {}) => ({
      agency,
      decision: 'agree',
      by: who === 'la' ? 'dcs' : who === 'health' ? 'nurse' : who,
      byId: ids[who],
      signedOn,
      ...extra,
    });
    expect(record).toEqual({
      id,
      reference: view.reference,
      stage: 'learning',
      state: 'learning.action-plan',
      version: view.version,
      openedAt: view.openedAt,
      restricted: [],
      incident: {
        incidentOn: '2026-01-03',
        incidentType: 'serious-harm',
        abuseOrNeglect: 'suspected',
        lookedAfter: true,
        children: REPORTED.children,
        summary: REPORTED.summary,
      },
      notification: {
        laAwareOn: '2026-01-05',
        submittedOn: '2026-01-07',
        panelReference: 'CSPRP-9',
        partnersInformedOn: '2026-01-07',
      },
      // Issue 12: the relevant agencies the case took at opening, and the notification's path (item 2)
      relevantAgencies: DEFAULT_RELEVANT_AGENCIES.map(({ key, name }) => ({ key, name })),
      notificationPath: { path: 'serious-incident', nature: 'serious-incident', toSosOfsted: false },
      rapidReview: {
        agencyReturns: [{ agency: 'police', receivedOn: '2026-01-08' }],
        meetingsHeldOn: ['2026-01-08'],
        recommendation: { recommendation: 'lcspr', rationale: 'Criteria met.', recommendedOn: '2026-01-12' },
        submittedOn: ['2026-01-12'],
        // Issue 12 item 1 (machine version 2): a return never asked for, the meeting, and both recommendations
        returns: [{ agency: 'police', status: 'received', receivedOn: '2026-01-08', requests: [], chases: [] }],
        meetings: [{ heldOn: '2026-01-08' }],
        recommendations: [
          { round: 1, recommendation: 'lcspr', rationale: 'First view.', recommendedOn: '2026-01-08', criteria: [] },
          { round: 2, recommendation: 'lcspr', rationale: 'Criteria met.', recommendedOn: '2026-01-12', criteria: [] },
        ],
      },
      decision: {
        signOffAgencies: ['local-authority', 'police', 'health'],
        outcome: 'lcspr',
        decidedOn: '2026-01-12',
        rounds: [
          {
            round: 1,
            openedOn: '2026-01-08',
            recommendation: 'lcspr',
            outcome: 'disputed',
            signOffs: [
              signed('local-authority', 'la', '2026-01-09', { comment: 'Agreed.' }),
              { ...signed('police', 'police', '2026-01-09'), decision: 'disagree', comment: 'More facts needed.' },
            ],
            notSignedBy: ['health'],
            escalations: [
              { note: 'To the lead partners.', escalatedOn: '2026-01-09', byId: ids.subgroup, by: 'subgroup' },
            ],
          },
          {
            round: 2,
            openedOn: '2026-01-12',
            recommendation: 'lcspr',
            outcome: 'agreed',
            signOffs: [
              signed('local-authority', 'la', '2026-01-12'),
              signed('police', 'police', '2026-01-12'),
              signed('health', 'health', '2026-01-12'),
            ],
            notSignedBy: [],
            escalations: [],
          },
        ],
      },
      panelResponse: { responses: [{ response: 'agrees', respondedOn: '2026-01-20', comment: 'Proceed.' }] },
      nationalReview: {},
      lcspr: {
        reviewer: { name: 'A. Reviewer', independent: true },
        termsAgreedOn: '2026-01-21',
        methodologyAgreedOn: '2026-01-22',
        draftsReceivedOn: ['2026-06-01'],
        pauses: [{ reason: 'inquest', pausedOn: '2026-03-02', resumedOn: '2026-03-12' }],
        finalReportRounds: [
          {
            round: 1,
            openedOn: '2026-06-01',
            outcome: 'agreed',
            signOffs: [
              signed('health', 'health', '2026-06-03', { comment: 'Good report.' }),
              signed('local-authority', 'la', '2026-06-03'),
              signed('police', 'police', '2026-06-03'),
            ],
            notSignedBy: [],
            escalations: [],
          },
        ],
        extensions: [],
        progressReviews: [],
        involvement: [],
      },
      publication: {
        plannedOn: '2026-07-20',
        reportSentOn: '2026-07-03',
        publishedOn: '2026-07-20',
        url: 'https://p.test/r/1',
        delays: [
          {
            reason: 'Trial (test).',
            plannedOn: '2026-07-15',
            newPlannedOn: '2026-07-20',
            panelInformedOn: '2026-07-02',
          },
        ],
      },
      learning: {
        actions: [
          {
            id: 'A-1',
            description: 'Training (test).',
            owner: 'Training lead',
            dueOn: '2026-09-01',
            addedOn: '2026-07-20',
            completedOn: '2026-08-03',
            // Issue 12 item 3: the plan as version 2 keeps it
            source: 'lcspr',
            status: 'completed',
            progress: [],
            dueDateChanges: [],
          },
          {
            id: 'A-2',
            description: 'Audit of referrals (test).',
            owner: 'Head of service',
            dueOn: '2026-10-01',
            addedOn: '2026-07-20',
            source: 'lcspr',
            status: 'not-started',
            progress: [],
            dueDateChanges: [],
          },
        ],
      },
      documents: [], // issue 12 item 8
    });
    for (const token of [team.subgroup, team.la, team.police, team.scrutineer]) {
      expect(await read(token, id)).toEqual(record);
    }
  });

  it('gives a lead partner and an admin the rest of the record, without the children or the summary; a lead reviewer not appointed to the case, nothing', async () => {
    setToday(t, '2026-01-06');
    const id = await report();
    await toAgreedDecision(t, team, id);
    const { incident, restricted, ...whole } = await read(team.bu, id);
    expect(restricted).toEqual([]);
    // Issue 12 item 5: a lead reviewer reads only the cases they review (escalations-and-lcspr.e2e-spec.ts).
    await t.http.get(`/cases/${id}/record`).auth(leadReviewer, { type: 'bearer' }).expect(404);
    for (const token of [team.leadPartner, team.admin]) {
      const res = await t.http.get(`/cases/${id}/record`).auth(token, { type: 'bearer' }).expect(200);
      expect(res.body).toEqual({
        ...whole,
        restricted: ['children', 'summary'],
        incident: {
          incidentOn: incident.incidentOn,
          incidentType: incident.incidentType,
          abuseOrNeglect: incident.abuseOrNeglect,
          lookedAfter: incident.lookedAfter,
        },
      });
      expect(res.text).not.toMatch(/What happened|White British|None known|ageYears/);
      // Nor can they read them in the history: it never held them.
      const history = await t.http.get(`/cases/${id}/history`).auth(token, { type: 'bearer' }).expect(200);
      expect(history.text).not.toMatch(/What happened|White British|None known|ageYears/);
    }
  });

  it('reads back a withdrawal, a national review and a withheld publication', async () => {
    setToday(t, '2026-02-02');
    const withdrawn = await openCase(t, team.bu, '2026-02-02');
    setToday(t, '2026-02-03');
    await step(t, team.bu, withdrawn.id, 'notification.withdrawn', { reason: 'Criteria not met (test).' });
    expect((await read(team.scrutineer, withdrawn.id)).notification).toEqual({
      laAwareOn: '2026-02-02',
      withdrawn: { reason: 'Criteria not met (test).', withdrawnOn: '2026-02-03' },
    });

    setToday(t, '2026-01-06');
    const national = await report();
    await toAgreedDecision(t, team, national, 'national-review');
    await step(t, team.bu, national, 'rapid-review.submitted', { submittedOn: '2026-01-20' });
    setToday(t, '2026-01-27');
    await step(t, team.bu, national, 'panel.responded', { response: 'agrees', respondedOn: '2026-01-27' });
    setToday(t, '2026-09-01');
    await step(t, team.bu, national, 'national-review.published', { publishedOn: '2026-09-01' });
    const nationalRecord = await read(team.bu, national);
    expect(nationalRecord.nationalReview).toEqual({ publishedOn: '2026-09-01' });
    expect(nationalRecord.decision).toMatchObject({ outcome: 'national-review', decidedOn: '2026-01-20' });

    setToday(t, '2026-01-06');
    const withheld = await report();
    await toAgreedDecision(t, team, withheld);
    await step(t, team.bu, withheld, 'rapid-review.submitted', { submittedOn: '2026-01-20' });
    setToday(t, '2026-01-27');
    await step(t, team.bu, withheld, 'panel.responded', { response: 'agrees', respondedOn: '2026-01-27' });
    setToday(t, '2026-06-01');
    await step(t, team.subgroup, withheld, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
    for (const partner of [team.la, team.police, team.health]) {
      await step(t, partner, withheld, 'lcspr.final-report-signed-off', { decision: 'agree' });
    }
    await step(t, team.bu, withheld, 'publication.scheduled', { plannedOn: '2026-07-15' });
    setToday(t, '2026-06-10');
    await step(t, team.bu, withheld, 'publication.withheld', { reason: 'Risk to a sibling (test).' });
    setToday(t, '2026-06-11');
    await step(t, team.bu, withheld, 'publication.panel-informed', { informedOn: '2026-06-11' });
    expect((await read(team.leadPartner, withheld)).publication).toEqual({
      plannedOn: '2026-07-15',
      delays: [],
      withheld: { reason: 'Risk to a sibling (test).', decidedOn: '2026-06-10', panelInformedOn: '2026-06-11' },
    });
  });

  it("answers another partnership's user with 404, as it does an unknown or malformed id", async () => {
    setToday(t, '2026-01-06');
    const id = await report();
    // Logins are limited to ten a minute from one address: the other partnership's scrutineer is made directly.
    const { partnership } = await t
      .get(PartnershipsService)
      .createWithAdmin('Elsewhere', { email: 'admin@elsewhere.test', password: 'elsewhere admin pw' });
    const password = 'elsewhere scrutineer pw';
    await t.get(UsersService).create(partnership.id, {
      email: 'scrutineer@elsewhere.test',
      name: 'Scrutineer elsewhere',
      password,
      roles: ['scrutineer'],
    });
    const res = await t.http
      .get(`/cases/${id}/record`)
      .auth(await t.login('scrutineer@elsewhere.test', password), { type: 'bearer' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not-found');
    expect(res.text).not.toContain('What happened');
    for (const other of [randomUUID(), 'not-a-uuid']) {
      expect((await t.http.get(`/cases/${other}/record`).auth(team.bu, { type: 'bearer' })).status).toBe(404);
    }
  });

  it('answers 401 without a token or with a bad one', async () => {
    setToday(t, '2026-01-06');
    const id = await report();
    const none = await t.http.get(`/cases/${id}/record`);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthenticated');
    expect((await t.http.get(`/cases/${id}/record`).auth('not-a-token', { type: 'bearer' })).status).toBe(401);
  });
});

import {
  caseMachineV1,
  caseMachineV2,
  DEFAULT_RELEVANT_AGENCIES,
  dispatch,
  openCase,
  RECORD_VISIBILITY,
  ROLES,
  stageOf,
  stateOf,
  type Actor,
  type CaseEvent,
  type PersistedCaseSnapshot,
  type Role,
} from '@app/workflows';
import type { IncidentDetails } from '../entities/case.entity';
import { recordUserIds, toCaseRecord, type CaseRecordSource } from './case-record';

const people = {
  bu: { id: 'u-bu', name: 'Bea Unit', roles: ['business-unit'] },
  subgroup: { id: 'u-sg', name: 'Sam Group', roles: ['subgroup-member'] },
  la: { id: 'u-la', name: 'Lee Authority', roles: ['delegated-partner'], agency: 'local-authority' },
  police: { id: 'u-po', name: 'Pat Police', roles: ['delegated-partner'], agency: 'police' },
  health: { id: 'u-he', name: 'Hal Health', roles: ['delegated-partner'], agency: 'health' },
} satisfies Record<string, Actor>;
const partners = [people.la, people.police, people.health];

const DETAILS: IncidentDetails = {
  incidentOn: '2026-01-03',
  incidentType: 'serious-harm',
  abuseOrNeglect: 'suspected',
  lookedAfter: true,
  children: [
    { ageYears: 4, sex: 'female', ethnicity: 'White British' },
    { ageYears: 0, sex: 'unknown', disability: 'None known' },
  ],
  summary: 'What happened (test data).',
};

/** A case driven through the real machine, event by event, each on its own day. */
class Journey {
  snapshot: PersistedCaseSnapshot;
  version = 1;

  constructor(private readonly machine: typeof caseMachineV1 | typeof caseMachineV2 = caseMachineV1) {
    this.snapshot = openCase(machine, {
      laAwareOn: '2026-01-05',
      signOffAgencies: ['local-authority', 'police', 'health'],
      ...(machine === caseMachineV1 ? {} : { relevantAgencies: [...DEFAULT_RELEVANT_AGENCIES] }),
    });
  }

  on(today: string, actor: Actor, type: CaseEvent['type'], payload: Record<string, unknown> = {}): this {
    const result = dispatch(this.machine, this.snapshot, { type, ...payload, actor, today } as CaseEvent);
    if (!result.ok) throw new Error(`${type} refused: ${JSON.stringify(result.refusal)}`);
    this.snapshot = result.snapshot;
    this.version++;
    return this;
  }

  row(): CaseRecordSource {
    return {
      id: '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90',
      reference: 'CSPR-2026-0001',
      stage: stageOf(this.snapshot),
      state: stateOf(this.snapshot),
      version: this.version,
      openedAt: new Date('2026-01-05T09:30:00Z'),
      details: DETAILS,
      // Stored as JSON: the record is read from what the database gives back.
      snapshot: JSON.parse(JSON.stringify(this.snapshot)),
    };
  }
}

function submitted(j: Journey): Journey {
  return j.on('2026-01-07', people.bu, 'notification.submitted', { submittedOn: '2026-01-07' });
}

function toPanel(j: Journey): Journey {
  return submitted(j)
    .on('2026-01-14', people.subgroup, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'Met.' })
    .on('2026-01-20', people.la, 'decision.signed-off', { decision: 'agree' })
    .on('2026-01-20', people.police, 'decision.signed-off', { decision: 'agree' })
    .on('2026-01-20', people.health, 'decision.signed-off', { decision: 'agree' })
    .on('2026-01-21', people.bu, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
}

function toPublication(j: Journey): Journey {
  toPanel(j)
    .on('2026-02-02', people.bu, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-02' })
    .on('2026-06-01', people.subgroup, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
  for (const partner of partners) j.on('2026-06-03', partner, 'lcspr.final-report-signed-off', { decision: 'agree' });
  return j.on('2026-06-04', people.bu, 'publication.scheduled', { plannedOn: '2026-07-15' });
}

const bu: Role[] = ['business-unit'];

describe('The case record presenter', () => {
  it('reads back every part of an LCSPR case taken from notification to its action plan', () => {
    const j = new Journey()
      .on('2026-01-07', people.bu, 'notification.submitted', { submittedOn: '2026-01-07', panelReference: 'P-1' })
      .on('2026-01-08', people.bu, 'partners.informed', { informedOn: '2026-01-08' })
      .on('2026-01-09', people.subgroup, 'agency-return.received', { agency: 'police' })
      .on('2026-01-10', people.subgroup, 'agency-return.received', { agency: 'health' })
      .on('2026-01-14', people.subgroup, 'rapid-review.meeting-held', { heldOn: '2026-01-14' })
      .on('2026-01-14', people.subgroup, 'rapid-review.meeting-held', { heldOn: '2026-01-12' })
      .on('2026-01-15', people.subgroup, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'First.' })
      .on('2026-01-16', people.la, 'decision.signed-off', { decision: 'agree', comment: 'Yes.' })
      .on('2026-01-16', people.police, 'decision.signed-off', { decision: 'disagree', comment: 'Not yet.' })
      .on('2026-01-17', people.subgroup, 'decision.escalated', { note: 'To the lead partners.' })
      .on('2026-01-19', people.subgroup, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'Second.' });
    for (const partner of partners) j.on('2026-01-20', partner, 'decision.signed-off', { decision: 'agree' });
    j.on('2026-01-21', people.bu, 'rapid-review.submitted', { submittedOn: '2026-01-21' })
      .on('2026-02-02', people.bu, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-02', comment: 'Go.' })
      .on('2026-02-03', people.subgroup, 'lcspr.reviewer-appointed', { reviewerName: 'A. Reviewer', independent: true })
      .on('2026-02-04', people.subgroup, 'lcspr.terms-agreed', { agreedOn: '2026-02-04' })
      .on('2026-02-05', people.subgroup, 'lcspr.methodology-agreed', { agreedOn: '2026-02-05' })
      .on('2026-03-02', people.subgroup, 'lcspr.paused', { reason: 'inquest', detail: 'Inquest listed.' })
      .on('2026-03-16', people.subgroup, 'lcspr.resumed', { resumedOn: '2026-03-16' })
      .on('2026-05-01', people.subgroup, 'lcspr.draft-received', { receivedOn: '2026-05-01' })
      .on('2026-05-04', people.health, 'lcspr.final-report-signed-off', { decision: 'disagree', comment: 'Redraft.' })
      .on('2026-06-01', people.subgroup, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
    for (const partner of partners) j.on('2026-06-03', partner, 'lcspr.final-report-signed-off', { decision: 'agree' });
    j.on('2026-06-04', people.bu, 'publication.scheduled', { plannedOn: '2026-07-15' })
      .on('2026-06-20', people.bu, 'publication.delayed', { reason: 'Trial.', newPlannedOn: '2026-08-14' })
      .on('2026-06-22', people.bu, 'publication.panel-informed', { informedOn: '2026-06-22' })
      .on('2026-07-01', people.bu, 'publication.report-sent', { sentOn: '2026-07-01' })
      .on('2026-08-14', people.bu, 'publication.published', { publishedOn: '2026-08-14', url: 'https://p.test/r/1' })
      .on('2026-08-20', people.subgroup, 'action.added', {
        actionId: 'A-1',
        description: 'Training.',
        owner: 'Head of service',
        dueOn: '2026-10-01',
      })
      .on('2026-08-21', people.subgroup, 'action.completed', { actionId: 'A-1', completedOn: '2026-08-21' });

    const names = new Map([[people.subgroup.id, people.subgroup.name]]);
    expect(toCaseRecord(j.row(), bu, names)).toStrictEqual({
      id: '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90',
      reference: 'CSPR-2026-0001',
      stage: 'learning',
      state: 'learning.action-plan',
      version: j.version,
      notificationPath: { path: 'serious-incident', toSosOfsted: false },
      openedAt: '2026-01-05T09:30:00.000Z',
      restricted: [],
      relevantAgencies: [],
      incident: DETAILS,
      notification: {
        laAwareOn: '2026-01-05',
        submittedOn: '2026-01-07',
        panelReference: 'P-1',
        partnersInformedOn: '2026-01-08',
      },
      rapidReview: {
        agencyReturns: [
          { agency: 'police', receivedOn: '2026-01-09' },
          { agency: 'health', receivedOn: '2026-01-10' },
        ],
        meetingsHeldOn: ['2026-01-12', '2026-01-14'],
        // Issue 12 item 1: a version-1 case's meetings are their dates; it has no returns or recommendation details
        meetings: [{ heldOn: '2026-01-12' }, { heldOn: '2026-01-14' }],
        returns: [],
        recommendations: [],
        recommendation: { recommendation: 'lcspr', rationale: 'Second.', recommendedOn: '2026-01-19' },
        submittedOn: ['2026-01-21'],
      },
      decision: {
        signOffAgencies: ['local-authority', 'police', 'health'],
        outcome: 'lcspr',
        decidedOn: '2026-01-20',
        rounds: [
          {
            round: 1,
            openedOn: '2026-01-15',
            recommendation: 'lcspr',
            outcome: 'disputed',
            signOffs: [
              {
                agency: 'local-authority',
                decision: 'agree',
                by: 'Lee Authority',
                byId: 'u-la',
                signedOn: '2026-01-16',
                comment: 'Yes.',
              },
              {
                agency: 'police',
                decision: 'disagree',
                by: 'Pat Police',
                byId: 'u-po',
                signedOn: '2026-01-16',
                comment: 'Not yet.',
              },
            ],
            notSignedBy: ['health'],
            escalations: [{ note: 'To the lead partners.', escalatedOn: '2026-01-17', byId: 'u-sg', by: 'Sam Group' }],
          },
          {
            round: 2,
            openedOn: '2026-01-19',
            recommendation: 'lcspr',
            outcome: 'agreed',
            signOffs: partners.map((p) => ({
              agency: p.agency,
              decision: 'agree',
              by: p.name,
              byId: p.id,
              signedOn: '2026-01-20',
            })),
            notSignedBy: [],
            escalations: [],
          },
        ],
      },
      panelResponse: { responses: [{ response: 'agrees', respondedOn: '2026-02-02', comment: 'Go.' }] },
      nationalReview: {},
      lcspr: {
        reviewer: { name: 'A. Reviewer', independent: true },
        termsAgreedOn: '2026-02-04',
        methodologyAgreedOn: '2026-02-05',
        draftsReceivedOn: ['2026-05-01', '2026-06-01'],
        pauses: [{ reason: 'inquest', pausedOn: '2026-03-02', resumedOn: '2026-03-16' }],
        finalReportRounds: [
          {
            round: 1,
            openedOn: '2026-05-01',
            outcome: 'disputed',
            signOffs: [
              {
                agency: 'health',
                decision: 'disagree',
                by: 'Hal Health',
                byId: 'u-he',
                signedOn: '2026-05-04',
                comment: 'Redraft.',
              },
            ],
            notSignedBy: ['local-authority', 'police'],
            escalations: [],
          },
          {
            round: 2,
            openedOn: '2026-06-01',
            outcome: 'agreed',
            signOffs: partners.map((p) => ({
              agency: p.agency,
              decision: 'agree',
              by: p.name,
              byId: p.id,
              signedOn: '2026-06-03',
            })),
            notSignedBy: [],
            escalations: [],
          },
        ],
        extensions: [],
        progressReviews: [],
        involvement: [],
      },
      publication: {
        plannedOn: '2026-08-14',
        reportSentOn: '2026-07-01',
        publishedOn: '2026-08-14',
        url: 'https://p.test/r/1',
        delays: [
          { reason: 'Trial.', plannedOn: '2026-07-15', newPlannedOn: '2026-08-14', panelInformedOn: '2026-06-22' },
        ],
      },
      learning: {
        actions: [
          {
            id: 'A-1',
            description: 'Training.',
            owner: 'Head of service',
            dueOn: '2026-10-01',
            addedOn: '2026-08-20',
            completedOn: '2026-08-21',
            status: 'completed',
            progress: [],
            dueDateChanges: [],
          },
        ],
      },
      documents: [],
    });
  });

  it('gives a new case only what was written: absent fields, empty lists, never null', () => {
    const record = toCaseRecord(new Journey().row(), bu);
    expect(record).toMatchObject({
      stage: 'notification',
      notification: { laAwareOn: '2026-01-05' },
      rapidReview: { agencyReturns: [], meetingsHeldOn: [], submittedOn: [] },
      decision: { signOffAgencies: ['local-authority', 'police', 'health'], rounds: [] },
      panelResponse: { responses: [] },
      nationalReview: {},
      lcspr: { draftsReceivedOn: [], pauses: [], finalReportRounds: [] },
      publication: { delays: [] },
      learning: { actions: [] },
      documents: [],
    });
    expect(Object.keys(record.notification)).toEqual(['laAwareOn']);
    expect(Object.keys(record.decision)).toEqual(['signOffAgencies', 'rounds']);
    expect(JSON.stringify(record)).not.toContain('null');
  });

  it('shows an open sign-off round with the agencies still awaited', () => {
    const j = toPanel(new Journey()).row();
    const open = submitted(new Journey())
      .on('2026-01-14', people.subgroup, 'rapid-review.recommended', { recommendation: 'no-lcspr', rationale: 'No.' })
      .on('2026-01-15', people.police, 'decision.signed-off', { decision: 'agree' });
    const round = toCaseRecord(open.row(), bu).decision.rounds[0];
    expect(round).toMatchObject({ recommendation: 'no-lcspr', notSignedBy: ['local-authority', 'health'] });
    expect(round.outcome).toBeUndefined();
    expect(toCaseRecord(j, bu).decision.rounds[0].notSignedBy).toEqual([]);
  });

  it("shows the current pause with its detail, and a withdrawal's reason and date", () => {
    const paused = toPanel(new Journey())
      .on('2026-02-02', people.bu, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-02' })
      .on('2026-03-02', people.subgroup, 'lcspr.paused', { reason: 'other', detail: 'First.' })
      .on('2026-03-09', people.subgroup, 'lcspr.resumed', { resumedOn: '2026-03-09' })
      .on('2026-04-01', people.subgroup, 'lcspr.paused', { reason: 'criminal-proceedings', detail: 'Trial set.' });
    expect(toCaseRecord(paused.row(), bu).lcspr.pauses).toStrictEqual([
      { reason: 'other', pausedOn: '2026-03-02', resumedOn: '2026-03-09' },
      { reason: 'criminal-proceedings', detail: 'Trial set.', pausedOn: '2026-04-01' },
    ]);

    const withdrawn = new Journey().on('2026-01-06', people.bu, 'notification.withdrawn', { reason: 'Not met.' });
    expect(toCaseRecord(withdrawn.row(), bu).notification).toStrictEqual({
      laAwareOn: '2026-01-05',
      withdrawn: { reason: 'Not met.', withdrawnOn: '2026-01-06' },
    });
  });

  it('shows a national review, a publication change awaiting the Panel, and a withholding once the Panel is told', () => {
    const national = toPanel(new Journey())
      .on('2026-02-02', people.bu, 'panel.responded', { response: 'national-review', respondedOn: '2026-02-02' })
      .on('2026-09-01', people.bu, 'national-review.published', { publishedOn: '2026-09-01' });
    const record = toCaseRecord(national.row(), bu);
    expect(record.nationalReview).toStrictEqual({ publishedOn: '2026-09-01' });
    expect(record.panelResponse.responses).toStrictEqual([{ response: 'national-review', respondedOn: '2026-02-02' }]);

    const withholding = toPublication(new Journey()).on('2026-06-10', people.bu, 'publication.withheld', {
      reason: 'Risk to a sibling.',
    });
    expect(toCaseRecord(withholding.row(), bu).publication).toStrictEqual({
      plannedOn: '2026-07-15',
      pending: { kind: 'withhold', reason: 'Risk to a sibling.', decidedOn: '2026-06-10' },
      delays: [],
    });
    withholding.on('2026-06-11', people.bu, 'publication.panel-informed', { informedOn: '2026-06-11' });
    expect(toCaseRecord(withholding.row(), bu).publication).toStrictEqual({
      plannedOn: '2026-07-15',
      delays: [],
      withheld: { reason: 'Risk to a sibling.', decidedOn: '2026-06-10', panelInformedOn: '2026-06-11' },
    });

    const delaying = toPublication(new Journey()).on('2026-06-10', people.bu, 'publication.delayed', {
      reason: 'Trial.',
      newPlannedOn: '2026-09-01',
    });
    expect(toCaseRecord(delaying.row(), bu).publication.pending).toStrictEqual({
      kind: 'delay',
      reason: 'Trial.',
      newPlannedOn: '2026-09-01',
      decidedOn: '2026-06-10',
    });
  });

  it('lists the action plan in the order the actions were added, ids compared as numbers within a day', () => {
    const j = toPublication(new Journey())
      .on('2026-06-05', people.bu, 'publication.report-sent', { sentOn: '2026-06-05' })
      .on('2026-07-15', people.bu, 'publication.published', { publishedOn: '2026-07-15', url: 'https://p.test/r/2' });
    const add = (today: string, actionId: string) =>
      j.on(today, people.subgroup, 'action.added', { actionId, description: 'd', owner: 'o', dueOn: '2026-12-01' });
    add('2026-06-09', 'A-10');
    add('2026-06-08', 'Z');
    add('2026-06-09', 'A-2');
    j.on('2026-06-10', people.subgroup, 'action.completed', { actionId: 'A-2', completedOn: '2026-06-10' });
    const actions = toCaseRecord(j.row(), bu).learning.actions;
    expect(actions.map((a) => a.id)).toEqual(['Z', 'A-2', 'A-10']);
    expect(actions[1]).toStrictEqual({
      id: 'A-2',
      description: 'd',
      owner: 'o',
      dueOn: '2026-12-01',
      addedOn: '2026-06-09',
      completedOn: '2026-06-10',
      status: 'completed',
      progress: [],
      dueDateChanges: [],
    });
    expect(actions[0].status).toBe('not-started');
  });

  it('keeps the action plan of version 2: owner, lead, source, progress, a moved date, a cancellation, the escalation', () => {
    const j = submitted(new Journey(caseMachineV2))
      .on('2026-01-08', people.subgroup, 'action.added', {
        actionId: 'A-1',
        description: 'Review the referral route',
        owner: 'Public protection unit',
        dueOn: '2026-01-16',
        owningAgency: 'police',
        lead: 'DCI Public Protection',
      })
      .on('2026-01-08', people.subgroup, 'action.added', {
        actionId: 'A-2',
        description: 'Brief the schools',
        owner: 'Education safeguarding',
        dueOn: '2026-02-27',
        owningAgency: 'education',
        source: 'scrutiny',
      })
      .on('2026-01-12', people.bu, 'action.progress-updated', {
        actionId: 'A-1',
        updatedOn: '2026-01-12',
        status: 'on-track',
        note: 'Draft route written.',
      })
      .on('2026-01-14', people.bu, 'action.progress-updated', {
        actionId: 'A-1',
        updatedOn: '2026-01-14',
        status: 'at-risk',
        note: 'Waiting for sign-off.',
      })
      .on('2026-01-15', people.subgroup, 'action.due-date-changed', {
        actionId: 'A-2',
        dueOn: '2026-03-13',
        reason: 'Half term.',
      })
      .on('2026-01-16', people.subgroup, 'action.cancelled', { actionId: 'A-2', reason: 'Done by the LA instead.' });
    const [a1, a2] = toCaseRecord(j.row(), bu, new Map(), { actionsEscalatedOn: new Map([['A-1', '2026-01-20']]) })
      .learning.actions;
    expect(a1).toStrictEqual({
      id: 'A-1',
      description: 'Review the referral route',
      owner: 'Public protection unit',
      dueOn: '2026-01-16',
      addedOn: '2026-01-08',
      owningAgency: 'police',
      lead: 'DCI Public Protection',
      source: 'rapid-review',
      status: 'at-risk',
      progress: [
        { updatedOn: '2026-01-12', status: 'on-track', note: 'Draft route written.' },
        { updatedOn: '2026-01-14', status: 'at-risk', note: 'Waiting for sign-off.' },
      ],
      dueDateChanges: [],
      escalatedOn: '2026-01-20',
    });
    expect(a2).toMatchObject({
      id: 'A-2',
      dueOn: '2026-03-13',
      owningAgency: 'education',
      source: 'scrutiny',
      status: 'cancelled',
      dueDateChanges: [{ from: '2026-02-27', to: '2026-03-13', reason: 'Half term.', changedOn: '2026-01-15' }],
      cancelled: { reason: 'Done by the LA instead.', cancelledOn: '2026-01-16' },
    });
    expect(a2.escalatedOn).toBeUndefined();
  });

  it('lists the documents linked, in the order linked, an unlinked one with its reason', () => {
    const j = submitted(new Journey(caseMachineV2))
      .on('2026-01-08', people.bu, 'document.linked', {
        documentId: 'D-1',
        title: 'Police return',
        kind: 'agency-return',
        url: 'https://docs.p.test/1',
      })
      .on('2026-01-09', people.bu, 'document.linked', {
        documentId: 'D-2',
        title: 'Minutes of the rapid review meeting',
        kind: 'minutes',
        url: 'https://docs.p.test/2',
      })
      .on('2026-01-10', people.subgroup, 'document.unlinked', { documentId: 'D-1', reason: 'Wrong case.' });
    expect(toCaseRecord(j.row(), bu).documents).toStrictEqual([
      {
        id: 'D-1',
        title: 'Police return',
        kind: 'agency-return',
        url: 'https://docs.p.test/1',
        linkedOn: '2026-01-08',
        unlinked: { reason: 'Wrong case.', unlinkedOn: '2026-01-10' },
      },
      {
        id: 'D-2',
        title: 'Minutes of the rapid review meeting',
        kind: 'minutes',
        url: 'https://docs.p.test/2',
        linkedOn: '2026-01-09',
      },
    ]);
  });

  it("names an escalation's sender when known, and keeps the id when not", () => {
    const j = submitted(new Journey())
      .on('2026-01-14', people.subgroup, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'x' })
      .on('2026-01-15', people.la, 'decision.signed-off', { decision: 'disagree' })
      .on('2026-01-16', people.bu, 'decision.escalated', { note: 'Up.' });
    expect(recordUserIds(j.row().snapshot.context)).toEqual(['u-bu']);
    expect(toCaseRecord(j.row(), bu).decision.rounds[0].escalations).toStrictEqual([
      { note: 'Up.', escalatedOn: '2026-01-16', byId: 'u-bu' },
    ]);
  });
});

describe('Who reads the children and the summary (RECORD_VISIBILITY)', () => {
  const row = new Journey().row();

  it('decides every role', () => {
    expect(Object.keys(RECORD_VISIBILITY).sort()).toEqual([...ROLES].sort());
  });

  it.each<Role>(['business-unit', 'subgroup-member', 'delegated-partner', 'scrutineer'])(
    'gives the %s role the children and the summary',
    (role) => {
      const record = toCaseRecord(row, [role]);
      expect(record.restricted).toEqual([]);
      expect(record.incident).toStrictEqual(DETAILS);
    },
  );

  it.each<Role>(['lead-partner', 'lead-reviewer', 'admin'])(
    'gives the %s role the rest of the record without the children or the summary, and says they are withheld',
    (role) => {
      const record = toCaseRecord(row, [role]);
      expect(record.restricted).toEqual(['children', 'summary']);
      expect(record.incident).toStrictEqual({
        incidentOn: '2026-01-03',
        incidentType: 'serious-harm',
        abuseOrNeglect: 'suspected',
        lookedAfter: true,
      });
      expect(JSON.stringify(record)).not.toMatch(/White British|None known|What happened/);
      const { restricted: _r, incident: _i, ...rest } = record;
      const { restricted: _r2, incident: _i2, ...full } = toCaseRecord(row, bu);
      expect(rest).toStrictEqual(full);
    },
  );

  it('gives a person with several roles what any of their roles reads, and one with none nothing restricted', () => {
    expect(toCaseRecord(row, ['lead-partner', 'scrutineer']).restricted).toEqual([]);
    expect(toCaseRecord(row, []).restricted).toEqual(['children', 'summary']);
  });
});

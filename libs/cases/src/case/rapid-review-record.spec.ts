/** Issue 12 item 1: the rapid review's returns, meetings and recommendations in the record of a version-2 case. */
import {
  caseMachineV2,
  DEFAULT_RELEVANT_AGENCIES,
  dispatch,
  openCase,
  type CaseEvent,
  type PersistedCaseSnapshot,
} from '@app/workflows';
import { toCaseRecord } from './case-record';

const bu = { id: 'u-bu', name: 'Bo Unit', roles: ['business-unit'] } as const;

function play(...events: [string, Record<string, unknown>, string][]): PersistedCaseSnapshot {
  let snapshot = openCase(caseMachineV2, {
    laAwareOn: '2026-01-05',
    signOffAgencies: ['local-authority', 'police', 'health'],
    relevantAgencies: [...DEFAULT_RELEVANT_AGENCIES],
  });
  for (const [type, payload, today] of events) {
    const result = dispatch(caseMachineV2, snapshot, { type, ...payload, actor: bu, today } as unknown as CaseEvent);
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    snapshot = result.snapshot;
  }
  return snapshot;
}

const row = (snapshot: PersistedCaseSnapshot) => ({
  id: 'c1',
  reference: 'CSPR-2026-0001',
  stage: 'rapid-review',
  state: 'rapid-review.gathering',
  version: 1,
  openedAt: new Date('2026-01-05T10:00:00Z'),
  details: {
    incidentOn: '2026-01-03',
    incidentType: 'death' as const,
    abuseOrNeglect: 'known' as const,
    lookedAfter: false,
    children: [],
    summary: 's',
  },
  snapshot,
});

describe('the rapid review in the record of a version-2 case', () => {
  const snapshot = play(
    ['agency-return.requested', { agency: 'police', requestedOn: '2026-01-06' }, '2026-01-06'],
    ['agency-return.requested', { agency: 'education', requestedOn: '2026-01-06', dueOn: '2026-01-20' }, '2026-01-06'],
    ['agency-return.requested', { agency: 'housing', requestedOn: '2026-01-06' }, '2026-01-06'],
    ['agency-return.requested', { agency: 'probation', requestedOn: '2026-01-06' }, '2026-01-06'],
    ['notification.submitted', { submittedOn: '2026-01-07' }, '2026-01-07'],
    ['agency-return.received', { agency: 'police', receivedOn: '2026-01-12' }, '2026-01-13'],
    ['agency-return.received', { agency: 'housing', nilReturn: true }, '2026-01-15'],
    ['agency-return.chased', { agency: 'probation', chasedOn: '2026-01-14', note: 'Phoned' }, '2026-01-14'],
    ['rapid-review.meeting-held', { heldOn: '2026-01-15', agenciesPresent: ['police'], quorate: true }, '2026-01-15'],
    [
      'rapid-review.recommended',
      { recommendation: 'lcspr', rationale: 'r', recurrentThemes: true, recurrentThemesReasons: 'Neglect again' },
      '2026-01-16',
    ],
  );
  // The case's deadlines on 16 January as CaseView would give them.
  const deadlines = [
    { rule: 'agency-return', subject: 'police', dueOn: '2026-01-13', status: 'met' },
    { rule: 'agency-return', subject: 'education', dueOn: '2026-01-20', status: 'open' },
    { rule: 'agency-return', subject: 'housing', dueOn: '2026-01-13', status: 'late' },
    { rule: 'agency-return', subject: 'probation', dueOn: '2026-01-13', status: 'overdue' },
  ];
  const record = toCaseRecord(row(snapshot), ['business-unit'], new Map(), { deadlines });

  it('lists each return with when it was asked, due and received, and its status', () => {
    expect(record.rapidReview.returns).toEqual([
      {
        agency: 'police',
        status: 'received',
        requestedOn: '2026-01-06',
        dueOn: '2026-01-13',
        receivedOn: '2026-01-12',
        requests: [{ requestedOn: '2026-01-06' }],
        chases: [],
      },
      {
        agency: 'education',
        status: 'outstanding',
        requestedOn: '2026-01-06',
        dueOn: '2026-01-20',
        requests: [{ requestedOn: '2026-01-06', agreedDueOn: '2026-01-20' }],
        chases: [],
      },
      {
        agency: 'housing',
        status: 'nil-return',
        requestedOn: '2026-01-06',
        dueOn: '2026-01-13',
        receivedOn: '2026-01-15',
        receivedLate: true,
        requests: [{ requestedOn: '2026-01-06' }],
        chases: [],
      },
      {
        agency: 'probation',
        status: 'overdue',
        requestedOn: '2026-01-06',
        dueOn: '2026-01-13',
        requests: [{ requestedOn: '2026-01-06' }],
        chases: [{ chasedOn: '2026-01-14', note: 'Phoned' }],
      },
    ]);
    // Version 1's list of returns received carries on.
    expect(record.rapidReview.agencyReturns).toEqual([
      { agency: 'police', receivedOn: '2026-01-12' },
      { agency: 'housing', receivedOn: '2026-01-15' },
    ]);
  });

  it('keeps the meeting’s agencies present and quorum, and the recommendation’s criteria', () => {
    expect(record.rapidReview.meetingsHeldOn).toEqual(['2026-01-15']);
    expect(record.rapidReview.meetings).toEqual([{ heldOn: '2026-01-15', agenciesPresent: ['police'], quorate: true }]);
    expect(record.rapidReview.recommendations).toEqual([
      {
        round: 1,
        recommendation: 'lcspr',
        rationale: 'r',
        recommendedOn: '2026-01-16',
        criteria: [{ criterion: 'recurrent-themes', applies: true, reasons: 'Neglect again' }],
      },
    ]);
  });
});

/**
 * The reports' acceptance dataset (issue 13): cases of financial year 2025-26 (1 April 2025 to 31 March 2026), one of
 * 2024-25 still under review in 2025-26, one of 2026-27 and one of another partnership, built through the HTTP API
 * only: `POST /cases/import` replays each case's history on the days its acts happened, and live events (the lead
 * partners resolving an escalation, the service escalating an overdue action) are recorded with the service's clock
 * set to their day. It returns the cases' ids and references and nothing computed: what every figure should be is
 * worked out by hand in `test/e2e/reports.e2e-spec.ts`, from the dates written here.
 */
import { ReminderReconciler } from '@app/reminders';
import type { Team } from './case-helpers';
import { setToday, step } from './case-helpers';
import { addMember, createPartnership } from './partnerships';
import { setNow } from './reminder-helpers';
import type { TestApp } from './test-app';
import { until } from './wait';

/** The day the reports are read on: 2025-26 is over, 2026-27 is in its third quarter. */
export const REPORT_TODAY = '2026-11-29';

export const DATASET_CASES = [
  'previousYear',
  'easter',
  'challenged',
  'boundary',
  'withheld',
  'escalatedAction',
  'lookedAfterDeath',
  'nationalReview',
  'careLeaver',
  'withdrawn',
  'nextYear',
] as const;
export type DatasetCase = (typeof DATASET_CASES)[number];

export interface DatasetCaseRef {
  id: string;
  reference: string;
}

export interface ReportDataset {
  cases: Record<DatasetCase, DatasetCaseRef>;
  /** A case of another partnership, in 2025-26: never in this partnership's reports. */
  otherPartnershipCase: DatasetCaseRef;
  /** The other partnership's business unit (its own reports hold its one case). */
  otherBusinessUnit: string;
}

type HistoryItem = Record<string, unknown> & { type: string };

const SUMMARY = 'Summary of the incident (test data).';
const AGENCIES = ['local-authority', 'police', 'health'] as const;

/** The three delegated partners' agreement, as the partnership's records say it was given (on their behalf). */
const signOffs = (type: 'decision.signed-off' | 'lcspr.final-report-signed-off', occurredOn: string): HistoryItem[] =>
  AGENCIES.map((agency) => ({ type, decision: 'agree', occurredOn, onBehalfOf: agency }));

/** A notification, a rapid review and an agreed decision sent to the Panel: the common start of a case. */
function toPanel(dates: {
  submittedOn: string;
  meetingOn: string;
  recommendation: 'lcspr' | 'no-lcspr' | 'national-review';
  signedOn: string;
  rapidReviewOn: string;
}): HistoryItem[] {
  return [
    { type: 'notification.submitted', submittedOn: dates.submittedOn },
    { type: 'partners.informed', informedOn: dates.submittedOn },
    { type: 'rapid-review.meeting-held', heldOn: dates.meetingOn },
    {
      type: 'rapid-review.recommended',
      recommendation: dates.recommendation,
      rationale: 'Test rationale.',
      occurredOn: dates.meetingOn,
    },
    ...signOffs('decision.signed-off', dates.signedOn),
    { type: 'rapid-review.submitted', submittedOn: dates.rapidReviewOn },
  ];
}

async function importCase(
  t: TestApp,
  token: string,
  opening: Record<string, unknown>,
  history: HistoryItem[],
): Promise<DatasetCaseRef> {
  const res = await t.http
    .post('/cases/import')
    .auth(token, { type: 'bearer' })
    .send({ summary: SUMMARY, lookedAfter: false, ...opening, history });
  if (res.status !== 201) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, reference: res.body.reference };
}

async function historyOf(t: TestApp, token: string, caseId: string): Promise<{ type: string }[]> {
  const res = await t.http.get(`/cases/${caseId}/history`).auth(token, { type: 'bearer' });
  if (res.status !== 200) throw new Error(`history: ${res.status}`);
  return res.body;
}

/**
 * The case whose overdue action the service escalates: imported on Tuesday 4 November 2025, the day its action A-1
 * (due Friday 31 October) is two working days overdue, when the escalation to the delegated partners is due; the
 * reminder worker sends it and records `action.escalated`. A-1 is then completed on 20 November and the case closed.
 */
async function escalatedActionCase(t: TestApp, team: Team): Promise<DatasetCaseRef> {
  setNow(t, '2025-11-04T10:00:00Z');
  const ref = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2025-07-07',
      incidentOn: '2025-07-05',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'suspected',
      children: [{ ageYears: 7, sex: 'female', ethnicity: 'WBRI', disability: 'not-disabled' }],
      harmCategories: ['neglect', 'sexual-abuse'],
      contributingFactors: ['child-sexual-exploitation', 'online-harm'],
    },
    [
      ...toPanel({
        submittedOn: '2025-07-09',
        meetingOn: '2025-07-17',
        recommendation: 'no-lcspr',
        signedOn: '2025-07-23',
        rapidReviewOn: '2025-07-25',
      }),
      { type: 'panel.responded', response: 'agrees', respondedOn: '2025-08-12' },
      {
        type: 'action.added',
        actionId: 'A-1',
        description: 'Review the online safety training (test).',
        owner: 'Police',
        owningAgency: 'police',
        dueOn: '2025-10-31',
        occurredOn: '2025-08-12',
      },
    ],
  );
  await t.get(ReminderReconciler).run();
  await until(
    async () => (await historyOf(t, team.bu, ref.id)).some((event) => event.type === 'action.escalated'),
    20_000,
    'the overdue action A-1 to be escalated',
  );
  setToday(t, '2025-11-20');
  await step(t, team.subgroup, ref.id, 'action.completed', { actionId: 'A-1', completedOn: '2025-11-20' });
  await step(t, team.subgroup, ref.id, 'case.closed');
  return ref;
}

/**
 * The case recorded as it went, event by event on its day: the Panel challenged a decision not to hold an LCSPR, the
 * partners disagreed on the new recommendation, the lead partners resolved it (an LCSPR), the rapid review went to
 * the Panel again, and the report's publication was delayed. The history up to the escalation is imported.
 */
async function challengedCase(t: TestApp, team: Team): Promise<DatasetCaseRef> {
  const ref = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2025-05-23',
      incidentOn: '2025-05-22',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'known',
      children: [{ ageYears: 14, sex: 'female', ethnicity: 'BCRB', disability: 'disabled' }],
      harmCategories: ['neglect', 'emotional-abuse'],
      contributingFactors: ['child-mental-health', 'online-harm'],
    },
    [
      ...toPanel({
        submittedOn: '2025-06-03',
        meetingOn: '2025-06-12',
        recommendation: 'no-lcspr',
        signedOn: '2025-06-18',
        rapidReviewOn: '2025-06-19',
      }),
      {
        type: 'panel.responded',
        response: 'challenges',
        respondedOn: '2025-07-10',
        comment: 'The Panel asks the partners to reconsider (test).',
      },
      {
        type: 'rapid-review.recommended',
        recommendation: 'lcspr',
        rationale: 'Reconsidered after the Panel’s challenge (test).',
        occurredOn: '2025-07-15',
      },
      { type: 'decision.signed-off', decision: 'agree', occurredOn: '2025-07-21', onBehalfOf: 'local-authority' },
      { type: 'decision.signed-off', decision: 'disagree', occurredOn: '2025-07-21', onBehalfOf: 'police' },
      { type: 'decision.escalated', note: 'The partners disagree (test).', occurredOn: '2025-07-22' },
    ],
  );
  const on = async (date: string, token: string, type: string, payload: Record<string, unknown> = {}) => {
    setToday(t, date);
    await step(t, token, ref.id, type, payload);
  };
  await on('2025-07-30', team.leadPartner, 'escalation.resolved', { outcome: 'lcspr', resolvedOn: '2025-07-30' });
  await on('2025-07-31', team.bu, 'rapid-review.submitted', { submittedOn: '2025-07-31' });
  await on('2025-08-20', team.bu, 'panel.responded', { response: 'agrees', respondedOn: '2025-08-20' });
  await on('2025-09-01', team.subgroup, 'lcspr.reviewer-appointed', { reviewerName: 'B. Reviewer', independent: true });
  await on('2026-01-12', team.subgroup, 'lcspr.draft-received', { receivedOn: '2026-01-12' });
  await on('2026-01-20', team.la, 'lcspr.final-report-signed-off', { decision: 'agree' });
  await on('2026-01-20', team.police, 'lcspr.final-report-signed-off', { decision: 'agree' });
  await on('2026-01-20', team.health, 'lcspr.final-report-signed-off', { decision: 'agree' });
  await on('2026-01-26', team.bu, 'publication.scheduled', { plannedOn: '2026-03-02' });
  await on('2026-02-16', team.bu, 'publication.delayed', {
    reason: 'Awaiting the end of the criminal trial (test).',
    newPlannedOn: '2026-04-20',
  });
  await on('2026-02-18', team.bu, 'publication.panel-informed', { informedOn: '2026-02-18' });
  await on('2026-04-01', team.bu, 'publication.report-sent', { sentOn: '2026-04-01' });
  await on('2026-04-20', team.bu, 'publication.published', {
    publishedOn: '2026-04-20',
    url: 'https://partnership.test/reports/challenged',
  });
  return ref;
}

/** Builds the dataset; the service's clock is left on {@link REPORT_TODAY}. */
export async function buildReportDataset(t: TestApp, team: Team): Promise<ReportDataset> {
  const escalatedAction = await escalatedActionCase(t, team);

  setToday(t, REPORT_TODAY);
  const previousYear = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2024-10-07',
      incidentOn: '2024-10-05',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'known',
      children: [{ ageYears: 2, sex: 'male', ethnicity: 'WBRI', disability: 'not-disabled' }],
      harmCategories: ['physical-abuse'],
      contributingFactors: ['domestic-abuse'],
    },
    [
      ...toPanel({
        submittedOn: '2024-10-09',
        meetingOn: '2024-10-21',
        recommendation: 'lcspr',
        signedOn: '2024-10-23',
        rapidReviewOn: '2024-10-25',
      }),
      { type: 'panel.responded', response: 'agrees', respondedOn: '2024-11-15' },
      { type: 'lcspr.reviewer-appointed', reviewerName: 'P. Reviewer', independent: true, occurredOn: '2024-12-02' },
      { type: 'lcspr.terms-agreed', agreedOn: '2024-12-16' },
      { type: 'lcspr.paused', reason: 'inquest', detail: 'Inquest listed (test).', occurredOn: '2025-01-06' },
      { type: 'lcspr.resumed', resumedOn: '2025-03-10' },
      { type: 'lcspr.draft-received', receivedOn: '2025-04-28' },
      ...signOffs('lcspr.final-report-signed-off', '2025-05-20'),
      { type: 'publication.scheduled', plannedOn: '2025-06-20', occurredOn: '2025-05-22' },
      { type: 'publication.report-sent', sentOn: '2025-06-05' },
      { type: 'publication.published', publishedOn: '2025-06-20', url: 'https://partnership.test/reports/p' },
      {
        type: 'action.added',
        actionId: 'A-1',
        description: 'Refresh the multi-agency training (test).',
        owner: 'Local authority',
        dueOn: '2025-09-30',
        occurredOn: '2025-06-30',
      },
      {
        type: 'action.added',
        actionId: 'A-2',
        description: 'Audit the referral pathway (test).',
        owner: 'Health',
        dueOn: '2025-12-19',
        occurredOn: '2025-06-30',
      },
      { type: 'action.completed', actionId: 'A-1', completedOn: '2025-09-15' },
      { type: 'action.completed', actionId: 'A-2', completedOn: '2026-01-09' },
    ],
  );

  const easter = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2025-04-16',
      incidentOn: '2025-04-15',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'suspected',
      children: [
        { ageYears: 0, sex: 'female', ethnicity: 'WBRI', disability: 'not-disabled' },
        { ageYears: 0, sex: 'female', ethnicity: 'WBRI', disability: 'not-disabled' },
      ],
      harmCategories: ['neglect'],
      contributingFactors: ['unsafe-sleep', 'parental-substance-misuse'],
    },
    [
      ...toPanel({
        submittedOn: '2025-04-24',
        meetingOn: '2025-05-06',
        recommendation: 'lcspr',
        signedOn: '2025-05-08',
        rapidReviewOn: '2025-05-12',
      }),
      { type: 'panel.responded', response: 'agrees', respondedOn: '2025-05-27' },
      { type: 'lcspr.reviewer-appointed', reviewerName: 'A. Reviewer', independent: true, occurredOn: '2025-06-10' },
      { type: 'lcspr.terms-agreed', agreedOn: '2025-06-20' },
      {
        type: 'lcspr.paused',
        reason: 'criminal-proceedings',
        detail: 'Trial listed (test).',
        occurredOn: '2025-06-27',
      },
      {
        type: 'action.added',
        actionId: 'A-1',
        description: 'Share the safe sleep guidance (test).',
        owner: 'Health',
        dueOn: '2025-09-19',
        occurredOn: '2025-07-01',
      },
      { type: 'action.completed', actionId: 'A-1', completedOn: '2025-10-03' },
      { type: 'lcspr.resumed', resumedOn: '2025-10-06' },
      {
        type: 'lcspr.extended',
        reason: 'The trial moved the review’s timetable (test).',
        newCompletionOn: '2026-05-29',
        occurredOn: '2026-01-15',
      },
      { type: 'lcspr.extension-notified', informedOn: '2026-01-16' },
      { type: 'lcspr.draft-received', receivedOn: '2026-05-11' },
      ...signOffs('lcspr.final-report-signed-off', '2026-05-20'),
    ],
  );

  const challenged = await challengedCase(t, team);
  setToday(t, REPORT_TODAY);

  const boundary = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2025-09-22',
      incidentOn: '2025-09-20',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'suspected',
      children: [{ ageYears: 3, sex: 'male', ethnicity: 'MWBC', disability: 'disability-not-known' }],
      harmCategories: ['neglect', 'physical-abuse'],
      contributingFactors: ['domestic-abuse', 'parental-mental-health'],
    },
    [
      ...toPanel({
        submittedOn: '2025-09-26',
        meetingOn: '2025-10-02',
        recommendation: 'lcspr',
        signedOn: '2025-10-08',
        rapidReviewOn: '2025-10-10',
      }),
      { type: 'panel.responded', response: 'agrees', respondedOn: '2025-10-24' },
      { type: 'lcspr.reviewer-appointed', reviewerName: 'C. Reviewer', independent: true, occurredOn: '2025-11-03' },
      { type: 'lcspr.draft-received', receivedOn: '2026-02-16' },
      ...signOffs('lcspr.final-report-signed-off', '2026-02-25'),
      { type: 'publication.scheduled', plannedOn: '2026-03-27', occurredOn: '2026-02-27' },
      { type: 'publication.report-sent', sentOn: '2026-03-13' },
      { type: 'publication.published', publishedOn: '2026-03-27', url: 'https://partnership.test/reports/c' },
      {
        type: 'action.added',
        actionId: 'A-1',
        description: 'Brief the health visitors (test).',
        owner: 'Health',
        dueOn: '2026-03-30',
        occurredOn: '2026-03-27',
      },
      { type: 'action.completed', actionId: 'A-1', completedOn: '2026-04-14' },
    ],
  );

  const withheld = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2025-07-14',
      incidentOn: '2025-07-12',
      incidentType: 'death',
      abuseOrNeglect: 'known',
      children: [{ ageYears: 16, sex: 'male', ethnicity: 'AIND', disability: 'not-disabled' }],
      harmCategories: ['neglect'],
      contributingFactors: ['child-criminal-exploitation', 'extra-familial-harm'],
    },
    [
      ...toPanel({
        submittedOn: '2025-07-16',
        meetingOn: '2025-07-24',
        recommendation: 'lcspr',
        signedOn: '2025-07-29',
        rapidReviewOn: '2025-08-01',
      }),
      { type: 'panel.responded', response: 'agrees', respondedOn: '2025-08-15' },
      { type: 'lcspr.reviewer-appointed', reviewerName: 'D. Reviewer', independent: true, occurredOn: '2025-08-28' },
      { type: 'lcspr.draft-received', receivedOn: '2025-11-17' },
      ...signOffs('lcspr.final-report-signed-off', '2025-12-01'),
      { type: 'publication.scheduled', plannedOn: '2026-02-27', occurredOn: '2025-12-03' },
      {
        type: 'publication.withheld',
        reason: 'Publishing would identify the family, as the Panel agreed (test).',
        occurredOn: '2026-02-10',
      },
      { type: 'publication.panel-informed', informedOn: '2026-02-12' },
      {
        type: 'action.added',
        actionId: 'A-1',
        description: 'Share the learning with schools (test).',
        owner: 'Education',
        dueOn: '2026-03-13',
        occurredOn: '2026-02-13',
      },
      {
        type: 'action.added',
        actionId: 'A-2',
        description: 'Commission a youth service audit (test).',
        owner: 'Local authority',
        dueOn: '2026-03-20',
        occurredOn: '2026-02-13',
      },
      { type: 'action.cancelled', actionId: 'A-2', reason: 'Covered by A-1 (test).', occurredOn: '2026-03-02' },
      { type: 'action.completed', actionId: 'A-1', completedOn: '2026-03-12' },
      { type: 'case.closed', occurredOn: '2026-03-16' },
    ],
  );

  const lookedAfterDeath = await importCase(
    t,
    team.bu,
    {
      nature: 'looked-after-death',
      laAwareOn: '2025-12-15',
      incidentOn: '2025-12-13',
      incidentType: 'death',
      abuseOrNeglect: 'suspected',
      lookedAfter: true,
      children: [{ ageYears: 15, sex: 'male', ethnicity: 'WBRI', disability: 'disabled' }],
      harmCategories: ['neglect'],
      contributingFactors: ['child-mental-health'],
    },
    [
      { type: 'notification.submitted', submittedOn: '2025-12-19' },
      { type: 'partners.informed', informedOn: '2025-12-19' },
      { type: 'sos-ofsted.notified', notifiedOn: '2025-12-22' },
      { type: 'rapid-review.meeting-held', heldOn: '2025-12-30' },
      {
        type: 'rapid-review.recommended',
        recommendation: 'no-lcspr',
        rationale: 'Test rationale.',
        occurredOn: '2025-12-30',
      },
      ...signOffs('decision.signed-off', '2026-01-05'),
      { type: 'rapid-review.submitted', submittedOn: '2026-01-07' },
      { type: 'panel.responded', response: 'agrees', respondedOn: '2026-01-26' },
      {
        type: 'action.added',
        actionId: 'A-1',
        description: 'Review placement support (test).',
        owner: 'Local authority',
        dueOn: '2026-02-27',
        occurredOn: '2026-01-26',
      },
      {
        type: 'action.added',
        actionId: 'A-2',
        description: 'Review the mental health pathway (test).',
        owner: 'Health',
        dueOn: '2026-06-30',
        occurredOn: '2026-01-26',
      },
      { type: 'action.completed', actionId: 'A-1', completedOn: '2026-03-05' },
      { type: 'action.completed', actionId: 'A-2', completedOn: '2026-06-15' },
    ],
  );

  const nationalReview = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2025-11-03',
      incidentOn: '2025-11-01',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'known',
      children: [{ ageYears: 11, sex: 'female', ethnicity: 'REFU' }],
    },
    [
      ...toPanel({
        submittedOn: '2025-11-07',
        meetingOn: '2025-11-13',
        recommendation: 'national-review',
        signedOn: '2025-11-20',
        rapidReviewOn: '2025-11-25',
      }),
      { type: 'panel.responded', response: 'national-review', respondedOn: '2025-12-10' },
    ],
  );

  const careLeaver = await importCase(
    t,
    team.bu,
    {
      nature: 'care-leaver-death',
      laAwareOn: '2026-02-09',
      incidentOn: '2026-02-07',
      incidentType: 'death',
      abuseOrNeglect: 'not-suspected',
      children: [{ ageYears: 19, sex: 'male', ethnicity: 'BAFR', disability: 'not-disabled' }],
    },
    [
      { type: 'partners.informed', informedOn: '2026-02-10' },
      { type: 'sos-ofsted.notified', notifiedOn: '2026-02-12' },
      { type: 'case.closed', occurredOn: '2026-02-20' },
    ],
  );

  const withdrawn = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2025-08-18',
      incidentOn: '2025-08-16',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'suspected',
      children: [{ ageYears: 5, sex: 'female', ethnicity: 'WBRI', disability: 'not-disabled' }],
      harmCategories: ['neglect'],
    },
    [
      {
        type: 'notification.withdrawn',
        reason: 'Criteria not met: an accident (test).',
        occurredOn: '2025-08-20',
      },
    ],
  );

  const nextYear = await importCase(
    t,
    team.bu,
    {
      laAwareOn: '2026-05-11',
      incidentOn: '2026-05-09',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'suspected',
      children: [{ ageYears: 9, sex: 'male', ethnicity: 'WBRI', disability: 'not-disabled' }],
      harmCategories: ['neglect'],
      contributingFactors: ['domestic-abuse'],
    },
    [
      ...toPanel({
        submittedOn: '2026-05-13',
        meetingOn: '2026-05-21',
        recommendation: 'no-lcspr',
        signedOn: '2026-05-27',
        rapidReviewOn: '2026-05-29',
      }),
      { type: 'panel.responded', response: 'agrees', respondedOn: '2026-06-16' },
      {
        type: 'action.added',
        actionId: 'A-1',
        description: 'Update the domestic abuse pathway (test).',
        owner: 'Police',
        dueOn: '2027-01-29',
        occurredOn: '2026-06-16',
      },
    ],
  );

  const other = await otherPartnership(t);
  setToday(t, REPORT_TODAY);
  return {
    cases: {
      previousYear,
      easter,
      challenged,
      boundary,
      withheld,
      escalatedAction,
      lookedAfterDeath,
      nationalReview,
      careLeaver,
      withdrawn,
      nextYear,
    },
    otherPartnershipCase: other.ref,
    otherBusinessUnit: other.bu,
  };
}

/** Another partnership (created as the operator command creates one) with one case of 2025-26 under review. */
async function otherPartnership(t: TestApp): Promise<{ ref: DatasetCaseRef; bu: string }> {
  const elsewhere = await createPartnership(t, 'Elsewhere Safeguarding Partnership', 'admin@elsewhere.test');
  const { token: bu } = await addMember(t, elsewhere, 'Elsewhere BU', {
    email: 'bu@elsewhere.test',
    roles: ['business-unit'],
  });
  const ref = await importCase(
    t,
    bu,
    {
      laAwareOn: '2025-06-02',
      incidentOn: '2025-05-31',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'known',
      children: [{ ageYears: 6, sex: 'female', ethnicity: 'WBRI', disability: 'not-disabled' }],
      harmCategories: ['neglect'],
    },
    [
      ...toPanel({
        submittedOn: '2025-06-04',
        meetingOn: '2025-06-12',
        recommendation: 'lcspr',
        signedOn: '2025-06-17',
        rapidReviewOn: '2025-06-20',
      }),
      { type: 'panel.responded', response: 'agrees', respondedOn: '2025-07-15' },
      { type: 'lcspr.reviewer-appointed', reviewerName: 'X. Reviewer', independent: true, occurredOn: '2025-07-21' },
    ],
  );
  return { ref, bu };
}

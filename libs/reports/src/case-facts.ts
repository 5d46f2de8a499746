/**
 * What the reports count, taken from one case's record: the dated acts (from the record, its history and its stored
 * deadlines), each as the day it happened. Pure: the same case gives the same facts.
 */
import type { LocalDate } from '@app/calendar';
import type { CaseRecordView, IncidentDetails } from '@app/cases';

/** A case's history, as the reports read it (an audit event row fits, with its `occurredOn` filled). */
export interface HistoryFact {
  type: string;
  fromState: string | null;
  toState: string;
  payload: Record<string, unknown>;
  occurredOn: LocalDate;
}

/** A stored deadline row of the case. */
export interface DeadlineFact {
  rule: string;
  subject: string;
  startedOn: LocalDate;
  dueOn: LocalDate;
  stoppedOn: LocalDate | null;
  clockState: string;
}

export interface CaseFactsSource {
  /** The record as a reader of every part reads it (the children's details are needed for the characteristics). */
  record: CaseRecordView;
  details: IncidentDetails;
  /** Oldest first. */
  history: readonly HistoryFact[];
  deadlines: readonly DeadlineFact[];
  /** The partnership's working-day count (England and Wales, less its closure days). */
  workingDaysBetween: (from: LocalDate, to: LocalDate) => number;
}

export interface DatedReason {
  on: LocalDate;
  reason: string;
}

export interface Interval {
  from: LocalDate;
  /** Absent while it lasts. */
  to?: LocalDate;
}

export interface ActionFact {
  id: string;
  addedOn: LocalDate;
  dueOn: LocalDate;
  completedOn?: LocalDate;
  cancelledOn?: LocalDate;
  escalatedOn?: LocalDate;
}

export interface ChildFact {
  sex: string;
  ageYears: number;
  ethnicity?: string;
  disability?: string;
}

export interface CaseFacts {
  caseId: string;
  reference: string;
  /** What the case was opened as (a serious incident by default). */
  nature: string;
  panelNotifiedOn?: LocalDate;
  /** The stored `notify-panel` deadline's due date. */
  panelNotificationDueOn?: LocalDate;
  sosOfstedNotifiedOn?: LocalDate;
  /** The first day the rapid review was sent to the Panel. */
  rapidReviewSentOn?: LocalDate;
  /** The stored `rapid-review` deadline's due date. */
  rapidReviewDueOn?: LocalDate;
  /** Working days from the start of the stored `rapid-review` clock (the day the local authority became aware, or the criteria were met) to `rapidReviewSentOn`. */
  rapidReviewWorkingDays?: number;
  decisions: { on: LocalDate; outcome: string }[];
  panelResponses: { on: LocalDate; response: string }[];
  /** The spells in the LCSPR and publication stages. */
  practiceReview: Interval[];
  lcsprCommissionedOn?: LocalDate;
  lcsprCompletedOn?: LocalDate;
  /** The stored `lcspr-publish` deadline: it starts on the decision's date and is due six months later, moved on by pauses and extensions. */
  lcsprDecidedOn?: LocalDate;
  lcsprDueOn?: LocalDate;
  publishedOn?: LocalDate;
  pauses: DatedReason[];
  extensions: DatedReason[];
  delays: DatedReason[];
  withholdings: DatedReason[];
  actions: ActionFact[];
  harmCategories: string[];
  contributingFactors: string[];
  children: ChildFact[];
}

const REVIEW_STAGES = new Set(['lcspr', 'publication']);
const stageOf = (state: string | null) => (state ?? '').split('.')[0];
const latest = (dates: LocalDate[]): LocalDate | undefined =>
  dates.length === 0 ? undefined : [...dates].sort()[dates.length - 1];

export function caseFacts(source: CaseFactsSource): CaseFacts {
  const { record, details, history, deadlines } = source;
  const clock = (rule: string) => deadlines.find((row) => row.rule === rule && row.subject === '');
  const rapidReviewSentOn = record.rapidReview.submittedOn[0];
  // The rapid review's clock starts when the local authority became aware, or, for a death moved onto the serious
  // incident path, when the criteria were met: its stored start is where its working days count from.
  const rapidReviewClockStartedOn = clock('rapid-review')?.startedOn ?? record.notification.laAwareOn;

  const decisions = record.decision.rounds.flatMap((round) => {
    const agreed =
      round.outcome === 'agreed' && round.recommendation
        ? [{ on: latest(round.signOffs.map((s) => s.signedOn))!, outcome: round.recommendation }]
        : [];
    const resolved = round.escalations.flatMap(({ resolution }) =>
      resolution ? [{ on: resolution.resolvedOn, outcome: resolution.outcome }] : [],
    );
    return [...agreed, ...resolved];
  });
  const completedRound = record.lcspr.finalReportRounds.filter((round) => round.outcome === 'agreed').at(-1);
  const lcsprClock = clock('lcspr-publish');
  const reasonsOf = (type: string): DatedReason[] =>
    history
      .filter((event) => event.type === type)
      .map((event) => ({ on: event.occurredOn, reason: String(event.payload.reason ?? '') }));

  return {
    caseId: record.id,
    reference: record.reference,
    nature: record.notificationPath.openedAs ?? record.notificationPath.nature ?? 'serious-incident',
    panelNotifiedOn: record.notification.submittedOn,
    panelNotificationDueOn: clock('notify-panel')?.dueOn,
    sosOfstedNotifiedOn: record.notificationPath.sosOfstedNotifiedOn,
    rapidReviewSentOn,
    rapidReviewDueOn: clock('rapid-review')?.dueOn,
    rapidReviewWorkingDays: rapidReviewSentOn
      ? source.workingDaysBetween(rapidReviewClockStartedOn, rapidReviewSentOn)
      : undefined,
    decisions,
    panelResponses: record.panelResponse.responses.map(({ respondedOn, response }) => ({ on: respondedOn, response })),
    practiceReview: practiceReviewSpells(history),
    lcsprCommissionedOn: history.find((event) => event.type === 'lcspr.reviewer-appointed')?.occurredOn,
    lcsprCompletedOn: completedRound && latest(completedRound.signOffs.map((s) => s.signedOn)),
    lcsprDecidedOn: lcsprClock?.startedOn,
    lcsprDueOn: lcsprClock?.dueOn,
    publishedOn: record.publication.publishedOn,
    pauses: record.lcspr.pauses.map(({ pausedOn, reason }) => ({ on: pausedOn, reason })),
    extensions: record.lcspr.extensions.map(({ agreedOn, reason }) => ({ on: agreedOn, reason })),
    delays: reasonsOf('publication.delayed'),
    withholdings: reasonsOf('publication.withheld'),
    actions: record.learning.actions.map((action) => ({
      id: action.id,
      addedOn: action.addedOn,
      dueOn: action.dueOn,
      completedOn: action.completedOn,
      cancelledOn: action.cancelled?.cancelledOn,
      escalatedOn: action.escalatedOn,
    })),
    harmCategories: [...(details.harmCategories ?? [])],
    contributingFactors: [...(details.contributingFactors ?? [])],
    children: details.children.map(({ sex, ageYears, ethnicity, disability }) => ({
      sex,
      ageYears,
      ethnicity,
      disability,
    })),
  };
}

/** Each spell the case spent in the LCSPR or publication stages: from the day it entered to the day it left. */
function practiceReviewSpells(history: readonly HistoryFact[]): Interval[] {
  const spells: Interval[] = [];
  for (const event of history) {
    const wasIn = REVIEW_STAGES.has(stageOf(event.fromState));
    const isIn = REVIEW_STAGES.has(stageOf(event.toState));
    if (!wasIn && isIn) spells.push({ from: event.occurredOn });
    const open = spells.at(-1);
    if (wasIn && !isIn && open && !open.to) open.to = event.occurredOn;
  }
  return spells;
}

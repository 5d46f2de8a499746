/**
 * Issue 12 item 1: the rapid review's returns, meetings and recommendations as the record shows them (pure, like
 * `toCaseRecord`). A case of machine version 1 has none of the details: its meetings are its dates, its returns and
 * recommendations lists are empty (its returns stay in `agencyReturns`, its recommendation in `recommendation`).
 */
import type { CaseContext } from '@app/workflows';

/** A deadline of the case as `CaseView` gives it. */
export interface DeadlineLike {
  rule: string;
  subject?: string;
  dueOn: string;
  status: string;
}
import type { AgencyReturnStatusView, MeetingRecordView, RecommendationRoundRecordView } from './case-record-view';

export const AGENCY_RETURN_STATUSES = ['outstanding', 'overdue', 'received', 'nil-return', 'cancelled'] as const;
export type AgencyReturnStatus = (typeof AGENCY_RETURN_STATUSES)[number];

/** One row per agency asked for a return or that sent one, in the order first asked (or received). */
export function returnViews(context: CaseContext, deadlines: readonly DeadlineLike[]): AgencyReturnStatusView[] {
  return (context.returns ?? []).map((item) => {
    const deadline = deadlines.find((d) => d.rule === 'agency-return' && d.subject === item.agency);
    const last = item.requests[item.requests.length - 1];
    const status: AgencyReturnStatus = item.receivedOn
      ? item.nilReturn
        ? 'nil-return'
        : 'received'
      : deadline?.status === 'cancelled'
        ? 'cancelled'
        : deadline?.status === 'overdue'
          ? 'overdue'
          : 'outstanding';
    return defined({
      agency: item.agency,
      status,
      requestedOn: last?.requestedOn,
      dueOn: deadline?.dueOn ?? last?.dueOn,
      receivedOn: item.receivedOn,
      receivedLate: deadline?.status === 'late' ? true : undefined,
      requests: item.requests.map((r) => defined({ requestedOn: r.requestedOn, agreedDueOn: r.dueOn })),
      chases: item.chases.map((c) => defined({ chasedOn: c.chasedOn, note: c.note })),
    });
  });
}

export function meetingViews(context: CaseContext): MeetingRecordView[] {
  if (!context.meetingDetails) return context.meetings.map((heldOn) => ({ heldOn }));
  return context.meetingDetails.map((m) =>
    defined({ heldOn: m.heldOn, agenciesPresent: m.agenciesPresent && [...m.agenciesPresent], quorate: m.quorate }),
  );
}

export function recommendationViews(context: CaseContext): RecommendationRoundRecordView[] {
  return (context.recommendations ?? []).map((r) =>
    defined({
      round: r.round,
      recommendation: r.recommendation,
      rationale: r.rationale,
      recommendedOn: r.on,
      criteria: r.criteria.map((c) => defined({ criterion: c.criterion, applies: c.applies, reasons: c.reasons })),
      immediateSafetyActions: r.immediateSafetyActions,
      parallelProcesses: r.parallelProcesses && [...r.parallelProcesses],
      learningIdentified: r.learningIdentified,
    }),
  );
}

function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

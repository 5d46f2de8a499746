/**
 * Issue 12 item 1, the rapid review's content (machine version 2): agency returns asked for, chased and received
 * (each request runs an `agency-return` item clock for that agency), the meeting's agencies present and quorum, and
 * the recommendation's test against the criteria for a review. Pure context updates, named in `V2_UPDATES`.
 */
import { cancelItemClock, startItemClock, stopItemClock } from '../clocks';
import {
  actDate,
  REVIEW_CRITERIA,
  type AgencyReturnItem,
  type CaseContext,
  type CaseEvent,
  type CaseEventOf,
  type RecommendationDetails,
} from '../case.types';

export const AGENCY_RETURN_RULE = 'agency-return';

type E<T extends CaseEvent['type']> = CaseEventOf<T>;

/** The item of `agency`, if the case has one. */
export function returnOf(context: Pick<CaseContext, 'returns'>, agency: string): AgencyReturnItem | undefined {
  return (context.returns ?? []).find((item) => item.agency === agency);
}

/** A return asked for and not yet received. */
export function isOutstanding(item: AgencyReturnItem | undefined): boolean {
  return Boolean(item && item.requests.length > 0 && !item.receivedOn);
}

/** The case's returns with `agency`'s item replaced (or added at the end) by `change` of it. */
function withReturn(
  context: CaseContext,
  agency: string,
  change: (item: AgencyReturnItem) => AgencyReturnItem,
): AgencyReturnItem[] {
  const returns = context.returns ?? [];
  const current = returnOf(context, agency);
  if (!current) return [...returns, change({ agency, requests: [], chases: [] })];
  return returns.map((item) => (item === current ? change(item) : item));
}

/**
 * A return asked of an agency: its clock starts on `requestedOn` (5 working days by the rulebook, or the partnership's
 * override), or runs to `dueOn` when a date was agreed. Asked again while outstanding, the clock restarts.
 */
function requestAgencyReturn(context: CaseContext, event: CaseEvent): Partial<CaseContext> {
  const e = event as E<'agency-return.requested'>;
  const request = { requestedOn: e.requestedOn, ...(e.dueOn ? { dueOn: e.dueOn } : {}) };
  return {
    returns: withReturn(context, e.agency, (item) => ({ ...item, requests: [...item.requests, request] })),
    itemClocks: startItemClock(context.itemClocks, AGENCY_RETURN_RULE, e.agency, e.requestedOn, e.dueOn),
  };
}

/**
 * A return received (or a nil return): kept in `agencyReturns` as version 1 keeps it (dated the day it arrived), in
 * the agency's item, and its clock stopped (met or late). A return never asked for has no clock.
 */
function receiveAgencyReturn(context: CaseContext, event: CaseEvent): Partial<CaseContext> {
  const e = event as E<'agency-return.received'>;
  const receivedOn = e.receivedOn ?? actDate(e);
  return {
    agencyReturns: [...context.agencyReturns, { agency: e.agency, on: receivedOn }],
    returns: withReturn(context, e.agency, (item) => ({
      ...item,
      receivedOn,
      ...(e.nilReturn ? { nilReturn: true } : {}),
    })),
    itemClocks: stopItemClock(context.itemClocks, AGENCY_RETURN_RULE, e.agency, receivedOn),
  };
}

/** A chase made outside the service (a call, an email): recorded; the clock and its reminders carry on. */
function chaseAgencyReturn(context: CaseContext, event: CaseEvent): Partial<CaseContext> {
  const e = event as E<'agency-return.chased'>;
  const chase = { chasedOn: e.chasedOn, ...(e.note ? { note: e.note } : {}) };
  return { returns: withReturn(context, e.agency, (item) => ({ ...item, chases: [...item.chases, chase] })) };
}

/** The rapid review was sent to the Panel, or the notification withdrawn: no return is awaited any more. */
function cancelAgencyReturnClocks(context: CaseContext, event: CaseEvent): Partial<CaseContext> {
  let itemClocks = context.itemClocks;
  for (const item of context.returns ?? []) {
    if (isOutstanding(item)) itemClocks = cancelItemClock(itemClocks, AGENCY_RETURN_RULE, item.agency, actDate(event));
  }
  return itemClocks === context.itemClocks ? {} : { itemClocks };
}

/** Runs after version 1's `recordMeeting` (which keeps the date): the meeting's agencies present and quorum. */
function recordMeetingDetails(context: CaseContext, event: CaseEvent): Partial<CaseContext> {
  const e = event as E<'rapid-review.meeting-held'>;
  const meeting = {
    heldOn: e.heldOn,
    ...(e.agenciesPresent ? { agenciesPresent: [...e.agenciesPresent] } : {}),
    ...(e.quorate !== undefined ? { quorate: e.quorate } : {}),
  };
  // By date, as `meetings` is; meetings of one day stay in the order recorded.
  const meetingDetails = [...(context.meetingDetails ?? []), meeting].sort((a, b) =>
    a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0,
  );
  return { meetingDetails };
}

/**
 * Runs after version 1's `recordRecommendation` (which opened the decision round): the recommendation with its test
 * against the criteria, the immediate safety actions, parallel processes and learning, kept for every round.
 */
function recordRecommendationDetails(context: CaseContext, event: CaseEvent): Partial<CaseContext> {
  const e = event as E<'rapid-review.recommended'>;
  const criteria = REVIEW_CRITERIA.flatMap(({ criterion, answer, reasons }) =>
    e[answer] === undefined ? [] : [{ criterion, applies: e[answer]!, ...(e[reasons] ? { reasons: e[reasons] } : {}) }],
  );
  const details: RecommendationDetails = {
    round: context.decisionRounds.length,
    recommendation: e.recommendation,
    rationale: e.rationale,
    on: context.recommendation?.on ?? e.today,
    criteria,
    ...(e.immediateSafetyActions ? { immediateSafetyActions: e.immediateSafetyActions } : {}),
    ...(e.parallelProcesses ? { parallelProcesses: [...e.parallelProcesses] } : {}),
    ...(e.learningIdentified ? { learningIdentified: e.learningIdentified } : {}),
  };
  return { recommendations: [...(context.recommendations ?? []), details] };
}

export const RAPID_REVIEW_UPDATES = {
  requestAgencyReturn,
  receiveAgencyReturn,
  chaseAgencyReturn,
  cancelAgencyReturnClocks,
  recordMeetingDetails,
  recordRecommendationDetails,
};

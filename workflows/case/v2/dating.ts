/**
 * Issue 12 item 6: corrections and history, honestly dated.
 *
 * - Every act may carry the day it happened (`occurredOn`) beside the day it was recorded (`today`); the rules here
 *   say when that day can be true.
 * - `fact.corrected` corrects one of the dates a case rests on, with a reason, and moves the clocks counted from it.
 *
 * Pure functions over the context and the event, as the machine's other v2 updates.
 */
import type { CaseClocks, LocalDate, RuleId } from '../../rulebook/types';
import type { CaseContext, CaseEvent, CaseEventOf, CorrectableFact, SignOffRound } from '../case.types';

/** The case clocks that start on the day the local authority became aware (a correction of that day moves them). */
export const CLOCKS_FROM_LA_AWARE: readonly RuleId[] = [
  'notify-panel',
  'inform-partners',
  'rapid-review',
  'notify-sos-ofsted',
];

/**
 * The current value of a correctable fact, or undefined while it is not recorded. `incidentOn` lives with the
 * incident's details, outside the snapshot: the service gives it with the event.
 */
export function factValue(context: CaseContext, fact: CorrectableFact, incidentOn?: LocalDate): LocalDate | undefined {
  switch (fact) {
    case 'laAwareOn':
      return context.facts.laAwareOn;
    case 'incidentOn':
      return incidentOn;
    case 'notificationSubmittedOn':
      return context.notification.submittedOn;
    case 'partnersInformedOn':
      return context.clocks['inform-partners']?.stoppedOn;
  }
}

/** Every date of an act recorded on the case (the dates a corrected aware date may not come after). */
export function actDatesOf(context: CaseContext): LocalDate[] {
  const rounds = (list: SignOffRound[]) =>
    list.flatMap((r) => [r.openedOn, ...r.signOffs.map((s) => s.at), ...r.escalations.map((e) => e.on)]);
  const clockDates = (clocks: CaseClocks) =>
    Object.values(clocks).flatMap((c) => [c!.stoppedOn, c!.cancelledOn, ...c!.pauses.map((p) => p.from)]);
  const dates = [
    context.notification.submittedOn,
    context.notification.withdrawn?.on,
    ...context.agencyReturns.map((r) => r.on),
    ...context.meetings,
    context.recommendation?.on,
    ...rounds(context.decisionRounds),
    ...context.rapidReviewSubmissions,
    ...context.panelResponses.map((r) => r.respondedOn),
    context.nationalReview?.publishedOn,
    context.lcspr.termsAgreedOn,
    context.lcspr.methodologyAgreedOn,
    ...context.lcspr.draftsReceived,
    ...rounds(context.finalReportRounds),
    context.publication.reportSentOn,
    context.publication.publishedOn,
    ...Object.values(context.actions).flatMap((a) => [a.addedOn, a.completedOn]),
    ...clockDates(context.clocks),
  ];
  return dates.filter((d): d is LocalDate => typeof d === 'string');
}

const earliest = (dates: LocalDate[]) =>
  dates.reduce<LocalDate | undefined>((a, b) => (!a || b < a ? b : a), undefined);
const latest = (dates: LocalDate[]) => dates.reduce<LocalDate | undefined>((a, b) => (!a || b > a ? b : a), undefined);

/**
 * Why the act's day (`occurredOn`) cannot be true, or undefined: not in the future, not before the local authority
 * became aware, and for acts of a round not before the round opened (a sign-off dated before the recommendation it
 * signs), for a pause not before the review's clock started or the last pause ended.
 */
export function occurredOnViolation(context: CaseContext, event: CaseEvent): string | undefined {
  const on = event.occurredOn;
  if (on === undefined) return undefined;
  const aware = context.facts.laAwareOn!;
  if (on > event.today) return `occurredOn (${on}) cannot be in the future`;
  if (on < aware) return `occurredOn (${on}) cannot be before the date the local authority became aware (${aware})`;
  const notBefore = (date: LocalDate | undefined, what: string) =>
    date !== undefined && on < date ? `occurredOn (${on}) cannot be before ${what} (${date})` : undefined;
  const last = <T>(list: T[]) => list[list.length - 1];
  switch (event.type) {
    case 'decision.signed-off':
      return notBefore(last(context.decisionRounds)?.openedOn, 'the recommendation it signs');
    case 'decision.escalated': {
      const round = last(context.decisionRounds);
      return notBefore(latest(round?.signOffs.map((s) => s.at) ?? []) ?? round?.openedOn, 'the dispute it escalates');
    }
    case 'lcspr.final-report-signed-off':
      return notBefore(last(context.finalReportRounds)?.openedOn, 'the draft it signs was received');
    case 'lcspr.paused': {
      const clock = context.clocks['lcspr-publish'];
      return (
        notBefore(clock?.startedOn, 'the review began') ??
        notBefore(latest(clock?.pauses.flatMap((p) => (p.to ? [p.to] : [])) ?? []), 'the last pause ended')
      );
    }
    case 'publication.delayed':
    case 'publication.withheld':
      return notBefore(context.clocks['pre-publication']?.startedOn, 'publication was scheduled');
    default:
      return undefined;
  }
}

/** Why a `fact.corrected` cannot be applied, or undefined. Dates are checked against every date the case holds. */
export function correctionViolation(context: CaseContext, event: CaseEventOf<'fact.corrected'>): string | undefined {
  const from = factValue(context, event.fact, event.incidentOn);
  const value = event.value;
  if (from === undefined) return `${event.fact} has not been recorded yet: there is nothing to correct`;
  if (value === from) return `value (${value}) is already the ${event.fact}`;
  if (value > event.today) return `value (${value}) cannot be in the future`;
  const aware = context.facts.laAwareOn!;
  switch (event.fact) {
    case 'incidentOn':
      return value > aware
        ? `value (${value}) cannot be after the date the local authority became aware (${aware})`
        : undefined;
    case 'laAwareOn': {
      if (event.incidentOn && value < event.incidentOn) {
        return `value (${value}) cannot be before the incident (${event.incidentOn})`;
      }
      // The clocks that start on the aware day are not acts; every other date the case holds is.
      const acts = actDatesOf({
        ...context,
        clocks: Object.fromEntries(
          Object.entries(context.clocks).filter(
            ([rule, clock]) => !CLOCKS_FROM_LA_AWARE.includes(rule as RuleId) || clock!.stoppedOn || clock!.cancelledOn,
          ),
        ),
      });
      const first = earliest(acts);
      return first !== undefined && value > first
        ? `value (${value}) cannot be after the first act recorded on the case (${first})`
        : undefined;
    }
    case 'notificationSubmittedOn':
    case 'partnersInformedOn':
      return value < aware
        ? `value (${value}) cannot be before the date the local authority became aware (${aware})`
        : undefined;
  }
}

function moveStart(clocks: CaseClocks, rules: readonly RuleId[], from: LocalDate, to: LocalDate): CaseClocks {
  const next = { ...clocks };
  for (const rule of rules) {
    const clock = next[rule];
    if (clock && clock.startedOn === from) next[rule] = { ...clock, startedOn: to };
  }
  return next;
}

function moveStop(clocks: CaseClocks, rule: RuleId, to: LocalDate): CaseClocks {
  const clock = clocks[rule];
  return clock?.stoppedOn ? { ...clocks, [rule]: { ...clock, stoppedOn: to } } : clocks;
}

/**
 * Applies a correction: the fact takes its new value and the clocks counted from it move with it (their deadlines and
 * reminders follow, as for any change of the case); the correction is kept with both values and the reason.
 */
export function correctFact(context: CaseContext, event: CaseEvent): Partial<CaseContext> {
  const e = event as CaseEventOf<'fact.corrected'>;
  const from = factValue(context, e.fact, e.incidentOn)!;
  const to = e.value;
  const correction = {
    fact: e.fact,
    from,
    to,
    reason: e.reason,
    on: e.today,
    by: e.actor.id,
    byName: e.actor.name,
  };
  const corrections = [...(context.corrections ?? []), correction];
  switch (e.fact) {
    case 'laAwareOn':
      return {
        corrections,
        facts: { ...context.facts, laAwareOn: to },
        clocks: moveStart(context.clocks, CLOCKS_FROM_LA_AWARE, from, to),
      };
    case 'notificationSubmittedOn':
      return {
        corrections,
        notification: { ...context.notification, submittedOn: to },
        facts: { ...context.facts, notificationSubmittedOn: to },
        clocks: moveStop(context.clocks, 'notify-panel', to),
      };
    case 'partnersInformedOn':
      return { corrections, clocks: moveStop(context.clocks, 'inform-partners', to) };
    case 'incidentOn':
      return { corrections };
  }
}

export const DATING_UPDATES = { correctFact };

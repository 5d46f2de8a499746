/**
 * Issue 12 item 4: escalations that close their loop. A disputed decision escalated to the lead partners waits in
 * `decision.escalated` until a lead partner records the decision they reached, with its date: the decision is then
 * agreed with that outcome, dated the day it was reached (the LCSPR's 6 months count from it).
 */
import type { LocalDate } from '../../rulebook/types';
import { actDate, type CaseContext, type CaseEvent, type Escalation, type SignOffRound } from '../case.types';
import type { ContextUpdate } from './updates';

function replaceLast<T>(items: T[], item: T): T[] {
  return [...items.slice(0, -1), item];
}

/** The escalation waiting for the lead partners: the last of the current round, while it has no resolution. */
export function openEscalation(context: CaseContext): Escalation | undefined {
  const round = context.decisionRounds[context.decisionRounds.length - 1];
  const last = round?.escalations[round.escalations.length - 1];
  return last && !last.resolution ? last : undefined;
}

function withLastEscalation(round: SignOffRound, escalation: Escalation): SignOffRound {
  return { ...round, escalations: replaceLast(round.escalations, escalation) };
}

export const ESCALATION_UPDATES = {
  /** The disagreement goes to the lead partners, dated the day it was escalated. */
  escalateToLeadPartners: (context, event) => {
    if (event.type !== 'decision.escalated') return {};
    const round = context.decisionRounds[context.decisionRounds.length - 1];
    const escalation: Escalation = { note: event.note, on: actDate(event), by: event.actor.id };
    return {
      decisionRounds: replaceLast(context.decisionRounds, {
        ...round,
        escalations: [...round.escalations, escalation],
      }),
    };
  },
  /** The lead partners' decision stands as the partners' decision, dated the day they reached it. */
  resolveEscalation: (context, event) => {
    if (event.type !== 'escalation.resolved') return {};
    const round = context.decisionRounds[context.decisionRounds.length - 1];
    const escalation = round.escalations[round.escalations.length - 1];
    const resolution = {
      outcome: event.outcome,
      resolvedOn: event.resolvedOn,
      by: event.actor.id,
      ...(event.note ? { note: event.note } : {}),
    };
    return {
      decisionRounds: replaceLast(context.decisionRounds, withLastEscalation(round, { ...escalation, resolution })),
      decision: { outcome: event.outcome, decidedOn: event.resolvedOn },
      facts: { ...context.facts, decisionOn: event.resolvedOn },
    };
  },
} satisfies Record<string, ContextUpdate>;

/** Why an escalation event cannot be applied (422), or undefined. */
export function escalationViolation(context: CaseContext, event: CaseEvent): string | undefined {
  if (event.type !== 'escalation.resolved') return undefined;
  const open = openEscalation(context);
  if (!open) return 'No escalation is waiting for the lead partners';
  return dateViolation('resolvedOn', event.resolvedOn, event.today, open.on, 'the escalation');
}

/** A date that must not be in the future nor before `notBefore`. */
export function dateViolation(
  field: string,
  date: LocalDate,
  today: LocalDate,
  notBefore: LocalDate,
  notBeforeLabel: string,
): string | undefined {
  if (date > today) return `${field} (${date}) cannot be in the future`;
  if (date < notBefore) return `${field} (${date}) cannot be before ${notBeforeLabel} (${notBefore})`;
  return undefined;
}

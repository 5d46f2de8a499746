/**
 * Issue 12 item 1: the domain rules (422) of agency returns, meetings and recommendations. A case of machine version
 * 1 has no `relevantAgencies` and keeps version 1's rules: returns only from the three statutory agencies, and none
 * of version 2's fields (its actions would not record them).
 */
import { AGENCIES } from '../../actors';
import type { LocalDate } from '../../rulebook/types';
import { REVIEW_CRITERIA, type CaseContext, type CaseEvent } from '../case.types';
import { returnOf } from './rapid-review';

/** The `past` check of `ruleViolation`: a date neither in the future nor before `notBefore` (by default awareness). */
export type PastCheck = (
  field: string,
  date: LocalDate,
  notBefore?: LocalDate,
  notBeforeLabel?: string,
) => string | undefined;

const isVersion1 = (context: CaseContext) => context.relevantAgencies === undefined;

const V2_ONLY_FIELDS: Partial<Record<CaseEvent['type'], readonly string[]>> = {
  'agency-return.received': ['receivedOn', 'nilReturn'],
  'rapid-review.meeting-held': ['agenciesPresent', 'quorate'],
  'rapid-review.recommended': [
    ...REVIEW_CRITERIA.flatMap(({ answer, reasons }) => [answer, reasons]),
    'immediateSafetyActions',
    'parallelProcesses',
    'learningIdentified',
  ],
};

/** Why `agency` is not one the case asks returns of, or undefined. */
export function unknownAgency(context: CaseContext, agency: string): string | undefined {
  if (isVersion1(context)) {
    return (AGENCIES as readonly string[]).includes(agency)
      ? undefined
      : `agency must be one of ${AGENCIES.join(', ')} on this case (machine version 1), not ${agency}`;
  }
  return (context.relevantAgencies ?? []).some((a) => a.key === agency)
    ? undefined
    : `${agency} is not one of the case's relevant agencies (${(context.relevantAgencies ?? []).map((a) => a.key).join(', ')})`;
}

/** `past` counting from `notBefore` when there is one, else from the day the local authority became aware. */
function after(past: PastCheck, field: string, date: LocalDate, notBefore: LocalDate | undefined, label: string) {
  return notBefore ? past(field, date, notBefore, label) : past(field, date);
}

function nameOf(context: CaseContext, agency: string): string {
  return context.relevantAgencies?.find((a) => a.key === agency)?.name ?? agency;
}

/** The rules of item 1's events, or undefined when the event breaks none of them. */
export function rapidReviewViolation(context: CaseContext, event: CaseEvent, past: PastCheck): string | undefined {
  if (isVersion1(context)) {
    const given = (V2_ONLY_FIELDS[event.type] ?? []).filter(
      (field) => (event as unknown as Record<string, unknown>)[field] !== undefined,
    );
    if (given.length > 0) {
      return `${given.join(', ')} can be recorded only on cases opened on machine version 2; this case is on version 1: leave ${given.length === 1 ? 'it' : 'them'} out`;
    }
  }
  switch (event.type) {
    case 'agency-return.requested': {
      const item = returnOf(context, event.agency);
      const name = nameOf(context, event.agency);
      const last = item?.requests[item.requests.length - 1];
      return (
        unknownAgency(context, event.agency) ??
        (item?.receivedOn ? `The return of ${name} was already received on ${item.receivedOn}` : undefined) ??
        after(past, 'requestedOn', event.requestedOn, last?.requestedOn, 'the earlier request') ??
        (event.dueOn && event.dueOn < event.requestedOn
          ? `dueOn (${event.dueOn}) cannot be before requestedOn (${event.requestedOn})`
          : undefined)
      );
    }
    case 'agency-return.received': {
      const item = returnOf(context, event.agency);
      const first = item?.requests[0];
      return (
        unknownAgency(context, event.agency) ??
        (event.receivedOn !== undefined
          ? after(past, 'receivedOn', event.receivedOn, first?.requestedOn, 'the return was requested')
          : undefined)
      );
    }
    case 'agency-return.chased': {
      const item = returnOf(context, event.agency);
      const last = item?.requests[item.requests.length - 1];
      return (
        unknownAgency(context, event.agency) ??
        (!last || item?.receivedOn
          ? `There is no outstanding return of ${nameOf(context, event.agency)} to chase`
          : undefined) ??
        past('chasedOn', event.chasedOn, last!.requestedOn, 'the return was requested')
      );
    }
    case 'rapid-review.meeting-held':
      for (const agency of event.agenciesPresent ?? []) {
        const unknown = unknownAgency(context, agency);
        if (unknown) return `agenciesPresent: ${unknown}`;
      }
      return undefined;
    default:
      return undefined;
  }
}

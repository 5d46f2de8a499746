/**
 * Issue 12 item 6: from a parsed event to what the machine and the history see of it: the envelope (`occurredOn`, a
 * sign-off on a partner's behalf) goes with the event; the audit payload keeps the payload as sent, the on-behalf
 * fields, and for a correction both values.
 */
import { factValue, type Actor, type CaseContext, type CaseEvent, type Refusal } from '@app/workflows';
import type { ParsedCaseEvent } from '../events';
import type { IncidentDetails } from '../entities/case.entity';

/** The machine's event: payload, envelope, actor and the day it is received (`today`). */
export function machineEventOf(
  parsed: ParsedCaseEvent,
  actor: Actor,
  today: string,
  details: Pick<IncidentDetails, 'incidentOn'>,
): CaseEvent {
  return {
    type: parsed.type,
    ...parsed.payload,
    ...parsed.envelope,
    actor,
    today,
    // A correction is checked against the incident's date, which the case row keeps beside the snapshot.
    ...(parsed.type === 'fact.corrected' ? { incidentOn: details.incidentOn } : {}),
  } as CaseEvent;
}

/** The audit event's payload: as sent, with who the sign-off was for and why, and a correction's `from` and `to`. */
export function auditPayloadOf(
  parsed: ParsedCaseEvent,
  before: CaseContext,
  event: CaseEvent,
): Record<string, unknown> {
  const payload: Record<string, unknown> = { ...parsed.payload };
  if (parsed.envelope?.onBehalfOf) {
    payload.onBehalfOf = parsed.envelope.onBehalfOf;
    payload.delegationReason = parsed.envelope.delegationReason;
  }
  if (event.type === 'fact.corrected') {
    payload.from = factValue(before, event.fact, event.incidentOn);
    payload.to = event.value;
  }
  return payload;
}

/** A refusal of one event of an import, naming it. */
export function prefixRefusal(refusal: Refusal, name: string): Refusal {
  return { ...refusal, message: `${name}: ${refusal.message}` };
}

/**
 * Issue 12 item 6: the fields every case event may carry beside its payload (its envelope), declared once here rather
 * than on each payload class:
 * - `occurredOn`: the day the act happened, when it is recorded later (an event that carries its own date field, such
 *   as `heldOn`, is dated by that field and refuses `occurredOn`);
 * - `onBehalfOf` + `delegationReason` (sign-offs only): the business unit records a delegated partner's sign-off on
 *   their behalf, by exception, with the reason.
 */
import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, isSignOffEvent, type Agency } from '@app/workflows';
import { DateField, EnumField, TextField } from '../dto/fields';
import { TEXT_LIMITS, type CaseEventType } from './event-payloads';

export class OccurredOnField {
  @DateField({
    optional: true,
    description:
      'The day the act happened, when it is recorded later; not in the future, not before the local authority became aware. Absent: the day it is recorded.',
    label: 'Date it happened',
    hint: 'Leave blank if it happened today. For example, 24 11 2026',
  })
  occurredOn?: string;
}

export class OnBehalfFields {
  @EnumField(AGENCIES, {
    optional: true,
    description:
      "The agency whose delegated partner gave this sign-off, when the business unit records it on the partner's behalf (with delegationReason).",
    label: "Which agency's delegated partner signed?",
    errorIfMissing: "Select which agency's delegated partner signed",
  })
  onBehalfOf?: Agency;

  @TextField(TEXT_LIMITS.reason, {
    optional: true,
    description: 'Why the business unit records the sign-off (with onBehalfOf), e.g. delegation by exception.',
    label: 'Why the business unit records this sign-off',
    hint: 'For example, delegation by exception: the partner agreed at the meeting. Do not name the children.',
    errorIfMissing: 'Enter why the business unit records this sign-off',
  })
  delegationReason?: string;
}

/**
 * The field that dates each event carrying its own date of the act: such an event is dated by it and refuses
 * `occurredOn`. Every date field of a payload is either here or in {@link DATE_FIELDS_NOT_THE_ACT}
 * (a test holds it, so a new event's dates are decided).
 */
export const OWN_DATE_FIELDS: Partial<Record<CaseEventType, string>> = {
  'notification.submitted': 'submittedOn',
  'partners.informed': 'informedOn',
  'rapid-review.meeting-held': 'heldOn',
  'rapid-review.submitted': 'submittedOn',
  'panel.responded': 'respondedOn',
  'national-review.published': 'publishedOn',
  'lcspr.terms-agreed': 'agreedOn',
  'lcspr.methodology-agreed': 'agreedOn',
  'lcspr.resumed': 'resumedOn',
  'lcspr.draft-received': 'receivedOn',
  'publication.report-sent': 'sentOn',
  'publication.published': 'publishedOn',
  'publication.panel-informed': 'informedOn',
  'action.completed': 'completedOn',
  // Issue 12 items 4 and 5
  'escalation.resolved': 'resolvedOn',
  'lcspr.extension-notified': 'informedOn',
  'lcspr.progress-reviewed': 'reviewedOn',
  'lcspr.involvement-recorded': 'involvedOn',
  // Issue 12 items 1, 2 and 3 (a return's receivedOn is optional: without it, the day recorded)
  'agency-return.requested': 'requestedOn',
  'agency-return.received': 'receivedOn',
  'agency-return.chased': 'chasedOn',
  'sos-ofsted.notified': 'notifiedOn',
  'notification.criteria-met': 'awareOn',
  'action.progress-updated': 'updatedOn',
};

/** Date fields that are not the day of the act (a date planned, a date due, a corrected value). */
export const DATE_FIELDS_NOT_THE_ACT: Partial<Record<CaseEventType, readonly string[]>> = {
  'publication.scheduled': ['plannedOn'],
  'publication.delayed': ['newPlannedOn'],
  'action.added': ['dueOn'],
  'fact.corrected': ['value'],
  // Issue 12 item 5: dates planned or agreed for the future
  'lcspr.completion-planned': ['plannedCompletionOn'],
  'lcspr.extended': ['newCompletionOn'],
  // Issue 12 items 1 and 3: a due date agreed
  'agency-return.requested': ['dueOn'],
  'action.due-date-changed': ['dueOn'],
};

/** Events dated only by the day they are recorded: a correction is made the day it is made. */
const RECORDED_DAY_ONLY: readonly CaseEventType[] = ['fact.corrected'];

/** What an event's envelope carries beside the actor and the day it was received. */
export interface EventEnvelope {
  occurredOn?: string;
  onBehalfOf?: Agency;
  delegationReason?: string;
}

export const ENVELOPE_FIELD_NAMES = ['occurredOn', 'onBehalfOf', 'delegationReason'] as const;

/** Whether `type` takes `occurredOn` (no date field of its own dates it). */
export function takesOccurredOn(type: CaseEventType): boolean {
  return OWN_DATE_FIELDS[type] === undefined && !RECORDED_DAY_ONLY.includes(type);
}

/** Why `occurredOn` is refused by `type`, for its 400. */
export function occurredOnRefusal(type: CaseEventType): string {
  const own = OWN_DATE_FIELDS[type];
  return own
    ? `occurredOn is not taken by ${type}: the day it happened is its own field ${own}`
    : `occurredOn is not taken by ${type}: it is dated the day it is recorded`;
}

/** The envelope classes whose fields `type` may carry. */
export function envelopeClassesOf(type: CaseEventType): (typeof OccurredOnField | typeof OnBehalfFields)[] {
  return [OccurredOnField, ...(isSignOffEvent(type) ? [OnBehalfFields] : [])];
}

/**
 * The day the act happened: its own date field, else `occurredOn`, else the day it was recorded. The audit event
 * keeps it as its `occurredOn`.
 */
export function actDateOf(
  type: string,
  payload: Record<string, unknown>,
  envelope: EventEnvelope | undefined,
  recordedOn: string,
): string {
  const own = OWN_DATE_FIELDS[type as CaseEventType];
  const ownDate = own ? payload[own] : undefined;
  return typeof ownDate === 'string' ? ownDate : (envelope?.occurredOn ?? recordedOn);
}

/** The OpenAPI description of the envelope fields, added to each event's body schema. */
export function describeEnvelope(type: CaseEventType, target: object): void {
  if (takesOccurredOn(type)) {
    ApiProperty({
      required: false,
      type: String,
      format: 'date',
      description: 'The day the act happened, when it is recorded later (not in the future, not before laAwareOn).',
    })(target, 'occurredOn');
  }
  if (isSignOffEvent(type)) {
    ApiProperty({
      required: false,
      enum: [...AGENCIES],
      description: 'The business unit only: the agency whose delegated partner signed (with delegationReason).',
    })(target, 'onBehalfOf');
    ApiProperty({
      required: false,
      type: String,
      minLength: 1,
      maxLength: TEXT_LIMITS.reason,
      description: 'Why the business unit records it on the partner’s behalf (with onBehalfOf).',
      // Given whenever onBehalfOf is: a client built from the document sends the two together.
      example: 'Delegation by exception: the partner agreed at the executive meeting.',
    })(target, 'delegationReason');
  }
}

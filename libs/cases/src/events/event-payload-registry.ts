import type { ClassConstructor } from 'class-transformer';
import { unknownField, ValidationFailedError } from '@app/common';
import type { FieldError } from '@app/common';
import { knownFields, validatePlain, validationFailed } from '../dto/validate-plain';
import {
  ENVELOPE_FIELD_NAMES,
  envelopeClassesOf,
  occurredOnRefusal,
  takesOccurredOn,
  type EventEnvelope,
} from './event-envelope';
import * as P from './event-payloads';
import * as M from './lcspr-managed-payloads';
import * as P12 from './action-plan-payloads'; // issue 12 items 3 and 8
import * as R from './rapid-review-payloads';
import { CASE_EVENT_TYPES, type CaseEventType } from './event-payloads';
import * as N from './notification-payloads';

/** The payload class of each event type. */
export const EVENT_PAYLOADS = {
  'notification.submitted': P.NotificationSubmittedPayload,
  'partners.informed': P.PartnersInformedPayload,
  'notification.withdrawn': P.NotificationWithdrawnPayload,
  'agency-return.received': P.AgencyReturnReceivedPayload,
  'rapid-review.meeting-held': P.RapidReviewMeetingHeldPayload,
  'rapid-review.recommended': P.RapidReviewRecommendedPayload,
  'decision.signed-off': P.DecisionSignedOffPayload,
  'decision.escalated': P.DecisionEscalatedPayload,
  'rapid-review.submitted': P.RapidReviewSubmittedPayload,
  'panel.responded': P.PanelRespondedPayload,
  'national-review.published': P.NationalReviewPublishedPayload,
  'lcspr.reviewer-appointed': P.LcsprReviewerAppointedPayload,
  'lcspr.terms-agreed': P.LcsprTermsAgreedPayload,
  'lcspr.methodology-agreed': P.LcsprMethodologyAgreedPayload,
  'lcspr.paused': P.LcsprPausedPayload,
  'lcspr.resumed': P.LcsprResumedPayload,
  'lcspr.draft-received': P.LcsprDraftReceivedPayload,
  'lcspr.final-report-signed-off': P.LcsprFinalReportSignedOffPayload,
  'publication.scheduled': P.PublicationScheduledPayload,
  'publication.report-sent': P.PublicationReportSentPayload,
  'publication.published': P.PublicationPublishedPayload,
  'publication.delayed': P.PublicationDelayedPayload,
  'publication.withheld': P.PublicationWithheldPayload,
  'publication.panel-informed': P.PublicationPanelInformedPayload,
  'action.added': P.ActionAddedPayload,
  'action.completed': P.ActionCompletedPayload,
  // Issue 12 items 3 and 8
  'action.progress-updated': P12.ActionProgressUpdatedPayload,
  'action.due-date-changed': P12.ActionDueDateChangedPayload,
  'action.cancelled': P12.ActionCancelledPayload,
  'document.linked': P12.DocumentLinkedPayload,
  'document.unlinked': P12.DocumentUnlinkedPayload,
  'case.closed': P.CaseClosedPayload,
  // Issue 12 items 4 and 5
  'escalation.resolved': M.EscalationResolvedPayload,
  'lcspr.completion-planned': M.LcsprCompletionPlannedPayload,
  'lcspr.extended': M.LcsprExtendedPayload,
  'lcspr.extension-notified': M.LcsprExtensionNotifiedPayload,
  'lcspr.progress-reviewed': M.LcsprProgressReviewedPayload,
  'lcspr.involvement-recorded': M.LcsprInvolvementRecordedPayload,
  // Issue 12 item 2
  'sos-ofsted.notified': N.SosOfstedNotifiedPayload,
  'notification.criteria-met': N.NotificationCriteriaMetPayload,
  'incident.details-recorded': N.IncidentDetailsRecordedPayload,
  'child.details-recorded': N.ChildDetailsRecordedPayload,
  // Issue 12 item 1
  'agency-return.requested': R.AgencyReturnRequestedPayload,
  'agency-return.chased': R.AgencyReturnChasedPayload,
  // Item 6: corrections
  'fact.corrected': P.FactCorrectedPayload,
} as const satisfies Record<CaseEventType, ClassConstructor<object>>;

/** The payload class's shape for one event type, e.g. `CaseEventPayload<'lcspr.paused'>`. */
export type CaseEventPayload<T extends CaseEventType> = InstanceType<(typeof EVENT_PAYLOADS)[T]>;

export interface ParsedCaseEvent {
  type: CaseEventType;
  /** Only the fields of the type's payload class, strings trimmed; optional fields sent as `null` are left out. */
  payload: Record<string, unknown>;
  /** Item 6: the envelope fields sent (`occurredOn`, and for a sign-off `onBehalfOf` + `delegationReason`). */
  envelope?: EventEnvelope;
}

export function isCaseEventType(value: unknown): value is CaseEventType {
  return typeof value === 'string' && (CASE_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Validates the body of `POST /cases/:id/events` (`{ type, ...payload }`): the `type` must be one of
 * {@link CASE_EVENT_TYPES}, then the other fields are checked against that type's payload class, unknown fields
 * refused. Pure: it reads nothing but `body`.
 *
 * @throws ValidationFailedError listing every bad field (and only that, whatever the body is).
 */
export function parseCaseEvent(body: unknown): ParsedCaseEvent {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationFailed([{ field: 'body', messages: ['body must be a JSON object with a type field'] }]);
  }
  const { type, ...rest } = body as Record<string, unknown>;
  if (!isCaseEventType(type)) {
    const problem = type === undefined ? 'type is required' : 'type is not a known event type';
    throw validationFailed([
      { field: 'type', messages: [`${problem}; it must be one of: ${CASE_EVENT_TYPES.join(', ')}`] },
    ]);
  }
  const envelopeBody: Record<string, unknown> = {};
  const payloadBody: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    // Defined, not assigned: a `__proto__` key stays an own field, for validation to refuse.
    const target = (ENVELOPE_FIELD_NAMES as readonly string[]).includes(key) ? envelopeBody : payloadBody;
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const errors: FieldError[] = [];
  const attempt = <T>(validate: () => T): T | undefined => {
    try {
      return validate();
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      errors.push(...error.fields);
      return undefined;
    }
  };
  const instance = attempt(() => validatePlain<object>(EVENT_PAYLOADS[type], payloadBody));
  const envelope = attempt(() => parseEnvelope(type, envelopeBody));
  if (errors.length > 0 || !instance) throw validationFailed(errors);
  return { type, payload: toPlain(instance), ...(envelope && Object.keys(envelope).length ? { envelope } : {}) };
}

/** Item 6: the envelope fields `type` takes, validated by their declarations (event-envelope.ts). */
function parseEnvelope(type: CaseEventType, body: Record<string, unknown>): EventEnvelope {
  const classes = envelopeClassesOf(type);
  const errors: FieldError[] = [];
  const envelope: Record<string, unknown> = {};
  for (const cls of classes) {
    const own = Object.fromEntries(Object.entries(body).filter(([key]) => knownFields(cls).has(key)));
    try {
      Object.assign(envelope, toPlain(validatePlain<object>(cls, own)));
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      errors.push(...error.fields);
    }
  }
  for (const key of Object.keys(body)) {
    if (!classes.some((cls) => knownFields(cls).has(key))) errors.push({ field: key, messages: [unknownField(key)] });
  }
  if (body.occurredOn !== undefined && body.occurredOn !== null && !takesOccurredOn(type)) {
    errors.push({ field: 'occurredOn', messages: [occurredOnRefusal(type)] });
  }
  if (envelope.onBehalfOf !== undefined && envelope.delegationReason === undefined) {
    errors.push({ field: 'delegationReason', messages: ['delegationReason is required with onBehalfOf'] });
  }
  if (envelope.delegationReason !== undefined && envelope.onBehalfOf === undefined) {
    errors.push({ field: 'onBehalfOf', messages: ['onBehalfOf is required with delegationReason'] });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return envelope as EventEnvelope;
}

/** The instance's own fields, minus those left unset (class fields are defined as `undefined`) or sent as `null`. */
function toPlain(instance: object): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(instance)) {
    if (value !== undefined && value !== null) payload[key] = value;
  }
  return payload;
}

import type { ClassConstructor } from 'class-transformer';
import { validatePlain, validationFailed } from '../dto/validate-plain';
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
} as const satisfies Record<CaseEventType, ClassConstructor<object>>;

/** The payload class's shape for one event type, e.g. `CaseEventPayload<'lcspr.paused'>`. */
export type CaseEventPayload<T extends CaseEventType> = InstanceType<(typeof EVENT_PAYLOADS)[T]>;

export interface ParsedCaseEvent {
  type: CaseEventType;
  /** Only the fields of the type's payload class, strings trimmed; optional fields sent as `null` are left out. */
  payload: Record<string, unknown>;
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
  const instance = validatePlain<object>(EVENT_PAYLOADS[type], rest);
  return { type, payload: toPlain(instance) };
}

/** The instance's own fields, minus those left unset (class fields are defined as `undefined`) or sent as `null`. */
function toPlain(instance: object): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(instance)) {
    if (value !== undefined && value !== null) payload[key] = value;
  }
  return payload;
}

/**
 * The payload of each case event of the HTTP contract (`POST /cases/:id/events` `{ type, ...payload }`), without
 * its `type`. One class per event type so the payload can be validated with class-validator and described in
 * Swagger; see `parseCaseEvent` for how a body is matched to its class.
 *
 * Free text is trimmed, then must be non-empty. Dates are real `YYYY-MM-DD` dates from 2000-01-01 to 2099-12-31.
 */
import { AGENCIES, type Agency } from '@app/workflows';
import { ActionIdField, BooleanField, DateField, EnumField, HttpUrlField, TextField } from '../dto/fields';

/** Every case event type of the contract, in the order of the workflow. */
export const CASE_EVENT_TYPES = [
  'notification.submitted',
  'partners.informed',
  'notification.withdrawn',
  'agency-return.received',
  'rapid-review.meeting-held',
  'rapid-review.recommended',
  'decision.signed-off',
  'decision.escalated',
  'rapid-review.submitted',
  'panel.responded',
  'national-review.published',
  'lcspr.reviewer-appointed',
  'lcspr.terms-agreed',
  'lcspr.methodology-agreed',
  'lcspr.paused',
  'lcspr.resumed',
  'lcspr.draft-received',
  'lcspr.final-report-signed-off',
  'publication.scheduled',
  'publication.report-sent',
  'publication.published',
  'publication.delayed',
  'publication.withheld',
  'publication.panel-informed',
  'action.added',
  'action.completed',
  'case.closed',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const RECOMMENDATIONS = ['lcspr', 'no-lcspr', 'national-review'] as const;
export type RecommendationValue = (typeof RECOMMENDATIONS)[number];

export const SIGN_OFF_DECISIONS = ['agree', 'disagree'] as const;
export type SignOffDecisionValue = (typeof SIGN_OFF_DECISIONS)[number];

export const PANEL_RESPONSES = ['agrees', 'challenges', 'national-review'] as const;
export type PanelResponseValue = (typeof PANEL_RESPONSES)[number];

export const PAUSE_REASONS = [
  'criminal-proceedings',
  'inquest',
  'domestic-homicide-review',
  'panel-agreement',
  'other',
] as const;
export type PauseReasonValue = (typeof PAUSE_REASONS)[number];

/** Maximum lengths of free text. */
export const TEXT_LIMITS = {
  reason: 2000,
  comment: 2000,
  note: 2000,
  description: 2000,
  rationale: 5000,
  detail: 5000,
  personName: 200,
  reference: 100,
} as const;

// Notification

export class NotificationSubmittedPayload {
  @DateField({ description: 'The day the notification was sent to the Panel.' })
  submittedOn: string;

  @TextField(TEXT_LIMITS.reference, {
    optional: true,
    description: "The Panel's reference, when known.",
    example: 'CSPRP-2026-0123',
  })
  panelReference?: string;
}

export class PartnersInformedPayload {
  @DateField()
  informedOn: string;
}

export class NotificationWithdrawnPayload {
  @TextField(TEXT_LIMITS.reason, { description: 'Why the criteria are not met.' })
  reason: string;
}

// Rapid review

export class AgencyReturnReceivedPayload {
  @EnumField(AGENCIES)
  agency: Agency;
}

export class RapidReviewMeetingHeldPayload {
  @DateField()
  heldOn: string;
}

export class RapidReviewRecommendedPayload {
  @EnumField(RECOMMENDATIONS)
  recommendation: RecommendationValue;

  @TextField(TEXT_LIMITS.rationale)
  rationale: string;
}

// Decision

/** The signing agency is the actor's own, never a payload field. */
export class DecisionSignedOffPayload {
  @EnumField(SIGN_OFF_DECISIONS)
  decision: SignOffDecisionValue;

  @TextField(TEXT_LIMITS.comment, { optional: true })
  comment?: string;
}

export class DecisionEscalatedPayload {
  @TextField(TEXT_LIMITS.note)
  note: string;
}

export class RapidReviewSubmittedPayload {
  @DateField()
  submittedOn: string;
}

// Panel response

export class PanelRespondedPayload {
  @EnumField(PANEL_RESPONSES)
  response: PanelResponseValue;

  @DateField()
  respondedOn: string;

  @TextField(TEXT_LIMITS.comment, { optional: true })
  comment?: string;
}

export class NationalReviewPublishedPayload {
  @DateField()
  publishedOn: string;
}

// LCSPR

export class LcsprReviewerAppointedPayload {
  @TextField(TEXT_LIMITS.personName, { example: 'Sam Reviewer' })
  reviewerName: string;

  @BooleanField({ example: true })
  independent: boolean;
}

export class LcsprTermsAgreedPayload {
  @DateField()
  agreedOn: string;
}

export class LcsprMethodologyAgreedPayload {
  @DateField()
  agreedOn: string;
}

export class LcsprPausedPayload {
  @EnumField(PAUSE_REASONS)
  reason: PauseReasonValue;

  @TextField(TEXT_LIMITS.detail)
  detail: string;
}

export class LcsprResumedPayload {
  @DateField()
  resumedOn: string;
}

export class LcsprDraftReceivedPayload {
  @DateField()
  receivedOn: string;
}

/** The signing agency is the actor's own, never a payload field. */
export class LcsprFinalReportSignedOffPayload {
  @EnumField(SIGN_OFF_DECISIONS)
  decision: SignOffDecisionValue;

  @TextField(TEXT_LIMITS.comment, { optional: true })
  comment?: string;
}

// Publication

export class PublicationScheduledPayload {
  @DateField()
  plannedOn: string;
}

export class PublicationReportSentPayload {
  @DateField()
  sentOn: string;
}

export class PublicationPublishedPayload {
  @DateField()
  publishedOn: string;

  @HttpUrlField()
  url: string;
}

export class PublicationDelayedPayload {
  @TextField(TEXT_LIMITS.reason)
  reason: string;

  @DateField()
  newPlannedOn: string;
}

export class PublicationWithheldPayload {
  @TextField(TEXT_LIMITS.reason)
  reason: string;
}

export class PublicationPanelInformedPayload {
  @DateField()
  informedOn: string;
}

// Learning

export class ActionAddedPayload {
  @ActionIdField()
  actionId: string;

  @TextField(TEXT_LIMITS.description)
  description: string;

  @TextField(TEXT_LIMITS.personName, {
    description: 'The person or team responsible.',
    example: 'Head of Children’s Services',
  })
  owner: string;

  @DateField()
  dueOn: string;
}

export class ActionCompletedPayload {
  @ActionIdField()
  actionId: string;

  @DateField()
  completedOn: string;
}

/** No fields: any field sent is refused. */
export class CaseClosedPayload {}

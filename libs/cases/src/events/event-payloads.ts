/**
 * The payload of each case event of the HTTP contract (`POST /cases/:id/events` `{ type, ...payload }`), without
 * its `type`. One class per event type so the payload can be validated with class-validator and described in
 * Swagger; see `parseCaseEvent` for how a body is matched to its class.
 *
 * Free text is trimmed, then must be non-empty. Dates are real `YYYY-MM-DD` dates from 2000-01-01 to 2099-12-31.
 */
import {
  ACTION_SOURCES,
  AGENCIES,
  PARALLEL_PROCESSES,
  type ActionSource,
  type ParallelProcess,
} from '@app/workflows';
import {
  ActionIdField,
  AgencyField,
  AgencyListField,
  BooleanField,
  DateField,
  EnumField,
  EnumListField,
  HttpUrlField,
  PairedBooleanField,
  PairedTextField,
  TextField,
  UserIdField,
} from '../dto/fields';

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
  // Issue 12 items 3 and 8
  'action.progress-updated',
  'action.due-date-changed',
  'action.cancelled',
  'document.linked',
  'document.unlinked',
  'case.closed',
  // Issue 12 items 4 and 5: escalations resolved; the LCSPR managed (payloads in lcspr-managed-payloads.ts)
  'escalation.resolved',
  'lcspr.completion-planned',
  'lcspr.extended',
  'lcspr.extension-notified',
  'lcspr.progress-reviewed',
  'lcspr.involvement-recorded',
  // Issue 12 item 2: the looked-after child's death and the Panel's notification fields
  'sos-ofsted.notified',
  'notification.criteria-met',
  'incident.details-recorded',
  'child.details-recorded',
  // Issue 12 item 1: agency returns (payloads in rapid-review-payloads.ts)
  'agency-return.requested',
  'agency-return.chased',
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
  documentTitle: 200, // issue 12 item 8
} as const;

// Notification

export class NotificationSubmittedPayload {
  @DateField({
    description: 'The day the notification was sent to the Panel.',
    label: 'Date the notification was sent to the Panel',
  })
  submittedOn: string;

  @TextField(TEXT_LIMITS.reference, {
    optional: true,
    description: "The Panel's reference, when known.",
    example: 'CSPRP-2026-0123',
    label: "The Panel's reference",
    hint: 'For example, CSPRP-2026-0123',
  })
  panelReference?: string;
}

export class PartnersInformedPayload {
  @DateField({ label: 'Date the safeguarding partners were informed' })
  informedOn: string;
}

export class NotificationWithdrawnPayload {
  @TextField(TEXT_LIMITS.reason, {
    description: 'Why the criteria are not met.',
    label: 'Why the criteria for a notification are not met',
  })
  reason: string;
}

// Rapid review

export class AgencyReturnReceivedPayload {
  @AgencyField({
    description:
      "One of the case's relevant agencies (422 otherwise); a case of machine version 1 takes only " +
      `${AGENCIES.join(', ')}.`,
    label: 'Which agency sent its return?',
    errorIfMissing: 'Select the agency that sent its return',
  })
  agency: string;

  // Issue 12 item 1 (machine version 2; a version-1 case refuses them with 422)
  @DateField({
    optional: true,
    description: 'The day the return arrived; by default the day the act is dated (the day it is recorded).',
    label: 'Date the return arrived',
    hint: 'Leave blank if it arrived today. For example, 14 1 2026',
  })
  receivedOn?: string;

  @BooleanField({
    optional: true,
    description: 'true: a nil return (the agency had no involvement with the child or family).',
    label: 'Is it a nil return?',
    hint: 'A nil return says the agency had no involvement with the child or family',
  })
  nilReturn?: boolean;
}

export class RapidReviewMeetingHeldPayload {
  @DateField({ label: 'Date of the rapid review meeting' })
  heldOn: string;

  // Issue 12 item 1 (machine version 2; a version-1 case refuses them with 422)
  @AgencyListField({
    optional: true,
    description: "The case's relevant agencies represented at the meeting (422 for an agency not in its list).",
    label: 'Which agencies were present?',
  })
  agenciesPresent?: string[];

  @BooleanField({ optional: true, label: 'Was the meeting quorate?' })
  quorate?: boolean;
}

export class RapidReviewRecommendedPayload {
  @EnumField(RECOMMENDATIONS, {
    label: 'What does the subgroup recommend?',
    errorIfMissing: 'Select what the subgroup recommends',
  })
  recommendation: RecommendationValue;

  @TextField(TEXT_LIMITS.rationale, { label: 'Why this is recommended', hint: 'Do not name the children.' })
  rationale: string;

  // Issue 12 item 1: the test against the criteria for a review (reg 11 of the 2018 Regulations; rules.md rule 13),
  // each a yes or no with its reasons, then what else the rapid review found (machine version 2; optional)
  @PairedBooleanField('improvementsNeededReasons', {
    label: 'Criterion (a): does the case highlight, or may it highlight, improvements needed to safeguard children?',
    hint: 'Including improvements already identified',
    errorIfMissing: 'Select yes or no for criterion (a), improvements needed',
  })
  improvementsNeeded?: boolean;

  @PairedTextField('improvementsNeeded', TEXT_LIMITS.rationale, {
    label: 'Reasons for your answer to criterion (a)',
    hint: 'Do not name the children.',
    errorIfMissing: 'Enter the reasons for your answer to criterion (a)',
  })
  improvementsNeededReasons?: string;

  @PairedBooleanField('recurrentThemesReasons', {
    label: 'Criterion (b): does the case highlight, or may it highlight, recurrent themes in safeguarding children?',
    errorIfMissing: 'Select yes or no for criterion (b), recurrent themes',
  })
  recurrentThemes?: boolean;

  @PairedTextField('recurrentThemes', TEXT_LIMITS.rationale, {
    label: 'Reasons for your answer to criterion (b)',
    hint: 'Do not name the children.',
    errorIfMissing: 'Enter the reasons for your answer to criterion (b)',
  })
  recurrentThemesReasons?: string;

  @PairedBooleanField('agenciesWorkingTogetherReasons', {
    label:
      'Criterion (c): does the case highlight, or may it highlight, concerns about two or more agencies working together?',
    errorIfMissing: 'Select yes or no for criterion (c), agencies working together',
  })
  agenciesWorkingTogether?: boolean;

  @PairedTextField('agenciesWorkingTogether', TEXT_LIMITS.rationale, {
    label: 'Reasons for your answer to criterion (c)',
    hint: 'Do not name the children.',
    errorIfMissing: 'Enter the reasons for your answer to criterion (c)',
  })
  agenciesWorkingTogetherReasons?: string;

  @PairedBooleanField('panelConsideredLocalReasons', {
    label: 'Criterion (d): is it a case the Panel considered and thought better reviewed locally?',
    errorIfMissing: 'Select yes or no for criterion (d), the Panel thought it better reviewed locally',
  })
  panelConsideredLocal?: boolean;

  @PairedTextField('panelConsideredLocal', TEXT_LIMITS.rationale, {
    label: 'Reasons for your answer to criterion (d)',
    hint: 'Do not name the children.',
    errorIfMissing: 'Enter the reasons for your answer to criterion (d)',
  })
  panelConsideredLocalReasons?: string;

  @TextField(TEXT_LIMITS.detail, {
    optional: true,
    label: 'Immediate safety actions taken',
    hint: 'What was done to keep children safe now. Do not name the children.',
  })
  immediateSafetyActions?: string;

  @EnumListField(PARALLEL_PROCESSES, {
    optional: true,
    label: 'Which parallel processes are under way?',
    hint: 'Select all that apply',
    labels: { other: 'Another process' },
  })
  parallelProcesses?: ParallelProcess[];

  @TextField(TEXT_LIMITS.detail, {
    optional: true,
    label: 'Learning identified',
    hint: 'Do not name the children.',
  })
  learningIdentified?: string;
}

// Decision

/** The signing agency is the actor's own, never a payload field. */
export class DecisionSignedOffPayload {
  @EnumField(SIGN_OFF_DECISIONS, {
    label: 'Do you agree with the recommendation?',
    errorIfMissing: 'Select if you agree or disagree with the recommendation',
  })
  decision: SignOffDecisionValue;

  @TextField(TEXT_LIMITS.comment, { optional: true, label: 'Comment', hint: 'Do not name the children.' })
  comment?: string;
}

export class DecisionEscalatedPayload {
  @TextField(TEXT_LIMITS.note, {
    label: 'Note for the lead partners',
    hint: 'What the partners disagree about. Do not name the children.',
    errorIfMissing: 'Enter a note for the lead partners',
  })
  note: string;
}

export class RapidReviewSubmittedPayload {
  @DateField({ label: 'Date the rapid review was sent to the Panel' })
  submittedOn: string;
}

// Panel response

export class PanelRespondedPayload {
  @EnumField(PANEL_RESPONSES, { label: 'What did the Panel say?', errorIfMissing: "Select the Panel's response" })
  response: PanelResponseValue;

  @DateField({ label: "Date of the Panel's response" })
  respondedOn: string;

  @TextField(TEXT_LIMITS.comment, { optional: true, label: 'Comment', hint: 'Do not name the children.' })
  comment?: string;
}

export class NationalReviewPublishedPayload {
  @DateField({ label: 'Date the national review was published' })
  publishedOn: string;
}

// LCSPR

export class LcsprReviewerAppointedPayload {
  @TextField(TEXT_LIMITS.personName, { example: 'Sam Reviewer', label: "Reviewer's full name" })
  reviewerName: string;

  @BooleanField({
    example: true,
    label: 'Is the reviewer independent of the partnership?',
    errorIfMissing: 'Select yes if the reviewer is independent of the partnership',
  })
  independent: boolean;

  @UserIdField({
    optional: true,
    description:
      "Machine version 2: the reviewer's account, a user of the partnership holding the lead-reviewer role (422 " +
      'otherwise). They then read this case and may record its drafts.',
    label: "The reviewer's user ID, if they have an account",
    hint: 'Shown on the manage users page. Leave blank if the reviewer does not use this service.',
  })
  reviewerUserId?: string;
}

export class LcsprTermsAgreedPayload {
  @DateField({ label: 'Date the terms of reference were agreed' })
  agreedOn: string;
}

export class LcsprMethodologyAgreedPayload {
  @DateField({ label: 'Date the methodology was agreed' })
  agreedOn: string;
}

export class LcsprPausedPayload {
  @EnumField(PAUSE_REASONS, { label: 'Why is the review paused?', errorIfMissing: 'Select why the review is paused' })
  reason: PauseReasonValue;

  @TextField(TEXT_LIMITS.detail, {
    label: 'Details of the pause',
    hint: 'For example, when the proceedings are expected to end. Do not name the children.',
  })
  detail: string;
}

export class LcsprResumedPayload {
  @DateField({ label: 'Date the review resumed' })
  resumedOn: string;
}

export class LcsprDraftReceivedPayload {
  @DateField({ label: 'Date the draft report was received' })
  receivedOn: string;
}

/** The signing agency is the actor's own, never a payload field. */
export class LcsprFinalReportSignedOffPayload {
  @EnumField(SIGN_OFF_DECISIONS, {
    label: 'Do you agree with the final report?',
    errorIfMissing: 'Select if you agree or disagree with the final report',
  })
  decision: SignOffDecisionValue;

  @TextField(TEXT_LIMITS.comment, { optional: true, label: 'Comment', hint: 'Do not name the children.' })
  comment?: string;
}

// Publication

export class PublicationScheduledPayload {
  @DateField({ label: 'Planned publication date', hint: 'A date after today, for example 15 7 2026' })
  plannedOn: string;
}

export class PublicationReportSentPayload {
  @DateField({ label: 'Date the final report was sent to the Panel and the Secretary of State' })
  sentOn: string;
}

export class PublicationPublishedPayload {
  @DateField({ label: 'Date the report was published' })
  publishedOn: string;

  @HttpUrlField({
    label: 'Web address of the published report',
    hint: 'For example, https://www.example.org/reports/lcspr.pdf',
  })
  url: string;
}

export class PublicationDelayedPayload {
  @TextField(TEXT_LIMITS.reason, { label: 'Why publication is delayed', hint: 'Do not name the children.' })
  reason: string;

  @DateField({ label: 'New planned publication date', hint: 'A date after today, for example 15 7 2026' })
  newPlannedOn: string;
}

export class PublicationWithheldPayload {
  @TextField(TEXT_LIMITS.reason, { label: 'Why the report will not be published', hint: 'Do not name the children.' })
  reason: string;
}

export class PublicationPanelInformedPayload {
  @DateField({ label: 'Date the Panel and the Secretary of State were told' })
  informedOn: string;
}

// Learning

export class ActionAddedPayload {
  @ActionIdField({
    label: 'Action reference',
    hint: 'Unique within the case: letters, numbers, hyphens, underscores or full stops, for example A-1',
  })
  actionId: string;

  @TextField(TEXT_LIMITS.description, { label: 'What needs to be done' })
  description: string;

  @TextField(TEXT_LIMITS.personName, {
    description: 'The person or team responsible.',
    example: 'Head of Children’s Services',
    label: 'Who is responsible',
    hint: 'A person or a team, for example Head of Children’s Services',
    errorIfMissing: 'Enter who is responsible for the action',
  })
  owner: string;

  @DateField({ label: 'Due date', hint: 'Not before the day the action is added. For example, 27 3 2026' })
  dueOn: string;

  // Issue 12 item 3 (version 2): optional, so clients of version 1 keep working; the page asks for them.
  @AgencyField({
    optional: true,
    description: 'The relevant agency that owns the action; its delegated partner hears when it is overdue.',
    label: 'Which agency owns the action?',
  })
  owningAgency?: string;

  @TextField(TEXT_LIMITS.personName, {
    optional: true,
    description: "The action's named lead: a person's name or role.",
    example: 'Detective Chief Inspector, Public Protection',
    label: 'Who leads the action',
    hint: "A person's name or role in the owning agency",
  })
  lead?: string;

  @EnumField(ACTION_SOURCES, {
    optional: true,
    description:
      'Where the action came from. By default the review the case is in: the rapid review, the LCSPR or the national review.',
    label: 'Where did the action come from?',
    hint: 'Leave blank for the review the case is in now',
    optionLabels: { other: 'Somewhere else' },
  })
  source?: ActionSource;
}

export class ActionCompletedPayload {
  @ActionIdField({ label: 'Action reference', hint: 'For example, A-1' })
  actionId: string;

  @DateField({ label: 'Date the action was completed' })
  completedOn: string;
}

/** No fields: any field sent is refused. */
export class CaseClosedPayload {}

/**
 * `GET /cases/:id/record`: everything a case holds, in one section per stage. Dates are `YYYY-MM-DD` (London),
 * instants ISO 8601. A field that was never written is absent; a list that is empty is `[]`. The restricted parts
 * (`RECORD_VISIBILITY`) are absent for a reader whose roles do not read them, and `restricted` names them.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_PROGRESS_STATUSES,
  ACTION_SOURCES,
  ACTION_STATUSES,
  AGENCIES,
  CASE_STAGES,
  CASE_STATES,
  DOCUMENT_KINDS,
  PARALLEL_PROCESSES,
  RELEVANT_AGENCY_KEY,
  RESTRICTED_RECORD_PARTS,
  REVIEW_CRITERIA,
} from '@app/workflows';
import { ABUSE_OR_NEGLECT, CHILD_SEXES, INCIDENT_TYPES } from '../dto/open-case.dto';
import {
  CHILD_PLANS,
  CONTRIBUTING_FACTORS,
  DISABILITY_TYPES,
  HARM_CATEGORIES,
  NOTIFICATION_NATURES,
  PLACEMENT_TYPES,
} from '../dto/notification-codes';
import { PANEL_RESPONSES, PAUSE_REASONS, RECOMMENDATIONS, SIGN_OFF_DECISIONS } from '../events/event-payloads';
import { INVOLVED } from '../events/lcspr-managed-payloads';

const DATE = { type: String, format: 'date', example: '2026-01-14' } as const;
const DATES = { type: String, format: 'date', isArray: true, example: ['2026-01-14'] } as const;
const INSTANT = { type: String, format: 'date-time' } as const;
const UUID = { type: String, format: 'uuid' } as const;
const INTEGER = { type: 'integer' } as const;

export const ROUND_OUTCOMES = ['agreed', 'disputed'] as const;
export const PUBLICATION_CHANGES = ['delay', 'withhold'] as const;

export class ChildRecordView {
  @ApiProperty({ ...INTEGER, minimum: 0, maximum: 24, description: '18 to 24 only for the death of a care leaver' })
  ageYears: number;
  @ApiProperty({ enum: CHILD_SEXES }) sex: string;
  @ApiPropertyOptional({ description: "The DfE's ethnicity code (`WBRI`, ...), or the text a client sent" })
  ethnicity?: string;
  @ApiPropertyOptional({
    description: '`disabled`, `not-disabled` or `disability-not-known`, or the text a client sent',
  })
  disability?: string;
  // Issue 12 item 2
  @ApiPropertyOptional({ enum: DISABILITY_TYPES, isArray: true }) disabilityTypes?: string[];
  @ApiPropertyOptional({ enum: CHILD_PLANS, isArray: true }) plans?: string[];
  @ApiPropertyOptional({ enum: PLACEMENT_TYPES }) placementType?: string;
  @ApiPropertyOptional({ type: String, isArray: true, description: "Keys of the case's relevant agencies" })
  knownToAgencies?: string[];
}

export class IncidentRecordView {
  @ApiProperty(DATE) incidentOn: string;
  @ApiProperty({ enum: INCIDENT_TYPES }) incidentType: string;
  @ApiProperty({ enum: ABUSE_OR_NEGLECT }) abuseOrNeglect: string;
  @ApiProperty({ type: Boolean }) lookedAfter: boolean;
  @ApiPropertyOptional({ type: [ChildRecordView], description: 'Absent when `restricted` lists `children`' })
  children?: ChildRecordView[];
  @ApiPropertyOptional({ description: 'What happened. Absent when `restricted` lists `summary`' })
  summary?: string;
  // Issue 12 item 2: case-level, read by every role (none identifies a child)
  @ApiPropertyOptional() localAuthorityOfResidence?: string;
  @ApiPropertyOptional() localAuthorityOfIncident?: string;
  @ApiPropertyOptional({ enum: HARM_CATEGORIES, isArray: true }) harmCategories?: string[];
  @ApiPropertyOptional({ enum: CONTRIBUTING_FACTORS, isArray: true }) contributingFactors?: string[];
}

/** Issue 12 item 2: which notification the case follows. */
export class NotificationPathRecordView {
  @ApiProperty({
    enum: NOTIFICATION_NATURES,
    description:
      'The path the case follows now: `serious-incident` (the Panel), or `looked-after-death`/`care-leaver-death` ' +
      '(the Secretary of State and Ofsted only)',
  })
  path: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_NATURES, description: 'What was notified (absent on older cases)' })
  nature?: string;
  @ApiProperty({ type: Boolean, description: 'Whether the Secretary of State and Ofsted are to be notified' })
  toSosOfsted: boolean;
  @ApiPropertyOptional(DATE) sosOfstedNotifiedOn?: string;
  @ApiPropertyOptional({
    ...DATE,
    description:
      'The day abuse or neglect came to be known or suspected, moving the case onto the serious incident path',
  })
  criteriaMetOn?: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_NATURES, description: 'The path the case was opened on, once it moved' })
  openedAs?: string;
  @ApiPropertyOptional({ ...DATE, description: "The last day the notification's details were recorded after opening" })
  detailsRecordedOn?: string;
}

export class WithdrawalRecordView {
  @ApiProperty() reason: string;
  @ApiProperty(DATE) withdrawnOn: string;
}

export class NotificationRecordView {
  @ApiProperty({ ...DATE, description: 'The day the local authority became aware; the first clocks start here' })
  laAwareOn: string;
  @ApiPropertyOptional({ ...DATE, description: 'The day the notification was sent to the Panel' }) submittedOn?: string;
  @ApiPropertyOptional({ example: 'CSPRP-2026-0123' }) panelReference?: string;
  @ApiPropertyOptional({ ...DATE, description: 'The day the executive and lead partners were told' })
  partnersInformedOn?: string;
  @ApiPropertyOptional({ type: WithdrawalRecordView, description: 'The criteria were not met: the case closed' })
  withdrawn?: WithdrawalRecordView;
}

const AGENCY_KEY = { type: String, pattern: RELEVANT_AGENCY_KEY.source, example: 'education' } as const;

export class AgencyReturnRecordView {
  @ApiProperty({
    ...AGENCY_KEY,
    description: `One of ${AGENCIES.join(', ')} on machine version 1; on version 2 a key of the case's relevant agencies`,
  })
  agency: string;
  @ApiProperty({
    ...DATE,
    description:
      'Version 1: the day it was recorded; version 2: the day it arrived (`receivedOn` as sent, by default the day recorded)',
  })
  receivedOn: string;
}

// Issue 12 item 1: the rapid review's returns, meetings and recommendations in full

export class AgencyReturnRequestView {
  @ApiProperty(DATE) requestedOn: string;
  @ApiPropertyOptional({ ...DATE, description: 'A due date agreed with the agency, when one was' })
  agreedDueOn?: string;
}

export class AgencyReturnChaseView {
  @ApiProperty(DATE) chasedOn: string;
  @ApiPropertyOptional() note?: string;
}

export class AgencyReturnStatusView {
  @ApiProperty({ ...AGENCY_KEY, description: "A key of the case's relevant agencies" }) agency: string;
  @ApiProperty({
    enum: ['outstanding', 'overdue', 'received', 'nil-return', 'cancelled'],
    description:
      'outstanding: asked, not yet due; overdue: past its due date; received or nil-return; cancelled: no longer ' +
      'awaited (the rapid review was sent or the notification withdrawn first)',
  })
  status: string;
  @ApiPropertyOptional({ ...DATE, description: 'The latest request; absent for a return never asked for' })
  requestedOn?: string;
  @ApiPropertyOptional({
    ...DATE,
    description:
      "When the return is (or was) due: the agreed date, or the rulebook's count with the partnership's settings",
  })
  dueOn?: string;
  @ApiPropertyOptional({ ...DATE, description: 'The day it arrived' }) receivedOn?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'true when it arrived after its due date' })
  receivedLate?: boolean;
  @ApiProperty({ type: [AgencyReturnRequestView], description: 'Every request, oldest first' })
  requests: AgencyReturnRequestView[];
  @ApiProperty({ type: [AgencyReturnChaseView], description: 'Chases recorded, oldest first' })
  chases: AgencyReturnChaseView[];
}

export class MeetingRecordView {
  @ApiProperty(DATE) heldOn: string;
  @ApiPropertyOptional({ ...AGENCY_KEY, isArray: true, description: "Keys of the case's relevant agencies present" })
  agenciesPresent?: string[];
  @ApiPropertyOptional({ type: Boolean, description: 'Whether the meeting was quorate, when recorded' })
  quorate?: boolean;
}

export class CriterionAnswerView {
  @ApiProperty({ enum: REVIEW_CRITERIA.map((c) => c.criterion) }) criterion: string;
  @ApiProperty({ type: Boolean, description: 'Whether the case highlights (or may highlight) it' }) applies: boolean;
  @ApiPropertyOptional() reasons?: string;
}

export class RecommendationRoundRecordView {
  @ApiProperty({ ...INTEGER, minimum: 1, description: 'The decision round it opened' }) round: number;
  @ApiProperty({ enum: RECOMMENDATIONS }) recommendation: string;
  @ApiProperty() rationale: string;
  @ApiProperty(DATE) recommendedOn: string;
  @ApiProperty({
    type: [CriterionAnswerView],
    description: 'The criteria answered, in the order of reg 11 ((a) to (d)); [] when none was',
  })
  criteria: CriterionAnswerView[];
  @ApiPropertyOptional() immediateSafetyActions?: string;
  @ApiPropertyOptional({ enum: PARALLEL_PROCESSES, isArray: true }) parallelProcesses?: string[];
  @ApiPropertyOptional() learningIdentified?: string;
}

export class RecommendationRecordView {
  @ApiProperty({ enum: RECOMMENDATIONS }) recommendation: string;
  @ApiProperty() rationale: string;
  @ApiProperty(DATE) recommendedOn: string;
}

export class RapidReviewRecordView {
  @ApiProperty({ type: [AgencyReturnRecordView] }) agencyReturns: AgencyReturnRecordView[];
  @ApiProperty({ ...DATES, description: 'The days rapid review meetings were held, earliest first' })
  meetingsHeldOn: string[];
  @ApiPropertyOptional({
    type: RecommendationRecordView,
    description:
      "The latest recommendation; each decision round names the one it signed, and earlier rationales are in the case's history",
  })
  recommendation?: RecommendationRecordView;
  @ApiProperty({ ...DATES, description: 'Each day the rapid review was sent to the Panel (again after a challenge)' })
  submittedOn: string[];
  // Issue 12 item 1
  @ApiProperty({
    type: [AgencyReturnStatusView],
    description:
      'Version 2: each agency asked for a return or that sent one, in the order first asked; [] on version 1',
  })
  returns: AgencyReturnStatusView[];
  @ApiProperty({
    type: [MeetingRecordView],
    description: 'Every meeting by date, with the agencies present and quorum where recorded (version 2)',
  })
  meetings: MeetingRecordView[];
  @ApiProperty({
    type: [RecommendationRoundRecordView],
    description: 'Version 2: every recommendation with its test against the criteria, oldest first; [] on version 1',
  })
  recommendations: RecommendationRoundRecordView[];
}

export class SignOffRecordView {
  @ApiProperty({ enum: AGENCIES }) agency: string;
  @ApiProperty({ enum: SIGN_OFF_DECISIONS }) decision: string;
  @ApiProperty({ description: 'Name of the delegated partner who signed' }) by: string;
  @ApiProperty(UUID) byId: string;
  @ApiProperty(DATE) signedOn: string;
  @ApiPropertyOptional() comment?: string;
}

/** Issue 12 item 4: the decision the lead partners reached on an escalation (machine version 2). */
export class EscalationResolutionRecordView {
  @ApiProperty({ enum: RECOMMENDATIONS }) outcome: string;
  @ApiProperty({ ...DATE, description: 'The day the lead partners reached the decision' }) resolvedOn: string;
  @ApiProperty(UUID) byId: string;
  @ApiPropertyOptional({ description: "The lead partner's name, when the user is known" }) by?: string;
  @ApiPropertyOptional() note?: string;
}

export class EscalationRecordView {
  @ApiProperty() note: string;
  @ApiProperty(DATE) escalatedOn: string;
  @ApiProperty(UUID) byId: string;
  @ApiPropertyOptional({ description: "The sender's name, when the user is known" }) by?: string;
  @ApiPropertyOptional({
    type: EscalationResolutionRecordView,
    description: 'Absent while the lead partners have not resolved it',
  })
  resolution?: EscalationResolutionRecordView;
}

export class SignOffRoundRecordView {
  @ApiProperty({ ...INTEGER, minimum: 1 }) round: number;
  @ApiProperty(DATE) openedOn: string;
  @ApiPropertyOptional({ enum: RECOMMENDATIONS, description: 'What the partners sign (decision rounds)' })
  recommendation?: string;
  @ApiPropertyOptional({ enum: ROUND_OUTCOMES, description: 'Absent while the round is open' }) outcome?: string;
  @ApiProperty({ type: [SignOffRecordView], description: 'In the order they were given' })
  signOffs: SignOffRecordView[];
  @ApiProperty({
    enum: AGENCIES,
    isArray: true,
    description: 'Signing agencies without a sign-off in this round (awaited while it is open)',
  })
  notSignedBy: string[];
  @ApiProperty({ type: [EscalationRecordView] }) escalations: EscalationRecordView[];
}

export class DecisionRecordView {
  @ApiProperty({ enum: AGENCIES, isArray: true, description: 'The agencies whose delegated partners sign off' })
  signOffAgencies: string[];
  @ApiPropertyOptional({ enum: RECOMMENDATIONS, description: 'The agreed decision, while it stands' })
  outcome?: string;
  @ApiPropertyOptional({ ...DATE, description: "The last sign-off's date" }) decidedOn?: string;
  @ApiProperty({ type: [SignOffRoundRecordView], description: 'Every round, oldest first' })
  rounds: SignOffRoundRecordView[];
}

export class PanelResponseRecordView {
  @ApiProperty({ enum: PANEL_RESPONSES }) response: string;
  @ApiProperty(DATE) respondedOn: string;
  @ApiPropertyOptional() comment?: string;
}

export class PanelResponseSectionView {
  @ApiProperty({ type: [PanelResponseRecordView], description: 'Every response, oldest first' })
  responses: PanelResponseRecordView[];
}

export class NationalReviewRecordView {
  @ApiPropertyOptional(DATE) publishedOn?: string;
}

export class ReviewerRecordView {
  @ApiProperty() name: string;
  @ApiProperty({ type: Boolean }) independent: boolean;
  @ApiPropertyOptional({ ...UUID, description: "The reviewer's account (a lead reviewer), when they have one" })
  userId?: string;
}

/* Issue 12 item 5: the LCSPR managed (machine version 2; empty lists on a version 1 case). */

export class LcsprExtensionRecordView {
  @ApiProperty() reason: string;
  @ApiProperty({ ...DATE, description: 'The agreed new completion date: the review is due then' })
  newCompletionOn: string;
  @ApiProperty({ ...DATE, description: 'The day the extension was agreed: the notice clock starts then' })
  agreedOn: string;
  @ApiPropertyOptional({ ...DATE, description: 'When the Panel and the Secretary of State were told' })
  informedOn?: string;
}

export class LcsprProgressReviewRecordView {
  @ApiProperty(DATE) reviewedOn: string;
  @ApiProperty() note: string;
  @ApiProperty(UUID) byId: string;
  @ApiPropertyOptional({ description: "The recorder's name, when the user is known" }) by?: string;
}

export class LcsprInvolvementRecordView {
  @ApiProperty({ enum: INVOLVED }) who: string;
  @ApiProperty(DATE) involvedOn: string;
  @ApiProperty() note: string;
  @ApiProperty(UUID) byId: string;
  @ApiPropertyOptional({ description: "The recorder's name, when the user is known" }) by?: string;
}

export class PauseRecordView {
  @ApiProperty({ enum: PAUSE_REASONS }) reason: string;
  @ApiPropertyOptional({ description: "The current pause's detail; earlier ones are in the case's history" })
  detail?: string;
  @ApiProperty(DATE) pausedOn: string;
  @ApiPropertyOptional({ ...DATE, description: 'Absent while paused' }) resumedOn?: string;
}

export class LcsprRecordView {
  @ApiPropertyOptional({ type: ReviewerRecordView }) reviewer?: ReviewerRecordView;
  @ApiPropertyOptional(DATE) termsAgreedOn?: string;
  @ApiPropertyOptional(DATE) methodologyAgreedOn?: string;
  @ApiProperty(DATES) draftsReceivedOn: string[];
  @ApiProperty({
    type: [PauseRecordView],
    description: 'Every pause, oldest first; the last is current if not resumed',
  })
  pauses: PauseRecordView[];
  @ApiProperty({ type: [SignOffRoundRecordView], description: 'One round per draft, oldest first' })
  finalReportRounds: SignOffRoundRecordView[];
  @ApiPropertyOptional({ ...DATE, description: 'The planned completion date' }) plannedCompletionOn?: string;
  @ApiProperty({ type: [LcsprExtensionRecordView], description: 'Every agreed extension, oldest first' })
  extensions: LcsprExtensionRecordView[];
  @ApiProperty({ type: [LcsprProgressReviewRecordView], description: 'Every progress review, in the order recorded' })
  progressReviews: LcsprProgressReviewRecordView[];
  @ApiProperty({ type: [LcsprInvolvementRecordView], description: 'Practitioner and family involvement, as recorded' })
  involvement: LcsprInvolvementRecordView[];
}

export class PendingPublicationChangeView {
  @ApiProperty({ enum: PUBLICATION_CHANGES }) kind: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ ...DATE, description: 'A delay only' }) newPlannedOn?: string;
  @ApiProperty(DATE) decidedOn: string;
}

export class PublicationDelayRecordView {
  @ApiProperty() reason: string;
  @ApiProperty({ ...DATE, description: 'The date planned before the delay' }) plannedOn: string;
  @ApiProperty(DATE) newPlannedOn: string;
  @ApiProperty(DATE) panelInformedOn: string;
}

export class WithholdingRecordView {
  @ApiProperty() reason: string;
  @ApiProperty(DATE) decidedOn: string;
  @ApiProperty(DATE) panelInformedOn: string;
}

export class PublicationRecordView {
  @ApiPropertyOptional(DATE) plannedOn?: string;
  @ApiPropertyOptional({ ...DATE, description: 'Sent to the Panel and the Secretary of State' }) reportSentOn?: string;
  @ApiPropertyOptional(DATE) publishedOn?: string;
  @ApiPropertyOptional({ type: String, format: 'uri', example: 'https://partnership.example/reports/1' }) url?: string;
  @ApiPropertyOptional({
    type: PendingPublicationChangeView,
    description: 'A delay or withholding the Panel and Secretary of State are still to be told of',
  })
  pending?: PendingPublicationChangeView;
  @ApiProperty({ type: [PublicationDelayRecordView] }) delays: PublicationDelayRecordView[];
  @ApiPropertyOptional({ type: WithholdingRecordView }) withheld?: WithholdingRecordView;
}

// Issue 12 item 3: the action plan, tracked
export class ActionProgressRecordView {
  @ApiProperty(DATE) updatedOn: string;
  @ApiProperty({ enum: ACTION_PROGRESS_STATUSES }) status: string;
  @ApiProperty() note: string;
}

export class ActionDueDateChangeRecordView {
  @ApiProperty({ ...DATE, description: 'The due date before the change' }) from: string;
  @ApiProperty({ ...DATE, description: 'The new due date' }) to: string;
  @ApiProperty() reason: string;
  @ApiProperty(DATE) changedOn: string;
}

export class ActionCancelledRecordView {
  @ApiProperty() reason: string;
  @ApiProperty(DATE) cancelledOn: string;
}

export class ActionRecordView {
  @ApiProperty({ example: 'A-1' }) id: string;
  @ApiProperty() description: string;
  @ApiProperty() owner: string;
  @ApiProperty({ ...DATE, description: 'The current due date (after any agreed change)' }) dueOn: string;
  @ApiProperty(DATE) addedOn: string;
  @ApiPropertyOptional(DATE) completedOn?: string;
  @ApiPropertyOptional({
    example: 'police',
    pattern: '^[a-z][a-z0-9-]{1,39}$',
    description: 'The key of the relevant agency that owns it (version 2; absent when none was given)',
  })
  owningAgency?: string;
  @ApiPropertyOptional({ description: "The named lead: a person's name or role" }) lead?: string;
  @ApiPropertyOptional({ enum: ACTION_SOURCES, description: 'Where it came from (absent on version 1)' })
  source?: string;
  @ApiProperty({
    enum: ACTION_STATUSES,
    description: 'completed or cancelled once done; else the latest progress status, `not-started` before any',
  })
  status: string;
  @ApiProperty({ type: [ActionProgressRecordView], description: 'Every progress update, in the order recorded' })
  progress: ActionProgressRecordView[];
  @ApiProperty({ type: [ActionDueDateChangeRecordView], description: 'Every agreed change of the due date' })
  dueDateChanges: ActionDueDateChangeRecordView[];
  @ApiPropertyOptional({ type: ActionCancelledRecordView }) cancelled?: ActionCancelledRecordView;
  @ApiPropertyOptional({
    ...DATE,
    description: "The day the overdue action was first escalated to the owning agency's delegated partner",
  })
  escalatedOn?: string;
}

export class LearningRecordView {
  @ApiProperty({ type: [ActionRecordView], description: 'The action plan, in the order added (then by id)' })
  actions: ActionRecordView[];
}

// Issue 12 item 8: documents by reference
export class DocumentUnlinkedRecordView {
  @ApiProperty() reason: string;
  @ApiProperty(DATE) unlinkedOn: string;
}

export class DocumentRecordView {
  @ApiProperty({ example: 'D-1', pattern: '^[A-Za-z0-9._-]{1,60}$' }) id: string;
  @ApiProperty({ example: 'Police agency return for the rapid review' }) title: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty({
    type: String,
    format: 'uri',
    description: "The document's address in the partnership's own document store",
  })
  url: string;
  @ApiProperty(DATE) linkedOn: string;
  @ApiPropertyOptional({ type: DocumentUnlinkedRecordView, description: 'The link was removed: kept, with why' })
  unlinked?: DocumentUnlinkedRecordView;
}

export class RelevantAgencyView {
  @ApiProperty({ example: 'education', pattern: '^[a-z][a-z0-9-]{1,39}$' }) key: string;
  @ApiProperty({ example: 'Schools and education' }) name: string;
}

export class CaseRecordView {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ example: 'CSPR-2026-0007' }) reference: string;
  @ApiProperty({ enum: CASE_STAGES, example: 'decision' }) stage: string;
  @ApiProperty({ enum: CASE_STATES, example: 'decision.awaiting-sign-off' }) state: string;
  @ApiProperty({ ...INTEGER, description: 'Goes up by one with every change; send it as If-Match' }) version: number;
  @ApiProperty(INSTANT) openedAt: string;
  @ApiProperty({
    enum: RESTRICTED_RECORD_PARTS,
    isArray: true,
    description: "The parts withheld from the reader's roles (their fields are absent); `[]` when none",
  })
  restricted: string[];
  @ApiProperty({
    type: [RelevantAgencyView],
    description:
      "The partnership's relevant agencies when the case opened (returns are asked of them, actions owned by them); " +
      '`[]` for a case of machine version 1, whose agency returns name one of the three statutory agencies',
  })
  relevantAgencies: RelevantAgencyView[];
  @ApiProperty({ type: IncidentRecordView }) incident: IncidentRecordView;
  @ApiProperty({ type: NotificationRecordView }) notification: NotificationRecordView;
  @ApiProperty({ type: NotificationPathRecordView }) notificationPath: NotificationPathRecordView; // issue 12 item 2
  @ApiProperty({ type: RapidReviewRecordView }) rapidReview: RapidReviewRecordView;
  @ApiProperty({ type: DecisionRecordView }) decision: DecisionRecordView;
  @ApiProperty({ type: PanelResponseSectionView }) panelResponse: PanelResponseSectionView;
  @ApiProperty({ type: NationalReviewRecordView }) nationalReview: NationalReviewRecordView;
  @ApiProperty({ type: LcsprRecordView }) lcspr: LcsprRecordView;
  @ApiProperty({ type: PublicationRecordView }) publication: PublicationRecordView;
  @ApiProperty({ type: LearningRecordView }) learning: LearningRecordView;
  @ApiProperty({
    type: [DocumentRecordView],
    description: "Links to the case's documents in the partnership's store, in the order linked (`[]` on version 1)",
  })
  documents: DocumentRecordView[];
}

/**
 * `GET /cases/:id/record`: everything a case holds, in one section per stage. Dates are `YYYY-MM-DD` (London),
 * instants ISO 8601. A field that was never written is absent; a list that is empty is `[]`. The restricted parts
 * (`RECORD_VISIBILITY`) are absent for a reader whose roles do not read them, and `restricted` names them.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCIES,
  CASE_STAGES,
  CASE_STATES,
  PARALLEL_PROCESSES,
  RELEVANT_AGENCY_KEY,
  RESTRICTED_RECORD_PARTS,
  REVIEW_CRITERIA,
} from '@app/workflows';
import { ABUSE_OR_NEGLECT, CHILD_SEXES, INCIDENT_TYPES } from '../dto/open-case.dto';
import { PANEL_RESPONSES, PAUSE_REASONS, RECOMMENDATIONS, SIGN_OFF_DECISIONS } from '../events/event-payloads';

const DATE = { type: String, format: 'date', example: '2026-01-14' } as const;
const DATES = { type: String, format: 'date', isArray: true, example: ['2026-01-14'] } as const;
const INSTANT = { type: String, format: 'date-time' } as const;
const UUID = { type: String, format: 'uuid' } as const;
const INTEGER = { type: 'integer' } as const;

export const ROUND_OUTCOMES = ['agreed', 'disputed'] as const;
export const PUBLICATION_CHANGES = ['delay', 'withhold'] as const;

export class ChildRecordView {
  @ApiProperty({ ...INTEGER, minimum: 0, maximum: 17 }) ageYears: number;
  @ApiProperty({ enum: CHILD_SEXES }) sex: string;
  @ApiPropertyOptional() ethnicity?: string;
  @ApiPropertyOptional() disability?: string;
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

export class EscalationRecordView {
  @ApiProperty() note: string;
  @ApiProperty(DATE) escalatedOn: string;
  @ApiProperty(UUID) byId: string;
  @ApiPropertyOptional({ description: "The sender's name, when the user is known" }) by?: string;
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

export class ActionRecordView {
  @ApiProperty({ example: 'A-1' }) id: string;
  @ApiProperty() description: string;
  @ApiProperty() owner: string;
  @ApiProperty(DATE) dueOn: string;
  @ApiProperty(DATE) addedOn: string;
  @ApiPropertyOptional(DATE) completedOn?: string;
}

export class LearningRecordView {
  @ApiProperty({ type: [ActionRecordView], description: 'The action plan, in the order added (then by id)' })
  actions: ActionRecordView[];
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
  @ApiProperty({ type: RapidReviewRecordView }) rapidReview: RapidReviewRecordView;
  @ApiProperty({ type: DecisionRecordView }) decision: DecisionRecordView;
  @ApiProperty({ type: PanelResponseSectionView }) panelResponse: PanelResponseSectionView;
  @ApiProperty({ type: NationalReviewRecordView }) nationalReview: NationalReviewRecordView;
  @ApiProperty({ type: LcsprRecordView }) lcspr: LcsprRecordView;
  @ApiProperty({ type: PublicationRecordView }) publication: PublicationRecordView;
  @ApiProperty({ type: LearningRecordView }) learning: LearningRecordView;
}

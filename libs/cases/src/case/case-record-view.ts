/**
 * `GET /cases/:id/record`: everything a case holds, in one section per stage. Dates are `YYYY-MM-DD` (London),
 * instants ISO 8601. A field that was never written is absent; a list that is empty is `[]`. The restricted parts
 * (`RECORD_VISIBILITY`) are absent for a reader whose roles do not read them, and `restricted` names them.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES, CASE_STAGES, CASE_STATES, RESTRICTED_RECORD_PARTS } from '@app/workflows';
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

export class AgencyReturnRecordView {
  @ApiProperty({ enum: AGENCIES }) agency: string;
  @ApiProperty({ ...DATE, description: 'The day it was recorded' }) receivedOn: string;
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

import type { Actor, Agency, RelevantAgency } from '../actors';
import type { CaseClocks, CaseFacts, ItemClocks, LocalDate } from '../rulebook/types';

export type Recommendation = 'lcspr' | 'no-lcspr' | 'national-review';
export type SignOffDecision = 'agree' | 'disagree';
export type PanelResponse = 'agrees' | 'challenges' | 'national-review';
export type PauseReason = 'criminal-proceedings' | 'inquest' | 'domestic-homicide-review' | 'panel-agreement' | 'other';

export interface SignOff {
  agency: Agency;
  decision: SignOffDecision;
  by: string;
  byName: string;
  at: LocalDate;
  comment?: string;
}

/** One round of the partners' sign-off. Rounds are kept, never rewritten: a new recommendation opens a new one. */
export interface SignOffRound {
  round: number;
  openedOn: LocalDate;
  recommendation?: Recommendation;
  signOffs: SignOff[];
  outcome?: 'agreed' | 'disputed';
  escalations: { note: string; on: LocalDate; by: string }[];
}

export interface ActionItem {
  description: string;
  owner: string;
  dueOn: LocalDate;
  addedOn: LocalDate;
  completedOn?: LocalDate;
}

/**
 * What a case knows. Fields marked optional arrived with machine version 2: a snapshot persisted by version 1 lacks
 * them, so code reading them treats a missing one as empty.
 */
export interface CaseContext {
  /** The agencies whose delegated partners sign off, fixed when the case opened. */
  signOffAgencies: Agency[];
  /** The partnership's relevant agencies when the case opened (returns are asked of them, actions owned by them). */
  relevantAgencies?: RelevantAgency[];
  facts: CaseFacts;
  clocks: CaseClocks;
  /** The clocks of items of the case: each agency return, each action. */
  itemClocks?: ItemClocks;
  notification: { submittedOn?: LocalDate; panelReference?: string; withdrawn?: { reason: string; on: LocalDate } };
  /** Returns received (on version 1 only the three statutory agencies; on version 2 any relevant agency's key). */
  agencyReturns: { agency: string; on: LocalDate }[];
  meetings: LocalDate[];
  recommendation?: { recommendation: Recommendation; rationale: string; on: LocalDate };
  decisionRounds: SignOffRound[];
  decision?: { outcome: Recommendation; decidedOn: LocalDate };
  rapidReviewSubmissions: LocalDate[];
  panelResponses: { response: PanelResponse; respondedOn: LocalDate; comment?: string }[];
  nationalReview?: { publishedOn: LocalDate };
  lcspr: {
    reviewer?: { name: string; independent: boolean };
    termsAgreedOn?: LocalDate;
    methodologyAgreedOn?: LocalDate;
    draftsReceived: LocalDate[];
    pause?: { reason: PauseReason; detail: string; from: LocalDate };
  };
  finalReportRounds: SignOffRound[];
  publication: {
    plannedOn?: LocalDate;
    reportSentOn?: LocalDate;
    publishedOn?: LocalDate;
    url?: string;
    pending?: { kind: 'delay' | 'withhold'; reason: string; newPlannedOn?: LocalDate; on: LocalDate };
    delays: { reason: string; from: LocalDate; to: LocalDate; informedOn: LocalDate }[];
    withheld?: { reason: string; on: LocalDate; informedOn: LocalDate };
  };
  actions: Record<string, ActionItem>;
  // Issue 12 item 1 (version 2): the rapid review's returns, meetings and recommendations in full
  /** Each agency asked for a return or that sent one, in the order first asked (or received). */
  returns?: AgencyReturnItem[];
  /** Each rapid review meeting with the agencies present and whether it was quorate, by date. */
  meetingDetails?: MeetingDetails[];
  /** Each recommendation with its test against the criteria for a review, oldest first. */
  recommendations?: RecommendationDetails[];
}

// Issue 12 item 1: rapid review content

/** One agency's return for the rapid review: asked for (its clock runs), chased, received or a nil return. */
export interface AgencyReturnItem {
  /** The agency's key in the case's relevant agencies. */
  agency: string;
  /** Each request, oldest first; a later one (while the return was outstanding) restarted the clock. */
  requests: { requestedOn: LocalDate; dueOn?: LocalDate }[];
  receivedOn?: LocalDate;
  /** The agency had no involvement with the child or family. */
  nilReturn?: boolean;
  chases: { chasedOn: LocalDate; note?: string }[];
}

export interface MeetingDetails {
  heldOn: LocalDate;
  agenciesPresent?: string[];
  quorate?: boolean;
}

/**
 * The criteria for a local review (Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018,
 * reg 11; rules.md rule 13): whether the case highlights or may highlight (a) improvements needed, (b) recurrent
 * themes, (c) concerns about two or more agencies working together, or (d) is one the Panel considered and thought
 * better reviewed locally. `answer` and `reasons` name the event's fields for each.
 */
export const REVIEW_CRITERIA = [
  { criterion: 'improvements-needed', answer: 'improvementsNeeded', reasons: 'improvementsNeededReasons' },
  { criterion: 'recurrent-themes', answer: 'recurrentThemes', reasons: 'recurrentThemesReasons' },
  {
    criterion: 'agencies-working-together',
    answer: 'agenciesWorkingTogether',
    reasons: 'agenciesWorkingTogetherReasons',
  },
  { criterion: 'panel-considered-local', answer: 'panelConsideredLocal', reasons: 'panelConsideredLocalReasons' },
] as const;
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number]['criterion'];

export const PARALLEL_PROCESSES = [
  'criminal-investigation',
  'inquest',
  'domestic-homicide-review',
  'safeguarding-adult-review',
  'other',
] as const;
export type ParallelProcess = (typeof PARALLEL_PROCESSES)[number];

/** What a recommendation may also record (every field optional, so clients of version 1 keep working). */
export interface RecommendationAssessment {
  improvementsNeeded?: boolean;
  improvementsNeededReasons?: string;
  recurrentThemes?: boolean;
  recurrentThemesReasons?: string;
  agenciesWorkingTogether?: boolean;
  agenciesWorkingTogetherReasons?: string;
  panelConsideredLocal?: boolean;
  panelConsideredLocalReasons?: string;
  immediateSafetyActions?: string;
  parallelProcesses?: ParallelProcess[];
  learningIdentified?: string;
}

/** One recommendation as made, with the decision round it opened. */
export interface RecommendationDetails {
  round: number;
  recommendation: Recommendation;
  rationale: string;
  on: LocalDate;
  criteria: { criterion: ReviewCriterion; applies: boolean; reasons?: string }[];
  immediateSafetyActions?: string;
  parallelProcesses?: ParallelProcess[];
  learningIdentified?: string;
}

export interface CaseInput {
  laAwareOn: LocalDate;
  signOffAgencies: Agency[];
  relevantAgencies?: RelevantAgency[];
}

/**
 * Every event carries who sent it and the London date the server received it (`today`): guards never read a global
 * clock. `occurredOn` is the day the act happened when it is recorded later (a sign-off given at last Tuesday's
 * meeting); the act is dated by {@link actDate}.
 */
interface Envelope {
  actor: Actor;
  today: LocalDate;
  occurredOn?: LocalDate;
}

/** The day an act happened: the day given as `occurredOn`, or the day it was recorded. */
export function actDate(event: { today: LocalDate; occurredOn?: LocalDate }): LocalDate {
  return event.occurredOn ?? event.today;
}

export type CaseEvent = Envelope &
  (
    | { type: 'notification.submitted'; submittedOn: LocalDate; panelReference?: string }
    | { type: 'partners.informed'; informedOn: LocalDate }
    | { type: 'notification.withdrawn'; reason: string }
    | { type: 'agency-return.received'; agency: string; receivedOn?: LocalDate; nilReturn?: boolean }
    | { type: 'rapid-review.meeting-held'; heldOn: LocalDate; agenciesPresent?: string[]; quorate?: boolean }
    | ({
        type: 'rapid-review.recommended';
        recommendation: Recommendation;
        rationale: string;
      } & RecommendationAssessment)
    | { type: 'decision.signed-off'; decision: SignOffDecision; comment?: string }
    | { type: 'decision.escalated'; note: string }
    | { type: 'rapid-review.submitted'; submittedOn: LocalDate }
    | { type: 'panel.responded'; response: PanelResponse; respondedOn: LocalDate; comment?: string }
    | { type: 'national-review.published'; publishedOn: LocalDate }
    | { type: 'lcspr.reviewer-appointed'; reviewerName: string; independent: boolean }
    | { type: 'lcspr.terms-agreed'; agreedOn: LocalDate }
    | { type: 'lcspr.methodology-agreed'; agreedOn: LocalDate }
    | { type: 'lcspr.paused'; reason: PauseReason; detail: string }
    | { type: 'lcspr.resumed'; resumedOn: LocalDate }
    | { type: 'lcspr.draft-received'; receivedOn: LocalDate }
    | { type: 'lcspr.final-report-signed-off'; decision: SignOffDecision; comment?: string }
    | { type: 'publication.scheduled'; plannedOn: LocalDate }
    | { type: 'publication.report-sent'; sentOn: LocalDate }
    | { type: 'publication.published'; publishedOn: LocalDate; url: string }
    | { type: 'publication.delayed'; reason: string; newPlannedOn: LocalDate }
    | { type: 'publication.withheld'; reason: string }
    | { type: 'publication.panel-informed'; informedOn: LocalDate }
    | { type: 'action.added'; actionId: string; description: string; owner: string; dueOn: LocalDate }
    | { type: 'action.completed'; actionId: string; completedOn: LocalDate }
    | { type: 'case.closed' }
    // Issue 12 item 1: agency returns asked for and chased
    | { type: 'agency-return.requested'; agency: string; requestedOn: LocalDate; dueOn?: LocalDate }
    | { type: 'agency-return.chased'; agency: string; chasedOn: LocalDate; note?: string }
  );

export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

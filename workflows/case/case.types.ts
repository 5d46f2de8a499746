import type { Actor, Agency, RelevantAgency } from '../actors';
import type { CaseClocks, CaseFacts, ItemClocks, LocalDate } from '../rulebook/types';
// Issue 12 items 3 and 8
import type { ActionProgressStatus, ActionSource } from './v2/action-plan.values';
import type { DocumentKind } from './v2/documents.values';

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
  escalations: Escalation[];
}

/** A disagreement escalated to the lead partners; version 2 records how they resolved it (issue 12 item 4). */
export interface Escalation {
  note: string;
  on: LocalDate;
  by: string;
  resolution?: EscalationResolution;
}

/** The decision the lead partners reached on an escalation, with its date, and the lead partner who recorded it. */
export interface EscalationResolution {
  outcome: Recommendation;
  resolvedOn: LocalDate;
  by: string;
  note?: string;
}

/* Issue 12 item 5: the LCSPR managed (machine version 2). */
export type InvolvementOf = 'practitioners' | 'family';

/** An agreed extension of the review: the new completion date, and when the Panel and the Secretary of State were told. */
export interface LcsprExtension {
  reason: string;
  newCompletionOn: LocalDate;
  agreedOn: LocalDate;
  informedOn?: LocalDate;
}

export interface ActionItem {
  description: string;
  owner: string;
  dueOn: LocalDate;
  addedOn: LocalDate;
  completedOn?: LocalDate;
  // Issue 12 item 3 (version 2): who owns it, where it came from, how it is getting on, and how it ended.
  /** The key of one of the case's relevant agencies. */
  owningAgency?: string;
  /** The named lead: a person's name or role. */
  lead?: string;
  source?: ActionSource;
  /** Every progress update, in the order recorded (their dates never go back); the last gives the status. */
  progress?: { updatedOn: LocalDate; status: ActionProgressStatus; note: string }[];
  /** Each agreed change of the due date: `dueOn` above is the current one. */
  dueDateChanges?: { from: LocalDate; to: LocalDate; reason: string; on: LocalDate }[];
  /** The plan dropped it: it no longer holds up the case's closing. */
  cancelled?: { reason: string; on: LocalDate };
}

/** A document of the case, by reference: a link to the partnership's own store, never the file (issue 12 item 8). */
export interface CaseDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  url: string;
  linkedOn: LocalDate;
  unlinked?: { reason: string; on: LocalDate };
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
    /** `userId`: the partnership's user holding the lead-reviewer role (version 2), who then reads this case. */
    reviewer?: { name: string; independent: boolean; userId?: string };
    termsAgreedOn?: LocalDate;
    methodologyAgreedOn?: LocalDate;
    draftsReceived: LocalDate[];
    pause?: { reason: PauseReason; detail: string; from: LocalDate };
    /* Version 2 (issue 12 item 5): absent from version 1 snapshots. */
    plannedCompletionOn?: LocalDate;
    extensions?: LcsprExtension[];
    progressReviews?: { reviewedOn: LocalDate; note: string; by: string }[];
    involvement?: { who: InvolvementOf; involvedOn: LocalDate; note: string; by: string }[];
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
  /** Issue 12 item 8: the case's documents by reference, in the order linked (unlinked ones kept). */
  documents?: CaseDocument[];
  /** Issue 12 item 2: which notification the case follows (absent on version 1: a serious incident). */
  route?: NotificationRoute;
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

/* Issue 12 item 2: the Panel's notification fields and the paths of a notification (machine version 2). */

/**
 * What a notification is about: a serious incident (abuse or neglect known or suspected, and a death or serious
 * harm: the Panel is notified), the death of a looked-after child without abuse or neglect suspected, or the death of
 * a care leaver under 25 (the Secretary of State and Ofsted are notified instead: rules.md rules 4 and 5).
 */
export const NOTIFICATION_PATHS = ['serious-incident', 'looked-after-death', 'care-leaver-death'] as const;
export type NotificationPath = (typeof NOTIFICATION_PATHS)[number];

export interface NotificationRoute {
  path: NotificationPath;
  /** Whether the Secretary of State and Ofsted are to be notified (a looked-after child's or a care leaver's death). */
  toSosOfsted: boolean;
  /** How many children the notification is about: the children's details are numbered from 1 to this. */
  children?: number;
  sosOfstedNotifiedOn?: LocalDate;
  /** The day the local authority became aware that abuse or neglect was known or suspected after all. */
  criteriaMetOn?: LocalDate;
  /** The path the case was opened on, once it has moved onto the serious incident path. */
  openedAs?: NotificationPath;
  /** The last day the notification's details were recorded after the case opened. */
  detailsRecordedOn?: LocalDate;
}

export type AbuseOrNeglectKnown = 'known' | 'suspected';

export interface CaseInput {
  laAwareOn: LocalDate;
  signOffAgencies: Agency[];
  relevantAgencies?: RelevantAgency[];
  /** Issue 12 item 2: the notification's path (absent: a serious incident), and how many children it names. */
  path?: NotificationPath;
  /** A serious incident that is also a looked-after child's death: the Secretary of State and Ofsted are told too. */
  toSosOfsted?: boolean;
  children?: number;
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
    | { type: 'lcspr.reviewer-appointed'; reviewerName: string; independent: boolean; reviewerUserId?: string }
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
    | {
        type: 'action.added';
        actionId: string;
        description: string;
        owner: string;
        dueOn: LocalDate;
        // Issue 12 item 3 (version 2)
        owningAgency?: string;
        lead?: string;
        source?: ActionSource;
      }
    | { type: 'action.completed'; actionId: string; completedOn: LocalDate }
    // Issue 12 item 3: the action plan, tracked
    | {
        type: 'action.progress-updated';
        actionId: string;
        updatedOn: LocalDate;
        status: ActionProgressStatus;
        note: string;
      }
    | { type: 'action.due-date-changed'; actionId: string; dueOn: LocalDate; reason: string }
    | { type: 'action.cancelled'; actionId: string; reason: string }
    // Issue 12 item 8: documents by reference
    | { type: 'document.linked'; documentId: string; title: string; kind: DocumentKind; url: string }
    | { type: 'document.unlinked'; documentId: string; reason: string }
    | { type: 'case.closed' }
    // Issue 12 items 4 and 5: escalations resolved; the LCSPR managed (machine version 2)
    | { type: 'escalation.resolved'; outcome: Recommendation; resolvedOn: LocalDate; note?: string }
    | { type: 'lcspr.completion-planned'; plannedCompletionOn: LocalDate }
    | { type: 'lcspr.extended'; reason: string; newCompletionOn: LocalDate }
    | { type: 'lcspr.extension-notified'; informedOn: LocalDate }
    | { type: 'lcspr.progress-reviewed'; reviewedOn: LocalDate; note: string }
    | { type: 'lcspr.involvement-recorded'; who: InvolvementOf; involvedOn: LocalDate; note: string }
    // Issue 12 item 2: the Panel's notification fields and the looked-after child's death
    | { type: 'sos-ofsted.notified'; notifiedOn: LocalDate }
    | { type: 'notification.criteria-met'; awareOn: LocalDate; abuseOrNeglect: AbuseOrNeglectKnown }
    | {
        type: 'incident.details-recorded';
        localAuthorityOfResidence?: string;
        localAuthorityOfIncident?: string;
        harmCategories?: string[];
        contributingFactors?: string[];
      }
    | {
        type: 'child.details-recorded';
        child: number;
        plans?: string[];
        placementType?: string;
        knownToAgencies?: string[];
        ethnicity?: string;
        disability?: string;
        disabilityTypes?: string[];
      }
    // Issue 12 item 1: agency returns asked for and chased
    | { type: 'agency-return.requested'; agency: string; requestedOn: LocalDate; dueOn?: LocalDate }
    | { type: 'agency-return.chased'; agency: string; chasedOn: LocalDate; note?: string }
  );

export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

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
  agencyReturns: { agency: Agency; on: LocalDate }[];
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
    | { type: 'agency-return.received'; agency: Agency }
    | { type: 'rapid-review.meeting-held'; heldOn: LocalDate }
    | { type: 'rapid-review.recommended'; recommendation: Recommendation; rationale: string }
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
  );

export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

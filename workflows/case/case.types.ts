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
  /**
   * Present when the business unit recorded the sign-off on the agency's delegated partner's behalf (delegation by
   * exception): `by` and `byName` are then the person who recorded it. (Issue 12 item 6.)
   */
  onBehalf?: { reason: string };
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
  // Issue 12 item 6: corrections of the dates a case rests on, oldest first.
  corrections?: FactCorrection[];
}

/** Issue 12 item 6: the dates a case rests on that can be corrected (`fact.corrected`). */
export const CORRECTABLE_FACTS = ['laAwareOn', 'incidentOn', 'notificationSubmittedOn', 'partnersInformedOn'] as const;
export type CorrectableFact = (typeof CORRECTABLE_FACTS)[number];

/** One correction: the fact, the value it replaced and the new one, why, when and by whom. */
export interface FactCorrection {
  fact: CorrectableFact;
  from: LocalDate;
  to: LocalDate;
  reason: string;
  on: LocalDate;
  by: string;
  byName: string;
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

/**
 * A sign-off recorded by the business unit on a delegated partner's behalf (delegation by exception): the agency whose
 * partner signed, and why the business unit records it. Both or neither. (Issue 12 item 6.)
 */
export interface OnBehalf {
  onBehalfOf?: Agency;
  delegationReason?: string;
}

/** The agency a sign-off is for: the one it was recorded on behalf of, else the sender's own. */
export function signingAgency(event: { actor: Actor; onBehalfOf?: Agency }): Agency | undefined {
  return event.onBehalfOf ?? event.actor.agency;
}

export type CaseEvent = Envelope &
  (
    | { type: 'notification.submitted'; submittedOn: LocalDate; panelReference?: string }
    | { type: 'partners.informed'; informedOn: LocalDate }
    | { type: 'notification.withdrawn'; reason: string }
    | { type: 'agency-return.received'; agency: Agency }
    | { type: 'rapid-review.meeting-held'; heldOn: LocalDate }
    | { type: 'rapid-review.recommended'; recommendation: Recommendation; rationale: string }
    | ({ type: 'decision.signed-off'; decision: SignOffDecision; comment?: string } & OnBehalf)
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
    | ({ type: 'lcspr.final-report-signed-off'; decision: SignOffDecision; comment?: string } & OnBehalf)
    | { type: 'publication.scheduled'; plannedOn: LocalDate }
    | { type: 'publication.report-sent'; sentOn: LocalDate }
    | { type: 'publication.published'; publishedOn: LocalDate; url: string }
    | { type: 'publication.delayed'; reason: string; newPlannedOn: LocalDate }
    | { type: 'publication.withheld'; reason: string }
    | { type: 'publication.panel-informed'; informedOn: LocalDate }
    | { type: 'action.added'; actionId: string; description: string; owner: string; dueOn: LocalDate }
    | { type: 'action.completed'; actionId: string; completedOn: LocalDate }
    | { type: 'case.closed' }
    // Issue 12 items 4 and 5: escalations resolved; the LCSPR managed (machine version 2)
    | { type: 'escalation.resolved'; outcome: Recommendation; resolvedOn: LocalDate; note?: string }
    | { type: 'lcspr.completion-planned'; plannedCompletionOn: LocalDate }
    | { type: 'lcspr.extended'; reason: string; newCompletionOn: LocalDate }
    | { type: 'lcspr.extension-notified'; informedOn: LocalDate }
    | { type: 'lcspr.progress-reviewed'; reviewedOn: LocalDate; note: string }
    | { type: 'lcspr.involvement-recorded'; who: InvolvementOf; involvedOn: LocalDate; note: string }
    // Issue 12 item 6: `incidentOn` is the case's incident date as the service holds it (outside the snapshot).
    | { type: 'fact.corrected'; fact: CorrectableFact; value: LocalDate; reason: string; incidentOn?: LocalDate }
  );

export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

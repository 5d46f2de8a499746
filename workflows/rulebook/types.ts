/**
 * Shared vocabulary of statutory clocks. Pure types: no I/O, no Date.now().
 *
 * A case's machine records *facts* (dates such as when the local authority became aware) and the *state of each
 * clock* (started, stopped, cancelled, paused). The rulebook turns those into deadlines with the calendar.
 */

/** A date-only value `YYYY-MM-DD`, read as a day in Europe/London. Never an instant. */
export type LocalDate = string;

export const RULE_IDS = [
  'notify-panel',
  'inform-partners',
  'rapid-review',
  'lcspr-publish',
  'pre-publication',
  'keep-published',
  'not-publishing',
  'annual-report',
  // Added in rulebook version 2
  'notify-sos-ofsted',
  'agency-return',
  'action-due',
  'lcspr-extension-notice',
  // Added in rulebook version 2, for the partnership's own duties
  'annual-report-copies',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Named dates a case learns as it moves; rules count from one of them. */
export const CASE_FACTS = [
  'laAwareOn',
  'notificationSubmittedOn',
  'decisionOn',
  'plannedPublicationOn',
  'publishedOn',
] as const;
export type CaseFact = (typeof CASE_FACTS)[number];
export type CaseFacts = Partial<Record<CaseFact, LocalDate>>;

export interface ClockPause {
  from: LocalDate;
  to?: LocalDate;
  reason?: string;
}

/** What the machine knows of one clock. The due date is never stored here: it is derived by the rulebook. */
export interface ClockState {
  startedOn: LocalDate;
  /**
   * A due date fixed by an act rather than counted by the rule: an agency return's agreed date, an action's due
   * date, an agreed extension of the review. Pauses still move it on.
   */
  dueOn?: LocalDate;
  /**
   * The day `dueOn` was fixed, when later than the clock's start (an extension of a running review): the fixed date
   * already allows for the time paused before it, so only pauses after this day move it on.
   */
  dueFixedOn?: LocalDate;
  stoppedOn?: LocalDate;
  cancelledOn?: LocalDate;
  pauses: ClockPause[];
  /**
   * Dates this clock counts from in place of the case's facts of the same name (issue 12 item 2: the Panel's clocks of
   * a looked-after child's death later found to be a serious incident count from the day abuse or neglect came to be
   * suspected, not from the day the local authority learned of the death).
   */
  anchors?: Partial<Record<CaseFact, LocalDate>>;
}
export type CaseClocks = Partial<Record<RuleId, ClockState>>;

/**
 * A clock of one item of a case (an agency's return, an action of the plan): a rule of `item` scope runs once per
 * subject. Keyed by {@link itemClockKey}.
 */
export interface ItemClockState extends ClockState {
  rule: RuleId;
  /** What the clock is about, unique within the rule and the case: an agency key, an action id. */
  subject: string;
}
export type ItemClocks = Record<string, ItemClockState>;

export function itemClockKey(rule: RuleId, subject: string): string {
  return `${rule}:${subject}`;
}

export const DEADLINE_STATUSES = ['open', 'overdue', 'met', 'late', 'paused', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** The contract's `Deadline`. */
export interface Deadline {
  rule: RuleId;
  /** For a rule of `item` scope, the item the deadline is about (an agency key, an action id). */
  subject?: string;
  startedOn: LocalDate;
  dueOn: LocalDate;
  stoppedOn?: LocalDate;
  status: DeadlineStatus;
}

/**
 * The date arithmetic the rulebook needs. `libs/calendar` implements it; workflows only depends on this shape
 * (imports point downwards: libs -> workflows).
 */
export interface DeadlineCalendar {
  isWorkingDay(date: LocalDate): boolean;
  addWorkingDays(date: LocalDate, days: number): LocalDate;
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  addCalendarDays(date: LocalDate, days: number): LocalDate;
  addCalendarMonths(date: LocalDate, months: number): LocalDate;
}

/* ---- The rulebook: rules as versioned data ------------------------------------------------------------------ */

/** Dates known at partnership level rather than per case (only the annual report counts from one). */
export const PARTNERSHIP_FACTS = ['lastAnnualReportPublishedOn'] as const;
export type PartnershipFact = (typeof PARTNERSHIP_FACTS)[number];

/** The day the clock itself started (the act that started it: a return requested, an extension agreed). */
export const CLOCK_START_ANCHOR = 'clockStartedOn';

/** What a rule's clock can count from. */
export type RuleAnchor = CaseFact | PartnershipFact | typeof CLOCK_START_ANCHOR;
/** The dates a deadline can be computed from: a case's facts, or partnership facts for partnership rules. */
export type AnchorDates = Partial<Record<RuleAnchor, LocalDate>>;

export const RULE_UNITS = ['working-days', 'calendar-days', 'calendar-months'] as const;
export type RuleUnit = (typeof RULE_UNITS)[number];

/** `before` counts back from the anchor (e.g. "at least 7 working days before the planned publication"). */
export type RuleDirection = 'after' | 'before';

/**
 * `deadline`: something must be done by the due date (it can become overdue).
 * `minimum-period`: something must last at least until the due date (it is met once that date is reached).
 */
export type RuleKind = 'deadline' | 'minimum-period';

/**
 * `case` rules run one clock per case; `item` rules one per item of a case (each agency return, each action);
 * `partnership` rules (the annual report and its copies) are not computed per case.
 */
export type RuleScope = 'case' | 'item' | 'partnership';

/** C: confirmed from a primary source; S: secondary sources only; U: unconfirmed (see docs/domain/rules.md). */
export type SourceConfidence = 'C' | 'S' | 'U';

export interface RuleSource {
  /** The documents the rule comes from, as cited in rules.md. */
  document: string;
  /** Where in them (section or regulation), or the rules.md rule number when no paragraph is known. */
  section: string;
  confidence: SourceConfidence;
}

/** Who must act for the rule to be met. */
/** Who must act, named so that it maps onto users: the local authority's staff, or a role of the partnership. */
export type ResponsibleParty =
  'local-authority' | 'subgroup' | 'delegated-partners' | 'lead-partners' | 'business-unit';

export type OverridableField = 'anchor' | 'length' | 'unit';

export interface RuleDefinition {
  id: RuleId;
  /** Plain English, suitable for an email: what must happen. */
  description: string;
  source: RuleSource;
  scope: RuleScope;
  /** The fact the clock counts from. */
  anchor: RuleAnchor;
  length: number;
  unit: RuleUnit;
  direction: RuleDirection;
  kind: RuleKind;
  /** Whether the clock may be paused (with a recorded reason). */
  pausable: boolean;
  /** Which of anchor, length and unit a partnership may change; empty for statutory rules. */
  overridable: readonly OverridableField[];
  /** The anchors a partnership may choose from when it overrides the anchor (always includes the default). */
  allowedAnchors: readonly RuleAnchor[];
  responsible: ResponsibleParty;
}

export interface Rulebook {
  version: number;
  /** What changed in this version, for the audit trail. */
  summary: string;
  rules: readonly RuleDefinition[];
}

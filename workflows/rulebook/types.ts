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
  stoppedOn?: LocalDate;
  cancelledOn?: LocalDate;
  pauses: ClockPause[];
}
export type CaseClocks = Partial<Record<RuleId, ClockState>>;

export type DeadlineStatus = 'open' | 'overdue' | 'met' | 'late' | 'paused' | 'cancelled';

/** The contract's `Deadline`. */
export interface Deadline {
  rule: RuleId;
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

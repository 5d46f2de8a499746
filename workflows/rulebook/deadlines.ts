/**
 * From what a case's machine knows (facts and clock states) to the contract's deadlines.
 *
 * Due dates are derived, never stored: dueOn = anchor date ± the rule's length in its unit, then moved on by the
 * time the clock was paused. Pure: "today" and the calendar are passed in.
 */
import { ClockRuleError } from './errors';
import { CLOCK_START_ANCHOR } from './types';
import type {
  AnchorDates,
  CaseClocks,
  CaseFact,
  CaseFacts,
  ClockPause,
  ClockState,
  Deadline,
  ItemClocks,
  DeadlineCalendar,
  DeadlineStatus,
  LocalDate,
  RuleDefinition,
} from './types';

/** Calendar days from `from` to `to`. Date-only strings read as UTC midnights, so no DST can shift the count. */
function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The due date before any pause: `anchorDate` plus (or minus, for `before` rules) the rule's length in its unit.
 * Working days count the anchor as day 0; months keep the day of the month, clamped to the month end.
 */
export function baseDueDate(rule: RuleDefinition, anchorDate: LocalDate, calendar: DeadlineCalendar): LocalDate {
  const length = rule.direction === 'before' ? -rule.length : rule.length;
  switch (rule.unit) {
    case 'working-days':
      return calendar.addWorkingDays(anchorDate, length);
    case 'calendar-days':
      return calendar.addCalendarDays(anchorDate, length);
    case 'calendar-months':
      return calendar.addCalendarMonths(anchorDate, length);
  }
}

function checkPauses(rule: RuleDefinition, pauses: readonly ClockPause[]): void {
  if (pauses.length === 0) return;
  if (!rule.pausable) throw new ClockRuleError(`The ${rule.id} clock cannot be paused`);
  pauses.forEach((pause, index) => {
    if (pause.to !== undefined && pause.to < pause.from) {
      throw new ClockRuleError(`A pause of the ${rule.id} clock ends (${pause.to}) before it starts (${pause.from})`);
    }
    const next = pauses[index + 1];
    if (next && pause.to === undefined) {
      throw new ClockRuleError(`Only the last pause of the ${rule.id} clock may still be open`);
    }
    if (next && pause.to !== undefined && next.from < pause.to) {
      throw new ClockRuleError(
        `Pauses of the ${rule.id} clock overlap or are out of order (${pause.to} > ${next.from})`,
      );
    }
  });
}

/**
 * How far the pauses move the due date on, in the rule's own kind of day: working days paused for working-day
 * rules, calendar days paused otherwise (a pause from 1 March to 11 March is 10 calendar days). An open pause
 * counts up to `today`.
 */
function pausedLength(
  rule: RuleDefinition,
  pauses: readonly ClockPause[],
  today: LocalDate,
  calendar: DeadlineCalendar,
  countFrom?: LocalDate,
): number {
  let total = 0;
  for (const pause of pauses) {
    const end = pause.to ?? today;
    // A due date fixed during or after a pause already allows for the time paused before it was fixed.
    const from = countFrom && countFrom > pause.from ? countFrom : pause.from;
    if (end <= from) continue;
    total += rule.unit === 'working-days' ? calendar.workingDaysBetween(from, end) : calendarDaysBetween(from, end);
  }
  return total;
}

function statusOf(rule: RuleDefinition, clock: ClockState, dueOn: LocalDate, today: LocalDate): DeadlineStatus {
  if (clock.cancelledOn !== undefined) return 'cancelled';
  if (clock.stoppedOn !== undefined) {
    // A minimum period (keep the report published) is stopped when it ends early: ending before the due date is
    // the breach, ending on or after it is fine. For a deadline it is the reverse.
    if (rule.kind === 'minimum-period') return clock.stoppedOn >= dueOn ? 'met' : 'late';
    return clock.stoppedOn <= dueOn ? 'met' : 'late';
  }
  if (clock.pauses.some((pause) => pause.to === undefined)) return 'paused';
  if (rule.kind === 'minimum-period') return today >= dueOn ? 'met' : 'open';
  return today > dueOn ? 'overdue' : 'open';
}

/**
 * The deadline of one rule for one clock, or undefined when there is no clock or the fact the rule counts from is
 * not known yet (e.g. rapid-review counting from the notification before it is sent). `startedOn` is when the
 * clock started; the due date counts from the rule's anchor fact.
 *
 * Status: `cancelled` if the clock was cancelled; else, once stopped, `met` or `late` against the due date (for a
 * minimum period, stopping before the due date is `late`); else `paused` during an open pause; else a deadline is
 * `overdue` after its due date and `open` until then, and a minimum period is `met` from its due date on.
 * Throws {@link ClockRuleError} for pauses the rule does not allow (notify-panel is never paused) or that make no
 * sense (ending before they start, overlapping, an open pause followed by another).
 */
export function computeDeadline(
  rule: RuleDefinition,
  facts: AnchorDates,
  clock: ClockState | undefined,
  today: LocalDate,
  calendar: DeadlineCalendar,
): Deadline | undefined {
  if (!clock) return undefined;
  checkPauses(rule, clock.pauses);
  const anchorDate =
    rule.anchor === CLOCK_START_ANCHOR
      ? clock.startedOn
      : (clock.anchors?.[rule.anchor as CaseFact] ?? facts[rule.anchor]);
  if (anchorDate === undefined) return undefined;
  const base = clock.dueOn ?? baseDueDate(rule, anchorDate, calendar);
  const paused = pausedLength(rule, clock.pauses, today, calendar, clock.dueOn ? clock.dueFixedOn : undefined);
  const dueOn =
    paused === 0
      ? base
      : rule.unit === 'working-days'
        ? calendar.addWorkingDays(base, paused)
        : calendar.addCalendarDays(base, paused);
  const deadline: Deadline = {
    rule: rule.id,
    startedOn: clock.startedOn,
    dueOn,
    status: statusOf(rule, clock, dueOn, today),
  };
  if (clock.stoppedOn !== undefined) deadline.stoppedOn = clock.stoppedOn;
  return deadline;
}

/**
 * The deadlines of a case, in rulebook order: one per case-scope rule whose clock exists and whose anchor fact is
 * known, and for an item-scope rule one per item clock, in the order the items' clocks started (each carrying its
 * `subject`). Partnership-scope rules (the annual report) are skipped.
 */
export function computeDeadlines(
  rules: readonly RuleDefinition[],
  facts: CaseFacts,
  clocks: CaseClocks,
  today: LocalDate,
  calendar: DeadlineCalendar,
  itemClocks: ItemClocks = {},
): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const rule of rules) {
    if (rule.scope === 'case') {
      const deadline = computeDeadline(rule, facts, clocks[rule.id], today, calendar);
      if (deadline) deadlines.push(deadline);
    } else if (rule.scope === 'item') {
      for (const clock of Object.values(itemClocks)) {
        if (clock.rule !== rule.id) continue;
        const deadline = computeDeadline(rule, facts, clock, today, calendar);
        if (deadline) deadlines.push({ ...deadline, subject: clock.subject });
      }
    }
  }
  return deadlines;
}

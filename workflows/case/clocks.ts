/**
 * Pure helpers that start, stop and cancel a case's clocks. Every helper returns new objects: snapshots are persisted
 * as data. Case clocks are keyed by rule; item clocks (one per agency return, per action) by rule and subject.
 */
import {
  itemClockKey,
  type CaseClocks,
  type ClockState,
  type ItemClocks,
  type LocalDate,
  type RuleId,
} from '../rulebook/types';

export function startClock(clocks: CaseClocks, rule: RuleId, startedOn: LocalDate, dueOn?: LocalDate): CaseClocks {
  return { ...clocks, [rule]: { startedOn, pauses: [], ...(dueOn ? { dueOn } : {}) } satisfies ClockState };
}

function stopped(clock: ClockState | undefined): boolean {
  return !clock || Boolean(clock.stoppedOn || clock.cancelledOn);
}

/** Stopping a clock twice keeps the first date: the statutory act happened then. */
export function stopClock(clocks: CaseClocks, rule: RuleId, stoppedOn: LocalDate): CaseClocks {
  const clock = clocks[rule];
  if (!clock || stopped(clock)) return clocks;
  return { ...clocks, [rule]: { ...clock, stoppedOn } };
}

export function cancelClock(clocks: CaseClocks, rule: RuleId, cancelledOn: LocalDate): CaseClocks {
  const clock = clocks[rule];
  if (!clock || stopped(clock)) return clocks;
  return { ...clocks, [rule]: { ...clock, cancelledOn } };
}

export function cancelAllClocks(clocks: CaseClocks, on: LocalDate): CaseClocks {
  return (Object.keys(clocks) as RuleId[]).reduce((acc, rule) => cancelClock(acc, rule, on), clocks);
}

/** Starts (or restarts) the clock of one item; `dueOn` fixes its due date instead of the rule's count. */
export function startItemClock(
  clocks: ItemClocks | undefined,
  rule: RuleId,
  subject: string,
  startedOn: LocalDate,
  dueOn?: LocalDate,
): ItemClocks {
  return {
    ...clocks,
    [itemClockKey(rule, subject)]: { rule, subject, startedOn, pauses: [], ...(dueOn ? { dueOn } : {}) },
  };
}

export function stopItemClock(
  clocks: ItemClocks | undefined,
  rule: RuleId,
  subject: string,
  stoppedOn: LocalDate,
): ItemClocks {
  const key = itemClockKey(rule, subject);
  const clock = clocks?.[key];
  if (!clock || stopped(clock)) return { ...clocks };
  return { ...clocks, [key]: { ...clock, stoppedOn } };
}

export function cancelItemClock(
  clocks: ItemClocks | undefined,
  rule: RuleId,
  subject: string,
  cancelledOn: LocalDate,
): ItemClocks {
  const key = itemClockKey(rule, subject);
  const clock = clocks?.[key];
  if (!clock || stopped(clock)) return { ...clocks };
  return { ...clocks, [key]: { ...clock, cancelledOn } };
}

/** Cancels every item clock still running (a withdrawn notification, a closed case). */
export function cancelAllItemClocks(clocks: ItemClocks | undefined, on: LocalDate): ItemClocks {
  const next: ItemClocks = {};
  for (const [key, clock] of Object.entries(clocks ?? {}))
    next[key] = stopped(clock) ? clock : { ...clock, cancelledOn: on };
  return next;
}

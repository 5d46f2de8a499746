/** The working-day calculator's answers, the GOV.UK way, with the days it did not count. */
import type { NonWorkingDay } from '@app/calendar';
import { lengthText } from './rulebook';
import { govukDateWithDay } from './settings';

/** Past this many, the list of days not counted is cut short (a span of decades has hundreds). */
export const SKIPPED_SHOWN = 60;

export interface SkippedDays {
  items: string[];
  /** How many more there were than shown. */
  more: number;
}

/** `Friday 25 December 2026: Christmas Day`, in date order. */
export function skippedDays(days: readonly NonWorkingDay[]): SkippedDays {
  const items = days.slice(0, SKIPPED_SHOWN).map((day) => `${govukDateWithDay(day.date)}: ${day.title}`);
  return { items, more: Math.max(0, days.length - SKIPPED_SHOWN) };
}

/** `5 working days after Friday 19 December 2025 is Wednesday 31 December 2025`. */
export function addedSentence(from: string, days: number, date: string): string {
  if (days === 0) return `0 working days after ${govukDateWithDay(from)} is the same day`;
  const direction = days > 0 ? 'after' : 'before';
  return `${lengthText(Math.abs(days), 'working-days')} ${direction} ${govukDateWithDay(from)} is ${govukDateWithDay(date)}`;
}

/** The count of `workingDaysBetween`, with the convention it counts by. */
export function betweenSentence(from: string, to: string, workingDays: number): string {
  const count = lengthText(Math.abs(workingDays), 'working-days');
  if (to >= from)
    return `There ${Math.abs(workingDays) === 1 ? 'is' : 'are'} ${count} after ${govukDateWithDay(from)}, up to and including ${govukDateWithDay(to)}`;
  return `There ${Math.abs(workingDays) === 1 ? 'is' : 'are'} ${count} from ${govukDateWithDay(to)} up to the day before ${govukDateWithDay(from)}`;
}

/**
 * "Today" for statutory purposes is the date in London, not in UTC: at 00:30 London time in summer (BST) it is
 * still 23:30 the day before in UTC. The instant is always passed in, so that callers (and tests) control time.
 */
import type { LocalDate } from './local-date';

const londonDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/London at the instant `now`. */
export function todayInLondon(now: Date): LocalDate {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('todayInLondon needs a valid Date');
  const parts: Record<string, string> = {};
  for (const part of londonDateFormat.formatToParts(now)) parts[part.type] = part.value;
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
}

/** Convenience for edges of the system only (controllers, jobs): today's London date from the system clock. */
export function currentLondonDate(): LocalDate {
  return todayInLondon(new Date());
}

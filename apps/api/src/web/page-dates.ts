import { MONTH_NAMES, todayInLondon } from '@app/calendar';

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-01-14` -> `14 January 2026`, the GOV.UK way (no leading zero, the month in full). */
export function govukDate(localDate: string | undefined | null): string {
  if (!localDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) return localDate;
  return `${Number(match[3])} ${MONTH_NAMES[Number(match[2]) - 1]} ${match[1]}`;
}

/** An instant, in London: `14 January 2026 at 3:05pm`. */
export function govukDateTime(instant: string | Date | undefined | null): string {
  if (!instant) return '';
  const at = new Date(instant);
  const parts = Object.fromEntries(londonTime.formatToParts(at).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const suffix = hour >= 12 ? 'pm' : 'am';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${govukDate(todayInLondon(at))} at ${hour12}:${String(minute).padStart(2, '0')}${suffix}`;
}

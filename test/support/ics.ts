/**
 * Reading a calendar feed as a calendar application would: node-ical's parser (CommonJS; its sync parser reads a
 * whole calendar).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ical = require('node-ical') as {
  sync: { parseICS(text: string): Record<string, { type: string; [key: string]: unknown }> };
};

export interface IcsEvent {
  uid: string;
  summary: string;
  description: string;
  start: Date & { dateOnly?: boolean };
  end: Date;
}

/** The calendar's events (VEVENT), as parsed. */
export function icsEvents(text: string): IcsEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c) => c.type === 'VEVENT') as unknown as IcsEvent[];
}

/** The text with its long lines joined again (RFC 5545 folds lines at 75 octets). */
export const unfoldIcs = (text: string): string => text.replace(/\r\n[ \t]/g, '');

/** An all-day event's day: node-ical reads a DATE as local midnight. */
export const icsDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

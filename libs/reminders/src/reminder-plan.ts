import type { Role } from '@app/workflows';
import type { ReminderKind } from './reminder.entity';

/** Working days relative to a due date: warnings 5, 2 and 1 before, the due day, breach, escalations at 2 and 5 overdue. */
export const DEFAULT_REMINDER_OFFSETS = [-5, -2, -1, 0, 1, 2, 5] as const;

export interface PlannedReminder {
  kind: Exclude<ReminderKind, 'notice'>;
  offsetDays: number;
  fireOn: string;
}

/**
 * Names each offset: before the due date a warning, on it the due-day reminder, the first day after it the breach,
 * then escalation to the delegated partners, and from the next offset on to the lead partners.
 */
export function kindsForOffsets(offsets: readonly number[]): { offsetDays: number; kind: PlannedReminder['kind'] }[] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let overdueIndex = 0;
  return sorted.map((offsetDays) => {
    if (offsetDays < 0) return { offsetDays, kind: 'warning' as const };
    if (offsetDays === 0) return { offsetDays, kind: 'due-today' as const };
    const kind = overdueIndex === 0 ? 'breach' : overdueIndex === 1 ? 'escalation-delegated' : 'escalation-lead';
    overdueIndex++;
    return { offsetDays, kind: kind as PlannedReminder['kind'] };
  });
}

export function planDeadlineReminders(
  dueOn: string,
  offsets: readonly number[],
  addWorkingDays: (date: string, days: number) => string,
): PlannedReminder[] {
  return kindsForOffsets(offsets).map(({ offsetDays, kind }) => ({
    kind,
    offsetDays,
    fireOn: offsetDays === 0 ? dueOn : addWorkingDays(dueOn, offsetDays),
  }));
}

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** 09:00 Europe/London on a date, as an instant (08:00 UTC in summer, 09:00 UTC in winter). */
export function londonNineAm(date: string): Date {
  for (const utcHour of ['09', '08']) {
    const instant = new Date(`${date}T${utcHour}:00:00Z`);
    if (LONDON_HOUR.format(instant) === '09') return instant;
  }
  throw new Error(`No 09:00 in London on ${date}`);
}

/** Who a reminder goes to, resolved when it fires (so a new colleague gets it and a leaver does not). */
export const RECIPIENT_ROLES: Record<Exclude<ReminderKind, 'notice'>, Role[]> = {
  warning: ['business-unit', 'subgroup-member'],
  'due-today': ['business-unit', 'subgroup-member'],
  breach: ['business-unit', 'subgroup-member'],
  'escalation-delegated': ['delegated-partner'],
  'escalation-lead': ['lead-partner'],
};

/**
 * Who a partnership duty's reminder goes to (the annual report and its copies): the business unit, which sends the
 * partnership's correspondence, and the lead partners, who sign the report off, are warned and told of the breach; the
 * escalations go to the lead partners. Never the subgroup or the delegated partners: these are not case work.
 */
export const PARTNERSHIP_DUTY_RECIPIENT_ROLES: Record<Exclude<ReminderKind, 'notice'>, Role[]> = {
  warning: ['business-unit', 'lead-partner'],
  'due-today': ['business-unit', 'lead-partner'],
  breach: ['business-unit', 'lead-partner'],
  'escalation-delegated': ['lead-partner'],
  'escalation-lead': ['lead-partner'],
};

/** Reminders of one deadline, as far as choosing which of those already due to send is concerned. */
export interface DueReminder {
  kind: PlannedReminder['kind'];
  offsetDays: number;
  fireAtMs: number;
}

/**
 * Of one deadline's reminders whose time has come (a case entered late, a worker back after an outage, due dates
 * moved by new settings), only the latest for each audience is worth sending: the business unit and subgroup need the
 * breach, not the warnings before it, but the delegated and lead partners each still need their escalation. Returns
 * the ones to mark superseded. The breach is never among them: it is the last reminder its audience gets.
 */
export function supersededReminders<T extends DueReminder>(
  reminders: readonly T[],
  nowMs: number,
  audiences: Record<DueReminder['kind'], readonly Role[]> = RECIPIENT_ROLES,
): T[] {
  const latest = new Map<string, T>();
  for (const reminder of reminders) {
    if (reminder.fireAtMs > nowMs) continue;
    const audience = audiences[reminder.kind].join(',');
    const current = latest.get(audience);
    if (!current || reminder.offsetDays > current.offsetDays) latest.set(audience, reminder);
  }
  const keep = new Set(latest.values());
  return reminders.filter((r) => r.fireAtMs <= nowMs && !keep.has(r));
}

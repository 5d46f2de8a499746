/**
 * Public API of the calendar library: date-only values, England and Wales bank holidays and working days.
 * Pure TypeScript, no framework.
 */
import { WorkingDayCalendar } from './working-day-calendar';

export * from './local-date';
export * from './bank-holidays';
export * from './one-off-bank-holidays';
export * from './working-day-calendar';
export * from './today';

/** The shared calendar without partnership closure days. */
export const englandAndWales = new WorkingDayCalendar();

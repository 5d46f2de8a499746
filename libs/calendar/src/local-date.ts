/**
 * Date-only values (`YYYY-MM-DD`) as used for statutory deadlines.
 *
 * A statutory date is a day in England, never an instant, so nothing here touches `Date`, time zones or DST:
 * dates are converted to an integer "epoch day" (days since 1970-01-01 in the proleptic Gregorian calendar)
 * and all arithmetic is done on that integer.
 */

/** A date-only value `YYYY-MM-DD` (a day in Europe/London). Same shape as the workflows' `LocalDate`. */
export type LocalDate = string;

/** ISO 8601 day of week: 1 = Monday … 7 = Sunday. */
export type IsoDayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

/** Thrown for anything that is not a real calendar date written exactly as `YYYY-MM-DD`. */
export class InvalidLocalDateError extends RangeError {
  constructor(
    readonly value: unknown,
    label = 'date',
  ) {
    super(`${label} must be a real date written YYYY-MM-DD; got ${JSON.stringify(value)}`);
    this.name = 'InvalidLocalDateError';
  }
}

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function partsOf(value: unknown): LocalDateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True only for a real date written exactly `YYYY-MM-DD` (rejects 2026-02-30, 2026-13-01, 2026-2-3, ISO instants). */
export function isValidLocalDate(value: unknown): value is LocalDate {
  return partsOf(value) !== undefined;
}

/** Throws {@link InvalidLocalDateError} (naming `label`) unless `value` is a valid local date. */
export function assertLocalDate(value: unknown, label = 'date'): asserts value is LocalDate {
  if (!isValidLocalDate(value)) throw new InvalidLocalDateError(value, label);
}

/** Splits a valid local date into numbers; throws {@link InvalidLocalDateError} otherwise. */
export function parseLocalDate(value: LocalDate): LocalDateParts {
  const parts = partsOf(value);
  if (!parts) throw new InvalidLocalDateError(value);
  return parts;
}

/** Writes `YYYY-MM-DD`; throws if the parts are not a real date. */
export function formatLocalDate(parts: LocalDateParts): LocalDate {
  const text = `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  if (
    !Number.isInteger(parts.year) ||
    !Number.isInteger(parts.month) ||
    !Number.isInteger(parts.day) ||
    !isValidLocalDate(text)
  ) {
    throw new InvalidLocalDateError(parts);
  }
  return text;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer algorithms, eras of 400 years.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(epochDay: number): LocalDateParts {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (negative before). The integer every calendar computation works on. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return daysFromCivil(year, month, day);
}

/** The local date `epochDay` days after 1970-01-01; throws outside years 0001–9999. */
export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`epoch day must be an integer; got ${epochDay}`);
  const parts = civilFromDays(epochDay);
  if (parts.year < MIN_YEAR || parts.year > MAX_YEAR) {
    throw new RangeError(`epoch day ${epochDay} is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return formatLocalDate(parts);
}

function assertInteger(value: number, label: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${label} must be an integer; got ${value}`);
}

export function yearOf(date: LocalDate): number {
  return parseLocalDate(date).year;
}

/** ISO day of week of an epoch day (1970-01-01 was a Thursday). */
export function dayOfWeekOfEpochDay(epochDay: number): IsoDayOfWeek {
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoDayOfWeek;
}

/** ISO 8601 day of week: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function dayOfWeek(date: LocalDate): IsoDayOfWeek {
  return dayOfWeekOfEpochDay(toEpochDay(date));
}

export function isWeekend(date: LocalDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  assertInteger(days, 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * The same day of the month `months` months later (or earlier, when negative), clamped to the last day of the
 * target month: 31 Jan + 1 month = 28 Feb (29 in a leap year); 29 Feb 2028 + 12 months = 28 Feb 2029.
 * This is how "6 months" and "12 months" are read for statutory periods.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  assertInteger(months, 'months');
  const { year, month, day } = parseLocalDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    throw new RangeError(`${date} plus ${months} months is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return formatLocalDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Sort comparator of valid dates. Compared as text, without parsing either: a `LocalDate` is always `YYYY-MM-DD`
 * (validated where it enters), so the order of the text is the order of the days (a report compares days millions of
 * times).
 */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The months' names in English, January first (index 0). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

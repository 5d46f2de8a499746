/**
 * Bank holidays in England and Wales: the days that are not working days besides weekends.
 *
 * Built on `date-holidays` (`GB`/`ENG`, regular rules and substitute days) corrected by the data in
 * `one-off-bank-holidays.ts`. Checked against GOV.UK's published list in the tests.
 */
import Holidays from 'date-holidays';
import { dayOfWeek, LocalDate, yearOf } from './local-date';
import { MOVED_BANK_HOLIDAYS, ONE_OFF_BANK_HOLIDAYS } from './one-off-bank-holidays';

export interface BankHoliday {
  date: LocalDate;
  title: string;
}

/**
 * Years for which the list is meaningful: the current set of regular bank holidays dates from 1978 (Early May),
 * and future one-off proclamations cannot be known. Outside this range `bankHolidays` throws.
 */
export const BANK_HOLIDAY_YEARS = Object.freeze({ min: 1980, max: 2199 });

/** Types in `date-holidays` that are days off for everyone; 'observance' (Mother's Day etc.) is not. */
const DAY_OFF_TYPES = new Set(['public', 'bank']);

let source: Holidays | undefined;
const cache = new Map<number, readonly BankHoliday[]>();

function holidaySource(): Holidays {
  source ??= new Holidays('GB', 'ENG');
  return source;
}

function isWeekday(date: LocalDate): boolean {
  return dayOfWeek(date) <= 5;
}

function computeBankHolidays(year: number): readonly BankHoliday[] {
  const byDate = new Map<LocalDate, string>();
  for (const holiday of holidaySource().getHolidays(year, 'en')) {
    // `date` is the local calendar date ("YYYY-MM-DD hh:mm:ss"); `start` is an instant and would shift with DST.
    const date = holiday.date.slice(0, 10);
    // date-holidays lists Christmas Day etc. on the weekend *and* its substitute day; only the weekday is off.
    if (!DAY_OFF_TYPES.has(holiday.type) || !isWeekday(date) || byDate.has(date)) continue;
    byDate.set(date, holiday.name);
  }
  for (const moved of MOVED_BANK_HOLIDAYS) {
    if (yearOf(moved.from) === year) byDate.delete(moved.from);
    if (yearOf(moved.to) === year) byDate.set(moved.to, moved.title);
  }
  for (const oneOff of ONE_OFF_BANK_HOLIDAYS) {
    if (yearOf(oneOff.date) === year) byDate.set(oneOff.date, oneOff.title);
  }
  const list = [...byDate].map(([date, title]) => Object.freeze({ date, title }));
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return Object.freeze(list);
}

/**
 * The bank holidays of England and Wales in `year` that fall on a weekday (substitute and one-off days
 * included), sorted by date. Cached per year; the result is frozen.
 */
export function bankHolidays(year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < BANK_HOLIDAY_YEARS.min || year > BANK_HOLIDAY_YEARS.max) {
    throw new RangeError(
      `bank holidays are known for the years ${BANK_HOLIDAY_YEARS.min}–${BANK_HOLIDAY_YEARS.max}; got ${year}`,
    );
  }
  let list = cache.get(year);
  if (!list) {
    list = computeBankHolidays(year);
    cache.set(year, list);
  }
  return list;
}

/** True when `date` is a bank holiday in England and Wales. */
export function isBankHoliday(date: LocalDate): boolean {
  return bankHolidays(yearOf(date)).some((holiday) => holiday.date === date);
}

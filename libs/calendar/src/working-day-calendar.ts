/**
 * Working-day arithmetic for statutory deadlines in England.
 *
 * A working day is Monday to Friday, not a bank holiday in England and Wales and not one of the partnership's
 * extra closure days. The trigger day is day 0, and the two directions mirror each other: "N working days after D"
 * is the Nth working day after D, and "N working days before D" (`addWorkingDays(D, -N)`) is the Nth working day
 * before D. D itself is never counted, so from a Saturday or a bank holiday the first working day after it is day 1
 * going forward and the last working day before it is day 1 going back (7 working days before Sunday 29 November
 * 2026 is Thursday 19 November 2026).
 *
 * Everything works on integer epoch days. Weekdays are counted in whole weeks with a closed formula, and the
 * non-working weekdays (holidays and closures) are kept in one sorted array searched by bisection, so adding
 * 1,000 working days costs a handful of binary searches rather than a walk of 1,400 days.
 */
import { BANK_HOLIDAY_YEARS, BankHoliday, bankHolidays as englandAndWalesBankHolidays } from './bank-holidays';
import {
  addCalendarDays,
  addCalendarMonths,
  dayOfWeekOfEpochDay,
  fromEpochDay,
  InvalidLocalDateError,
  isValidLocalDate,
  LocalDate,
  toEpochDay,
  yearOf,
} from './local-date';

export interface WorkingDayCalendarOptions {
  /** Extra days the partnership is closed (e.g. 24 December); they count as non-working. Weekends are ignored. */
  closureDays?: readonly LocalDate[];
  /** Where bank holidays come from; England and Wales by default. Tests may inject a fixed list. */
  bankHolidays?: (year: number) => readonly BankHoliday[];
}

/** A non-working weekday with the reason it is not worked. */
export interface NonWorkingDay {
  date: LocalDate;
  title: string;
  kind: 'bank-holiday' | 'closure';
}

/** 1970-01-05, the first Monday on or after the epoch: weeks are counted from it. */
const MONDAY_ZERO = 4;
/** How many years beyond the requested ones to load at once, so that nearby dates do not trigger a rebuild. */
const YEAR_MARGIN = 3;

/** Weekdays in [MONDAY_ZERO, epochDay), negative before it. */
function weekdaysBefore(epochDay: number): number {
  const offset = epochDay - MONDAY_ZERO;
  const weeks = Math.floor(offset / 7);
  return 5 * weeks + Math.min(offset - 7 * weeks, 5);
}

/** The smallest epoch day e with weekdaysBefore(e + 1) >= count: the count-th weekday from MONDAY_ZERO. */
function nthWeekday(count: number): number {
  const index = count - 1;
  const weeks = Math.floor(index / 5);
  return MONDAY_ZERO + 7 * weeks + (index - 5 * weeks);
}

/** Number of entries of the sorted array that are <= value. */
function countAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isWeekdayEpochDay(epochDay: number): boolean {
  return dayOfWeekOfEpochDay(epochDay) <= 5;
}

function assertDayCount(days: number): void {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer; got ${days}`);
}

/**
 * Working-day calendar for England and Wales, optionally with a partnership's closure days. Instances are
 * immutable in behaviour (they only cache), so one instance per partnership can be shared freely.
 * Dates must fall in {@link BANK_HOLIDAY_YEARS}; otherwise methods throw a `RangeError`.
 */
export class WorkingDayCalendar {
  private readonly closures: ReadonlyMap<number, LocalDate>;
  private readonly holidaySource: (year: number) => readonly BankHoliday[];
  private loadedYears: { min: number; max: number } | undefined;
  /** Sorted epoch days of the weekdays in the loaded years that are not worked (bank holidays and closures). */
  private nonWorking: number[] = [];

  constructor(options: WorkingDayCalendarOptions = {}) {
    const closures = new Map<number, LocalDate>();
    for (const date of options.closureDays ?? []) {
      if (!isValidLocalDate(date)) throw new InvalidLocalDateError(date, 'closure day');
      closures.set(toEpochDay(date), date);
    }
    this.closures = closures;
    this.holidaySource = options.bankHolidays ?? englandAndWalesBankHolidays;
  }

  /** The partnership's closure days, sorted. */
  get closureDays(): LocalDate[] {
    return [...this.closures.keys()].sort((a, b) => a - b).map((day) => this.closures.get(day) as LocalDate);
  }

  /** Bank holidays of England and Wales in `year` (closure days are not included: see {@link nonWorkingDays}). */
  bankHolidays(year: number): readonly BankHoliday[] {
    return this.holidaySource(year);
  }

  /** Every weekday in `year` that is not a working day, with its reason, sorted. */
  nonWorkingDays(year: number): NonWorkingDay[] {
    const byDate = new Map<LocalDate, NonWorkingDay>();
    for (const [epochDay, date] of this.closures) {
      if (yearOf(date) === year && isWeekdayEpochDay(epochDay)) {
        byDate.set(date, { date, title: 'Partnership closure day', kind: 'closure' });
      }
    }
    for (const holiday of this.holidaySource(year)) {
      byDate.set(holiday.date, { date: holiday.date, title: holiday.title, kind: 'bank-holiday' });
    }
    return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /**
   * The weekdays not worked in the span {@link workingDaysBetween} counts: (from, to] when `to` is later, [to, from)
   * when it is earlier. So moving by {@link addWorkingDays} skips exactly these between its date and its answer.
   */
  nonWorkingDaysBetween(from: LocalDate, to: LocalDate): NonWorkingDay[] {
    const forward = to >= from;
    const [low, high] = forward ? [from, to] : [to, from];
    const inSpan = (date: LocalDate) => (forward ? date > low && date <= high : date >= low && date < high);
    const found: NonWorkingDay[] = [];
    for (let year = yearOf(low); year <= yearOf(high); year++) {
      found.push(...this.nonWorkingDays(year).filter((day) => inSpan(day.date)));
    }
    return found;
  }

  isWorkingDay(date: LocalDate): boolean {
    const day = toEpochDay(date);
    this.ensureYearsLoaded(day, day);
    return this.isWorkingEpochDay(day);
  }

  /**
   * The date `days` working days after `date` (before it, when negative), with `date` as day 0: the result R has
   * exactly |days| working days in (date, R] going forward and in [R, date) going back. It is always a working day,
   * except that `days = 0` returns `date` unchanged. So Saturday − 1 is Friday, as Saturday + 1 is Monday.
   */
  addWorkingDays(date: LocalDate, days: number): LocalDate {
    assertDayCount(days);
    const start = toEpochDay(date);
    if (days === 0) return date;
    this.ensureYearsLoaded(start, start);
    // Holidays loaded so far may not reach the result: compute, extend to cover it, and redo until it is covered.
    for (;;) {
      const result = this.addWorkingEpochDays(start, days);
      if (this.ensureYearsLoaded(Math.min(start, result), Math.max(start, result))) return fromEpochDay(result);
    }
  }

  /**
   * The count {@link addWorkingDays} takes from `from` to `to`: the working days in (from, to] when `to` is later,
   * and minus the working days in [to, from) when it is earlier. So `addWorkingDays(from, workingDaysBetween(from,
   * to)) === to` whenever `to` is a working day, and the count changes sign with the direction when both are
   * working days.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const fromDay = toEpochDay(from);
    const toDay = toEpochDay(to);
    this.ensureYearsLoaded(Math.min(fromDay, toDay), Math.max(fromDay, toDay));
    if (toDay >= fromDay) return this.workingDayIndex(toDay) - this.workingDayIndex(fromDay);
    return this.workingDayIndex(toDay - 1) - this.workingDayIndex(fromDay - 1);
  }

  addCalendarDays(date: LocalDate, days: number): LocalDate {
    return addCalendarDays(date, days);
  }

  addCalendarMonths(date: LocalDate, months: number): LocalDate {
    return addCalendarMonths(date, months);
  }

  private isWorkingEpochDay(day: number): boolean {
    if (!isWeekdayEpochDay(day)) return false;
    const index = countAtOrBefore(this.nonWorking, day);
    return index === 0 || this.nonWorking[index - 1] !== day;
  }

  /** Working days in [MONDAY_ZERO, day] (negative before): a non-decreasing step that rises on each working day. */
  private workingDayIndex(day: number): number {
    return weekdaysBefore(day + 1) - countAtOrBefore(this.nonWorking, day);
  }

  /**
   * The working day whose index is `workingDayIndex(start) + days`. Guess with weekdays only, shifted by the
   * non-working weekdays known to lie before the guess, and re-guess until that count stops changing.
   */
  private addWorkingEpochDays(start: number, days: number): number {
    // A non-working day shares its index with the working day before it; going back, that working day is the 1st.
    const startsBetweenWorkingDays = days < 0 && !this.isWorkingEpochDay(start);
    const target = this.workingDayIndex(start) + (startsBetweenWorkingDays ? 1 : 0) + days;
    let skipped = countAtOrBefore(this.nonWorking, start);
    for (;;) {
      const guess = nthWeekday(target + skipped);
      const skippedToGuess = countAtOrBefore(this.nonWorking, guess);
      if (skippedToGuess !== skipped) {
        // Forward the count only grows and the guess moves later; backward it only shrinks and moves earlier.
        skipped = skippedToGuess;
      } else if (days < 0 && !this.isWorkingEpochDay(guess)) {
        // Backward, the guess can settle on a non-working weekday with the target index; the answer is the
        // working day before it, so forget that one day and keep going back.
        skipped -= 1;
      } else {
        return guess;
      }
    }
  }

  /**
   * Makes sure the holidays of every year from `fromDay` to `toDay` are loaded. Returns true if they already
   * were (results computed with the current list are final), false if the list had to be extended.
   */
  private ensureYearsLoaded(fromDay: number, toDay: number): boolean {
    const fromYear = yearOf(fromEpochDay(fromDay));
    const toYear = yearOf(fromEpochDay(toDay));
    const loaded = this.loadedYears;
    if (loaded && loaded.min <= fromYear && toYear <= loaded.max) return true;
    if (fromYear < BANK_HOLIDAY_YEARS.min || toYear > BANK_HOLIDAY_YEARS.max) {
      throw new RangeError(
        `working days are known for the years ${BANK_HOLIDAY_YEARS.min}–${BANK_HOLIDAY_YEARS.max}; ` +
          `this needs ${fromYear === toYear ? fromYear : `${fromYear}–${toYear}`}`,
      );
    }
    const min = Math.max(BANK_HOLIDAY_YEARS.min, Math.min(fromYear - YEAR_MARGIN, loaded?.min ?? fromYear));
    const max = Math.min(BANK_HOLIDAY_YEARS.max, Math.max(toYear + YEAR_MARGIN, loaded?.max ?? toYear));
    const days = new Set<number>();
    for (let year = min; year <= max; year++) {
      for (const holiday of this.holidaySource(year)) days.add(toEpochDay(holiday.date));
    }
    for (const [day, date] of this.closures) {
      const year = yearOf(date);
      if (year >= min && year <= max) days.add(day);
    }
    this.nonWorking = [...days].filter(isWeekdayEpochDay).sort((a, b) => a - b);
    this.loadedYears = { min, max };
    return false;
  }
}

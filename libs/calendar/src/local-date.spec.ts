import fc from 'fast-check';
import {
  addCalendarDays,
  addCalendarMonths,
  assertLocalDate,
  calendarDaysBetween,
  compareLocalDates,
  dayOfWeek,
  formatLocalDate,
  fromEpochDay,
  InvalidLocalDateError,
  isValidLocalDate,
  isWeekend,
  parseLocalDate,
  toEpochDay,
} from './local-date';

describe('isValidLocalDate', () => {
  it.each(['2026-01-01', '2028-02-29', '2000-02-29', '2026-12-31', '1990-06-15', '2110-01-01'])(
    'accepts %s',
    (date) => {
      expect(isValidLocalDate(date)).toBe(true);
    },
  );

  it.each([
    ['day past the end of February', '2026-02-30'],
    ['29 February outside a leap year', '2026-02-29'],
    ['29 February in a century year that is not a leap year', '2100-02-29'],
    ['month 13', '2026-13-01'],
    ['month 00', '2026-00-10'],
    ['day 00', '2026-01-00'],
    ['31 April', '2026-04-31'],
    ['missing zero padding', '2026-2-3'],
    ['an ISO instant', '2026-01-05T00:00:00Z'],
    ['slashes', '05/01/2026'],
    ['surrounding spaces', ' 2026-01-05'],
    ['an empty string', ''],
    ['year 0000', '0000-01-01'],
  ])('rejects %s (%s)', (_why, date) => {
    expect(isValidLocalDate(date)).toBe(false);
  });

  it.each([undefined, null, 20260105, new Date('2026-01-05'), {}])('rejects the non-string %p', (value) => {
    expect(isValidLocalDate(value)).toBe(false);
  });

  it('assertLocalDate names the field in its error', () => {
    expect(() => assertLocalDate('2026-02-30', 'laAwareOn')).toThrow(InvalidLocalDateError);
    expect(() => assertLocalDate('2026-02-30', 'laAwareOn')).toThrow(/laAwareOn must be a real date/);
  });
});

describe('parsing and formatting', () => {
  it('splits a date into numbers and writes it back', () => {
    expect(parseLocalDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
    expect(formatLocalDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
  });

  it('refuses to format a date that does not exist', () => {
    expect(() => formatLocalDate({ year: 2026, month: 2, day: 29 })).toThrow(InvalidLocalDateError);
  });

  it('counts epoch days from 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(20454)).toBe('2026-01-01');
  });

  it('round-trips epoch days and agrees with the UTC calendar of Date for years 1900-2200', () => {
    const min = toEpochDay('1900-01-01');
    const max = toEpochDay('2200-12-31');
    fc.assert(
      fc.property(fc.integer({ min, max }), (epochDay) => {
        const date = fromEpochDay(epochDay);
        expect(date).toBe(new Date(epochDay * 86_400_000).toISOString().slice(0, 10));
        expect(toEpochDay(date)).toBe(epochDay);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('dayOfWeek (ISO: Monday 1 to Sunday 7)', () => {
  it.each([
    ['2025-12-19', 5],
    ['2025-12-20', 6],
    ['2025-12-21', 7],
    ['2025-12-22', 1],
    ['1970-01-01', 4],
    ['2028-02-29', 2],
  ] as const)('%s is day %d', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('marks Saturday and Sunday as the weekend', () => {
    expect(isWeekend('2026-01-03')).toBe(true);
    expect(isWeekend('2026-01-04')).toBe(true);
    expect(isWeekend('2026-01-05')).toBe(false);
  });
});

describe('addCalendarDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-01-05', 0)).toBe('2026-01-05');
  });

  it('is not shifted by the clock change (no time zone involved)', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('refuses a fractional number of days', () => {
    expect(() => addCalendarDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe('addCalendarMonths (same day of month, clamped to the month end)', () => {
  it.each([
    ['2026-01-30', 6, '2026-07-30'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2025-12-19', 1, '2026-01-19'],
  ] as const)('%s + %d months = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });
});

describe('comparisons', () => {
  it('counts calendar days between two dates, negative backwards', () => {
    expect(calendarDaysBetween('2026-03-01', '2026-03-11')).toBe(10);
    expect(calendarDaysBetween('2026-03-11', '2026-03-01')).toBe(-10);
    expect(calendarDaysBetween('2027-12-31', '2028-12-31')).toBe(366);
  });

  it('orders dates', () => {
    expect(['2026-01-10', '2025-12-31', '2026-01-02'].sort(compareLocalDates)).toEqual([
      '2025-12-31',
      '2026-01-02',
      '2026-01-10',
    ]);
  });
});

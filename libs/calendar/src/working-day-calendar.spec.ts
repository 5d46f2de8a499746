import fc from 'fast-check';
import { bankHolidays } from './bank-holidays';
import { fromEpochDay, LocalDate, toEpochDay } from './local-date';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar();

describe('worked examples of docs/domain/rules.md §2.3', () => {
  it('LA aware Fri 19 Dec 2025 + 5 WD = Tue 30 Dec 2025 (25 and 26 Dec skipped)', () => {
    expect(calendar.addWorkingDays('2025-12-19', 5)).toBe('2025-12-30');
  });

  it('notification Tue 30 Dec 2025 + 15 WD = Wed 21 Jan 2026 (1 Jan skipped)', () => {
    expect(calendar.addWorkingDays('2025-12-30', 15)).toBe('2026-01-21');
  });

  it('LA aware Wed 23 Dec 2026 + 5 WD = Mon 4 Jan 2027 (25 Dec, 28 Dec substitute, 1 Jan skipped)', () => {
    expect(calendar.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
  });

  it('LA aware Wed 24 Mar 2027 + 5 WD = Fri 2 Apr 2027 (Good Friday and Easter Monday skipped)', () => {
    expect(calendar.addWorkingDays('2027-03-24', 5)).toBe('2027-04-02');
  });

  it('7 WD before publication on Mon 5 Jan 2026 = Mon 22 Dec 2025', () => {
    expect(calendar.addWorkingDays('2026-01-05', -7)).toBe('2025-12-22');
    expect(calendar.workingDaysBetween('2025-12-22', '2026-01-05')).toBe(7);
  });
});

describe('the trigger day is day 0', () => {
  it('a trigger on a Saturday: day 1 is the Monday after', () => {
    expect(calendar.addWorkingDays('2026-01-10', 1)).toBe('2026-01-12');
    expect(calendar.addWorkingDays('2026-01-10', 5)).toBe('2026-01-16');
  });

  it('a trigger on a Sunday: day 1 is the Monday after', () => {
    expect(calendar.addWorkingDays('2026-01-11', 1)).toBe('2026-01-12');
  });

  it('a trigger on a bank holiday (Good Friday 3 Apr 2026): day 1 is Tue 7 Apr, after Easter Monday', () => {
    expect(calendar.addWorkingDays('2026-04-03', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-03', 5)).toBe('2026-04-13');
  });

  it('a trigger on Christmas Day 2025: day 1 is Mon 29 Dec', () => {
    expect(calendar.addWorkingDays('2025-12-25', 1)).toBe('2025-12-29');
  });

  it('adding 0 working days returns the date unchanged, even a non-working one', () => {
    expect(calendar.addWorkingDays('2026-01-10', 0)).toBe('2026-01-10');
    expect(calendar.addWorkingDays('2025-12-25', 0)).toBe('2025-12-25');
    expect(calendar.addWorkingDays('2026-01-05', 0)).toBe('2026-01-05');
  });

  it('a trigger on a Friday: day 1 is the Monday after', () => {
    expect(calendar.addWorkingDays('2026-01-09', 1)).toBe('2026-01-12');
  });

  it('going back from a Saturday, the Friday before it is the 1st working day, as the Monday after is going forward', () => {
    expect(calendar.addWorkingDays('2026-01-10', -1)).toBe('2026-01-09');
    expect(calendar.addWorkingDays('2026-01-10', 1)).toBe('2026-01-12');
    expect(calendar.workingDaysBetween('2026-01-10', '2026-01-09')).toBe(-1);
    expect(calendar.addWorkingDays('2026-01-12', -1)).toBe('2026-01-09');
  });

  it('7 working days before Sunday 29 November 2026 is Thursday 19 November 2026 (rules.md §2.1)', () => {
    expect(calendar.addWorkingDays('2026-11-29', -7)).toBe('2026-11-19');
    expect(calendar.workingDaysBetween('2026-11-29', '2026-11-19')).toBe(-7);
  });

  it('going back from a bank holiday, the working day before it is the 1st: Easter Monday 6 April 2026 − 1 is Thursday 2 April', () => {
    expect(calendar.addWorkingDays('2026-04-06', -1)).toBe('2026-04-02');
    expect(calendar.addWorkingDays('2026-04-03', 1)).toBe('2026-04-07');
  });
});

describe('Christmas and New Year runs 2025-2028', () => {
  it.each([
    ['2025-12-24', 1, '2025-12-29', '25 and 26 Dec 2025 (Thu, Fri)'],
    ['2025-12-31', 1, '2026-01-02', '1 Jan 2026 (Thu)'],
    ['2026-12-24', 1, '2026-12-29', '25 Dec (Fri) and the Boxing Day substitute Mon 28 Dec 2026'],
    ['2026-12-31', 1, '2027-01-04', '1 Jan 2027 (Fri)'],
    ['2027-12-24', 1, '2027-12-29', 'both substitutes, Mon 27 and Tue 28 Dec 2027'],
    ['2027-12-31', 1, '2028-01-04', 'the New Year substitute Mon 3 Jan 2028'],
    ['2028-12-22', 1, '2028-12-27', '25 and 26 Dec 2028 (Mon, Tue)'],
    ['2028-12-29', 1, '2029-01-02', '1 Jan 2029 (Mon)'],
  ])('%s + %d WD = %s (skips %s)', (from, days, expected) => {
    expect(calendar.addWorkingDays(from, days)).toBe(expected);
    expect(calendar.addWorkingDays(expected, -days)).toBe(from);
  });

  it.each([
    ['2025-12-24', '2026-01-02', 4],
    ['2026-12-24', '2027-01-04', 4],
    ['2027-12-24', '2028-01-04', 4],
    ['2028-12-22', '2029-01-02', 4],
  ])('between %s and %s there are %d working days', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
    expect(calendar.workingDaysBetween(to, from)).toBe(0 - expected);
  });
});

describe('Easter runs 2025-2028 (Good Friday and Easter Monday)', () => {
  it.each([
    ['2025-04-17', '2025-04-22'],
    ['2026-04-02', '2026-04-07'],
    ['2027-03-25', '2027-03-30'],
    ['2028-04-13', '2028-04-18'],
  ])('Maundy Thursday %s + 1 WD = Tuesday %s', (thursday, tuesday) => {
    expect(calendar.addWorkingDays(thursday, 1)).toBe(tuesday);
    expect(calendar.addWorkingDays(tuesday, -1)).toBe(thursday);
    expect(calendar.workingDaysBetween(thursday, tuesday)).toBe(1);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-01-05', true, 'an ordinary Monday'],
    ['2026-01-03', false, 'a Saturday'],
    ['2026-01-04', false, 'a Sunday'],
    ['2026-01-01', false, 'New Year’s Day'],
    ['2026-12-28', false, 'a substitute day'],
    ['2022-09-19', false, 'a one-off bank holiday'],
    ['2026-12-24', true, 'Christmas Eve (no closure configured)'],
  ])('%s is %p (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('partnership closure days', () => {
  const closedOnChristmasEve = new WorkingDayCalendar({ closureDays: ['2025-12-24', '2026-12-24', '2027-12-24'] });

  it('a closure on 24 Dec pushes a deadline: aware Fri 19 Dec 2025 + 5 WD = Wed 31 Dec instead of Tue 30 Dec', () => {
    expect(closedOnChristmasEve.isWorkingDay('2025-12-24')).toBe(false);
    expect(closedOnChristmasEve.addWorkingDays('2025-12-19', 5)).toBe('2025-12-31');
    expect(closedOnChristmasEve.workingDaysBetween('2025-12-19', '2025-12-31')).toBe(5);
  });

  it('counts closures backwards too: 7 WD before Mon 5 Jan 2026 becomes Fri 19 Dec 2025', () => {
    expect(closedOnChristmasEve.addWorkingDays('2026-01-05', -7)).toBe('2025-12-19');
  });

  it('ignores closures that fall on a weekend (24 Dec 2027 is a Friday, 24 Dec 2028 a Sunday)', () => {
    const weekendClosure = new WorkingDayCalendar({ closureDays: ['2028-12-24'] });
    expect(weekendClosure.workingDaysBetween('2028-12-22', '2028-12-29')).toBe(3);
  });

  it('does not count a closure twice when it is also a bank holiday', () => {
    const doubled = new WorkingDayCalendar({ closureDays: ['2025-12-25'] });
    expect(doubled.addWorkingDays('2025-12-19', 5)).toBe('2025-12-30');
  });

  it('lists closures next to bank holidays, but keeps bankHolidays() to the national list', () => {
    expect(closedOnChristmasEve.closureDays).toEqual(['2025-12-24', '2026-12-24', '2027-12-24']);
    expect(closedOnChristmasEve.nonWorkingDays(2025).slice(-3)).toEqual([
      { date: '2025-12-24', title: 'Partnership closure day', kind: 'closure' },
      { date: '2025-12-25', title: 'Christmas Day', kind: 'bank-holiday' },
      { date: '2025-12-26', title: 'Boxing Day', kind: 'bank-holiday' },
    ]);
    expect(closedOnChristmasEve.bankHolidays(2025).map((holiday) => holiday.date)).not.toContain('2025-12-24');
  });

  it('refuses an invalid closure day', () => {
    expect(() => new WorkingDayCalendar({ closureDays: ['2025-12-32'] })).toThrow(/closure day must be a real date/);
  });
});

describe('an injected bank holiday source', () => {
  it('is used instead of England and Wales (here: one holiday on Wed 7 Jan 2026 and nothing else)', () => {
    const custom = new WorkingDayCalendar({
      bankHolidays: (year) => (year === 2026 ? [{ date: '2026-01-07', title: 'Test holiday' }] : []),
    });
    expect(custom.isWorkingDay('2026-01-01')).toBe(true);
    expect(custom.addWorkingDays('2026-01-05', 3)).toBe('2026-01-09');
    expect(custom.bankHolidays(2026)).toEqual([{ date: '2026-01-07', title: 'Test holiday' }]);
  });
});

describe('calendar periods through the calendar', () => {
  it('clamps months to the month end and handles 29 February', () => {
    expect(calendar.addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(calendar.addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(calendar.addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(calendar.addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('input checks and range', () => {
  it('refuses invalid dates and fractional day counts', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(/real date/);
    expect(() => calendar.addWorkingDays('2026-01-05', 0.5)).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2026-01-05', '2026-13-01')).toThrow(/real date/);
    expect(() => calendar.isWorkingDay('26-01-05')).toThrow(/real date/);
  });

  it('works across the supported years and refuses dates beyond them', () => {
    expect(calendar.addWorkingDays('1990-01-02', -1)).toBe('1989-12-29');
    expect(calendar.addWorkingDays('2110-12-30', 1)).toBe('2110-12-31');
    expect(calendar.isWorkingDay('2199-12-31')).toBe(true);
    expect(() => calendar.isWorkingDay('1979-12-31')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2199-12-31', 1)).toThrow(RangeError);
  });

  it('jumps a long way without walking: 1,000 WD from 2 Jan 2026 lands on a working day whose distance is 1,000', () => {
    const result = calendar.addWorkingDays('2026-01-02', 1000);
    expect(result).toBe(naiveAddWorkingDays(naiveNonWorking(new Set()), '2026-01-02', 1000));
    expect(calendar.workingDaysBetween('2026-01-02', result)).toBe(1000);
  });
});

// ---- property tests against a naive day-by-day reference --------------------------------------------------------

const DAY_MS = 86_400_000;
const MIN_DAY = toEpochDay('2000-01-01');
const MAX_DAY = toEpochDay('2099-12-31');

/** Independent of the library's own date maths: weekdays from Date in UTC, holidays from the year lists. */
function naiveNonWorking(closures: ReadonlySet<LocalDate>): (date: LocalDate) => boolean {
  const holidays = new Set<LocalDate>();
  for (let year = 1994; year <= 2106; year++) for (const holiday of bankHolidays(year)) holidays.add(holiday.date);
  return (date) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 || holidays.has(date) || closures.has(date);
  };
}

function naiveNextDay(date: LocalDate, step: 1 | -1): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10);
}

/** Walks one day at a time, away from `from` (never counted), to the |n|th working day it meets. */
function naiveAddWorkingDays(isNonWorking: (date: LocalDate) => boolean, from: LocalDate, days: number): LocalDate {
  const step = days > 0 ? 1 : -1;
  let date = from;
  for (let counted = 0; counted < Math.abs(days);) {
    date = naiveNextDay(date, step);
    if (!isNonWorking(date)) counted++;
  }
  return date;
}

const anyDate = fc.integer({ min: MIN_DAY, max: MAX_DAY }).map(fromEpochDay);
const anyDays = fc.integer({ min: -1000, max: 1000 });
const plainNonWorking = naiveNonWorking(new Set());

describe('properties (fast-check)', () => {
  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for any d in 2000-2099 and n in -1000..1000', () => {
    fc.assert(
      fc.property(anyDate, anyDays, (date, days) => {
        expect(calendar.workingDaysBetween(date, calendar.addWorkingDays(date, days))).toBe(days);
      }),
      { numRuns: 1000 },
    );
  });

  it('adding n then -n returns to d when d is a working day', () => {
    fc.assert(
      fc.property(anyDate, anyDays, (date, days) => {
        fc.pre(calendar.isWorkingDay(date));
        expect(calendar.addWorkingDays(calendar.addWorkingDays(date, days), -days)).toBe(date);
      }),
      { numRuns: 1000 },
    );
  });

  it('addWorkingDays(from, workingDaysBetween(from, to)) === to whenever to is a working day, in both directions', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1400, max: 1400 }), (from, offset) => {
        const to = calendar.addCalendarDays(from, offset);
        fc.pre(calendar.isWorkingDay(to));
        expect(calendar.addWorkingDays(from, calendar.workingDaysBetween(from, to))).toBe(to);
      }),
      { numRuns: 1000 },
    );
  });

  it('from a non-working day back to the last working day before it the count is -1: Mon 3 Jan 2000 to Thu 30 Dec 1999', () => {
    // Mon 3 Jan 2000 (New Year substitute) and Fri 31 Dec 1999 (Millennium) are both bank holidays.
    expect(calendar.workingDaysBetween('2000-01-03', '1999-12-30')).toBe(-1);
    expect(calendar.addWorkingDays('2000-01-03', -1)).toBe('1999-12-30');
    expect(calendar.addWorkingDays('2000-01-03', 0)).toBe('2000-01-03');
  });

  it('the result of a non-zero addWorkingDays is always a working day', () => {
    fc.assert(
      fc.property(
        anyDate,
        anyDays.filter((days) => days !== 0),
        (date, days) => {
          expect(calendar.isWorkingDay(calendar.addWorkingDays(date, days))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('addWorkingDays equals a naive day-by-day walk', () => {
    fc.assert(
      fc.property(anyDate, anyDays, (date, days) => {
        expect(calendar.addWorkingDays(date, days)).toBe(naiveAddWorkingDays(plainNonWorking, date, days));
      }),
      { numRuns: 500 },
    );
  });

  it('addWorkingDays equals a naive walk with random closure days (including runs of them)', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: -300, max: 300 }),
        fc.array(fc.integer({ min: -450, max: 450 }), { maxLength: 40 }),
        (date, days, offsets) => {
          // Closures cluster around the start so that they matter; consecutive offsets make multi-day closures.
          const closures = offsets.map((offset) => fromEpochDay(toEpochDay(date) + offset));
          const withClosures = new WorkingDayCalendar({ closureDays: closures });
          expect(withClosures.addWorkingDays(date, days)).toBe(
            naiveAddWorkingDays(naiveNonWorking(new Set(closures)), date, days),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween equals a naive count of the working days passed on the way, `from` excluded', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -500, max: 500 }), (from, offset) => {
        const to = calendar.addCalendarDays(from, offset);
        let expected = 0;
        for (let date = from; date < to;) {
          date = naiveNextDay(date, 1);
          if (!plainNonWorking(date)) expected++;
        }
        for (let date = from; date > to;) {
          date = naiveNextDay(date, -1);
          if (!plainNonWorking(date)) expected--;
        }
        expect(calendar.workingDaysBetween(from, to)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('workingDaysBetween changes sign with the direction when both dates are working days', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -500, max: 500 }), (from, offset) => {
        const to = calendar.addCalendarDays(from, offset);
        fc.pre(calendar.isWorkingDay(from) && calendar.isWorkingDay(to));
        expect(calendar.workingDaysBetween(to, from)).toBe(0 - calendar.workingDaysBetween(from, to));
      }),
      { numRuns: 500 },
    );
  });
});

/** Saturdays, Sundays, bank holidays and closure days: the anchors where the two directions used to disagree. */
const anyNonWorkingDate = anyDate.filter((date) => plainNonWorking(date));

describe('counting from a non-working anchor mirrors in both directions (fast-check)', () => {
  it('forward, the first working day after the anchor is day 1', () => {
    fc.assert(
      fc.property(anyNonWorkingDate, fc.integer({ min: 1, max: 1000 }), (anchor, days) => {
        expect(calendar.addWorkingDays(anchor, days)).toBe(naiveAddWorkingDays(plainNonWorking, anchor, days));
        expect(calendar.addWorkingDays(anchor, 1)).toBe(naiveAddWorkingDays(plainNonWorking, anchor, 1));
      }),
      { numRuns: 500 },
    );
  });

  it('backward, the last working day before the anchor is day 1', () => {
    fc.assert(
      fc.property(anyNonWorkingDate, fc.integer({ min: 1, max: 1000 }), (anchor, days) => {
        expect(calendar.addWorkingDays(anchor, -days)).toBe(naiveAddWorkingDays(plainNonWorking, anchor, -days));
      }),
      { numRuns: 500 },
    );
  });

  it('N working days back from an anchor and N forward each pass exactly N working days, the anchor not counted', () => {
    fc.assert(
      fc.property(anyNonWorkingDate, fc.integer({ min: 1, max: 60 }), (anchor, days) => {
        const before = calendar.addWorkingDays(anchor, -days);
        const after = calendar.addWorkingDays(anchor, days);
        const workingIn = (from: LocalDate, to: LocalDate): number => {
          let count = 0;
          for (let date = from; date <= to; date = naiveNextDay(date, 1)) if (!plainNonWorking(date)) count++;
          return count;
        };
        expect(workingIn(before, naiveNextDay(anchor, -1))).toBe(days);
        expect(workingIn(naiveNextDay(anchor, 1), after)).toBe(days);
      }),
      { numRuns: 300 },
    );
  });

  it('with closure days too: backward from a closure day, the working day before it is day 1', () => {
    const closedOnChristmasEve = new WorkingDayCalendar({ closureDays: ['2026-12-24'] });
    expect(closedOnChristmasEve.addWorkingDays('2026-12-24', -1)).toBe('2026-12-23');
    expect(closedOnChristmasEve.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
  });
});

describe('the non-working days a count skips', () => {
  const withClosure = new WorkingDayCalendar({ closureDays: ['2025-12-24', '2025-12-27'] });

  it('lists the bank holidays and weekday closure days between a date and the answer, in order', () => {
    expect(withClosure.addWorkingDays('2025-12-19', 5)).toBe('2025-12-31');
    expect(withClosure.nonWorkingDaysBetween('2025-12-19', '2025-12-31')).toEqual([
      { date: '2025-12-24', title: 'Partnership closure day', kind: 'closure' },
      { date: '2025-12-25', title: 'Christmas Day', kind: 'bank-holiday' },
      { date: '2025-12-26', title: 'Boxing Day', kind: 'bank-holiday' },
    ]);
  });

  it('counts the same span as workingDaysBetween in both directions: the start is never in it', () => {
    expect(calendar.nonWorkingDaysBetween('2025-12-25', '2026-01-02').map((d) => d.date)).toEqual([
      '2025-12-26',
      '2026-01-01',
    ]);
    expect(calendar.addWorkingDays('2026-01-02', -4)).toBe('2025-12-24');
    expect(calendar.nonWorkingDaysBetween('2026-01-02', '2025-12-24').map((d) => d.date)).toEqual([
      '2025-12-25',
      '2025-12-26',
      '2026-01-01',
    ]);
    expect(calendar.nonWorkingDaysBetween('2026-01-01', '2026-01-01')).toEqual([]);
  });
});

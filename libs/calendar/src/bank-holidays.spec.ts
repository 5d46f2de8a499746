import * as fs from 'fs';
import * as path from 'path';
import { BANK_HOLIDAY_YEARS, bankHolidays, isBankHoliday } from './bank-holidays';
import { dayOfWeek } from './local-date';
import { MOVED_BANK_HOLIDAYS, ONE_OFF_BANK_HOLIDAYS } from './one-off-bank-holidays';

/** GOV.UK's own data file, kept in the repository as a dated fixture (source S27 in docs/domain/rules.md). */
const GOVUK_FILE = path.resolve(__dirname, '../../../test/fixtures/calendar/govuk-bank-holidays-2026-08-21.json');
const DIVISION = 'common.nations.england-and-wales_slug';

interface GovUkEvent {
  title: string;
  date: string;
  notes: string;
}

/** Reads the file eagerly: if it is missing the suite fails (it must never be skipped silently). */
function readGovUkEnglandAndWales(): Map<number, string[]> {
  if (!fs.existsSync(GOVUK_FILE)) {
    throw new Error(`GOV.UK bank holiday reference file not found at ${GOVUK_FILE}; it is required for this test`);
  }
  const json = JSON.parse(fs.readFileSync(GOVUK_FILE, 'utf8')) as {
    divisions: Record<string, Record<string, unknown>>;
  };
  const byYear = new Map<number, string[]>();
  // The division also holds `slug` and `title`; the years are the keys whose value is a list of events.
  for (const [year, value] of Object.entries(json.divisions[DIVISION])) {
    if (!/^\d{4}$/.test(year) || !Array.isArray(value)) continue;
    const events = value as GovUkEvent[];
    // GOV.UK writes DD/MM/YYYY.
    const dates = events.map((event) => {
      const [day, month, fullYear] = event.date.split('/');
      return `${fullYear}-${month}-${day}`;
    });
    byYear.set(Number(year), dates.sort());
  }
  return byYear;
}

const govUk = readGovUkEnglandAndWales();
const govUkYears = [...govUk.keys()].sort((a, b) => a - b);

describe('bank holidays of England and Wales match GOV.UK', () => {
  it('has the reference years 2019 to 2028', () => {
    for (let year = 2019; year <= 2028; year++) expect(govUkYears).toContain(year);
  });

  it.each(govUkYears)('%d: exactly the same dates as GOV.UK', (year) => {
    expect(bankHolidays(year).map((holiday) => holiday.date)).toEqual(govUk.get(year));
  });

  it.each([
    ['2022-06-02', 'Spring bank holiday moved to Thursday for the Platinum Jubilee'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2022-09-19', 'State funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Coronation of King Charles III'],
    ['2020-05-08', 'Early May bank holiday moved to VE Day'],
    ['2026-12-28', 'Boxing Day substitute'],
    ['2027-12-27', 'Christmas Day substitute'],
    ['2027-12-28', 'Boxing Day substitute'],
    ['2028-01-03', 'New Year’s Day substitute'],
  ])('includes %s (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(true);
  });

  it.each([
    ['2022-05-30', 'the Monday the 2022 spring holiday was moved away from'],
    ['2020-05-04', 'the Monday the 2020 early May holiday was moved away from'],
    ['2026-12-26', 'Boxing Day on a Saturday (the weekday substitute is the day off)'],
    ['2027-12-25', 'Christmas Day on a Saturday'],
    ['2028-01-01', 'New Year’s Day on a Saturday'],
    ['2026-06-15', 'the Scotland-only 2026 World Cup holiday'],
    ['2026-12-24', 'Christmas Eve'],
  ])('excludes %s (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(false);
  });
});

describe('bank holidays outside the GOV.UK years', () => {
  it.each([
    [1995, ['1995-05-08'], ['1995-05-01']],
    [1999, ['1999-12-27', '1999-12-28', '1999-12-31'], []],
    [2002, ['2002-06-03', '2002-06-04'], ['2002-05-27']],
    [2011, ['2011-04-29'], []],
    [2012, ['2012-06-04', '2012-06-05'], ['2012-05-28']],
  ])('%d applies the one-off and moved days', (year, included, excluded) => {
    const dates = bankHolidays(year).map((holiday) => holiday.date);
    for (const date of included) expect(dates).toContain(date);
    for (const date of excluded) expect(dates).not.toContain(date);
  });

  it(`every year ${BANK_HOLIDAY_YEARS.min}-${BANK_HOLIDAY_YEARS.max} has the 8 regular days plus its one-off days, all on weekdays, sorted`, () => {
    const extraPerYear = new Map<number, number>();
    for (const oneOff of ONE_OFF_BANK_HOLIDAYS) {
      const year = Number(oneOff.date.slice(0, 4));
      extraPerYear.set(year, (extraPerYear.get(year) ?? 0) + 1);
    }
    for (let year = BANK_HOLIDAY_YEARS.min; year <= BANK_HOLIDAY_YEARS.max; year++) {
      const dates = bankHolidays(year).map((holiday) => holiday.date);
      expect({ year, count: dates.length }).toEqual({ year, count: 8 + (extraPerYear.get(year) ?? 0) });
      expect(dates).toEqual([...dates].sort());
      for (const date of dates) {
        expect(date.startsWith(String(year))).toBe(true);
        expect(dayOfWeek(date)).toBeLessThanOrEqual(5);
      }
    }
  });

  it('every moved holiday lands on a weekday in the same year', () => {
    for (const moved of MOVED_BANK_HOLIDAYS) {
      expect(moved.from.slice(0, 4)).toBe(moved.to.slice(0, 4));
      expect(dayOfWeek(moved.to)).toBeLessThanOrEqual(5);
    }
  });

  it('gives each day a title and caches the (frozen) list per year', () => {
    const first = bankHolidays(2026);
    expect(first[0]).toEqual({ date: '2026-01-01', title: "New Year's Day" });
    expect(bankHolidays(2026)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it.each([1979, 2200, 2026.5, Number.NaN])('refuses the unsupported year %p', (year) => {
    expect(() => bankHolidays(year)).toThrow(RangeError);
  });
});

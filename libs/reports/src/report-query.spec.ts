import { validatePlain } from '@app/cases';
import { ValidationFailedError } from '@app/common';
import { financialYear } from './report-periods';
import { periodOf, ReportCellQuery, ReportQuery } from './report-query';

/** The refusal `act` throws, as a ValidationFailedError (anything else fails the test). */
function refusal(act: () => unknown): ValidationFailedError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return error as ValidationFailedError;
  }
  throw new Error('expected a ValidationFailedError');
}
const fieldsOf = (error: ValidationFailedError) => error.fields.map(({ field }) => field);

describe('periodOf', () => {
  it.each([
    ['2026-11-29', 2026],
    ['2027-03-31', 2026],
    ['2027-04-01', 2027],
    ['2026-04-01', 2026],
  ])('gives no query on %s the current financial year, starting %i', (today, startYear) => {
    expect(periodOf({}, today)).toEqual(financialYear(startYear));
  });

  it('gives a year the financial year starting 1 April of it, whatever today is', () => {
    expect(periodOf({ year: 2025 }, '2026-11-29')).toEqual({
      from: '2025-04-01',
      to: '2026-03-31',
      financialYear: '2025-26',
    });
  });

  it('gives two days that range, both included, and a range that is a financial year that year', () => {
    expect(periodOf({ from: '2025-07-01', to: '2025-12-31' }, '2026-11-29')).toEqual({
      from: '2025-07-01',
      to: '2025-12-31',
    });
    expect(periodOf({ from: '2024-04-01', to: '2025-03-31' }, '2026-11-29')).toEqual(financialYear(2024));
    expect(periodOf({ from: '2025-07-01', to: '2025-07-01' }, '2026-11-29')).toEqual({
      from: '2025-07-01',
      to: '2025-07-01',
    });
  });

  it.each([
    ['a year and a first day', { year: 2025, from: '2025-04-01' }, 'year'],
    ['a year and a last day', { year: 2025, to: '2026-03-31' }, 'year'],
    ['a year and both days', { year: 2025, from: '2025-04-01', to: '2026-03-31' }, 'year'],
    ['a first day without a last', { from: '2025-04-01' }, 'to'],
    ['a last day without a first', { to: '2026-03-31' }, 'from'],
    ['a last day before the first', { from: '2025-04-02', to: '2025-04-01' }, 'to'],
    ['a range one day longer than 10 years', { from: '2025-04-01', to: '2035-04-01' }, 'to'],
  ])('refuses %s, naming the field %s', (_label, query: ReportQuery, field) => {
    const error = refusal(() => periodOf(query, '2026-11-29'));
    expect(fieldsOf(error)).toEqual([field]);
    expect(error.fields[0].messages).toHaveLength(1);
  });

  it('accepts a range of exactly 10 years (ten financial years), and says the limit when refusing more', () => {
    expect(periodOf({ from: '2025-04-01', to: '2035-03-31' }, '2026-11-29')).toEqual({
      from: '2025-04-01',
      to: '2035-03-31',
    });
    const error = refusal(() => periodOf({ from: '2025-04-01', to: '2035-04-01' }, '2026-11-29'));
    expect(error.fields[0].messages[0]).toContain('10 years');
  });

  it('measures the 10 years from a leap day to the last day of February', () => {
    expect(periodOf({ from: '2028-02-29', to: '2038-02-27' }, '2026-11-29').to).toBe('2038-02-27');
    expect(fieldsOf(refusal(() => periodOf({ from: '2028-02-29', to: '2038-02-28' }, '2026-11-29')))).toEqual(['to']);
  });
});

describe('ReportQuery (as the API reads the query string)', () => {
  it('reads a year given as text as a number, and accepts the first and last years allowed', () => {
    expect(validatePlain(ReportQuery, { year: '2025' }).year).toBe(2025);
    expect(validatePlain(ReportQuery, { year: ' 2025 ' }).year).toBe(2025);
    expect(validatePlain(ReportQuery, { year: '2000' }).year).toBe(2000);
    expect(validatePlain(ReportQuery, { year: '2098' }).year).toBe(2098);
    expect(validatePlain(ReportQuery, {})).toEqual(new ReportQuery());
  });

  it.each([['1999'], ['2099'], ['2025.5'], ['2025-26'], ['twenty'], [''], ['1e3'], [['2025', '2026']], ['0x7e9']])(
    'refuses the year %j on the field year',
    (year) => {
      const error = refusal(() => validatePlain(ReportQuery, { year }));
      expect(fieldsOf(error)).toEqual(['year']);
      expect(error.fields[0].messages.join(' ')).toContain('2000 to 2098');
    },
  );

  it('accepts two real dates', () => {
    expect(validatePlain(ReportQuery, { from: '2025-07-01', to: '2028-02-29' })).toMatchObject({
      from: '2025-07-01',
      to: '2028-02-29',
    });
  });

  it.each([
    ['from', '2025-02-29'],
    ['from', '2025-13-01'],
    ['from', '1999-12-31'],
    ['from', '2025-7-1'],
    ['to', '01/07/2025'],
    ['to', '2100-01-01'],
    ['to', '2025-07-01T00:00:00Z'],
  ])('refuses %s = %s, naming that field', (field, value) => {
    const other = field === 'from' ? { to: '2025-12-31' } : { from: '2025-07-01' };
    expect(fieldsOf(refusal(() => validatePlain(ReportQuery, { ...other, [field]: value })))).toEqual([field]);
  });

  it('refuses a field the query does not have', () => {
    expect(fieldsOf(refusal(() => validatePlain(ReportQuery, { year: '2025', quarter: '2' })))).toEqual(['quarter']);
  });

  it('asks a cell query for its row and column, and refuses ones too long to be a report’s', () => {
    expect(fieldsOf(refusal(() => validatePlain(ReportCellQuery, { year: '2025' })))).toEqual(['row', 'column']);
    const cell = validatePlain(ReportCellQuery, { row: 'decisions.lcspr', column: '2025-26-q1', year: '2025' });
    expect(cell).toMatchObject({ row: 'decisions.lcspr', column: '2025-26-q1', year: 2025 });
    const long = { row: 'r'.repeat(81), column: 'c'.repeat(21) };
    expect(fieldsOf(refusal(() => validatePlain(ReportCellQuery, long)))).toEqual(['row', 'column']);
  });
});

import {
  financialYear,
  financialYearLabel,
  financialYearStartOf,
  longDate,
  periodTitle,
  reportColumns,
  reportPeriod,
} from './report-periods';

const spans = (columns: ReturnType<typeof reportColumns>) =>
  columns.map(({ key, label, from, to, whole }) => [key, label, from, to, whole]);

describe('financial years', () => {
  it.each([
    [2025, '2025-26'],
    [2000, '2000-01'],
    [2008, '2008-09'],
    [2009, '2009-10'],
    [2098, '2098-99'],
    [2099, '2099-00'],
  ])('labels the financial year starting 1 April %i as %s', (startYear, label) => {
    expect(financialYearLabel(startYear)).toBe(label);
  });

  it.each([
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2026-01-01', 2025],
    ['2025-12-31', 2025],
    ['2028-02-29', 2027],
  ])('puts %s in the financial year that started in %i', (date, startYear) => {
    expect(financialYearStartOf(date)).toBe(startYear);
  });

  it('runs a financial year from 1 April to the next 31 March, labelled', () => {
    expect(financialYear(2025)).toEqual({ from: '2025-04-01', to: '2026-03-31', financialYear: '2025-26' });
  });

  it('names a financial year by its label and both days, and a range by its two days', () => {
    expect(periodTitle(financialYear(2025))).toBe('2025-26 (1 April 2025 to 31 March 2026)');
    expect(periodTitle({ from: '2025-07-01', to: '2025-07-01' })).toBe('1 July 2025 to 1 July 2025');
    expect(longDate('2028-02-29')).toBe('29 February 2028');
  });
});

describe('reportPeriod', () => {
  it('recognises a range that is exactly one financial year', () => {
    expect(reportPeriod('2025-04-01', '2026-03-31')).toEqual(financialYear(2025));
  });

  it.each([
    ['a day short at the end', '2025-04-01', '2026-03-30'],
    ['a day short at the start', '2025-04-02', '2026-03-31'],
    ['a day over', '2025-04-01', '2026-04-01'],
    ['a calendar year', '2025-01-01', '2025-12-31'],
    ['two financial years', '2025-04-01', '2027-03-31'],
  ])('keeps %s a plain range, without a financial year', (_label, from, to) => {
    expect(reportPeriod(from, to)).toEqual({ from, to });
  });
});

describe('reportColumns', () => {
  it('gives a financial year its four quarters and the year, every day in exactly one quarter', () => {
    expect(spans(reportColumns(financialYear(2027)))).toEqual([
      ['2027-28-q1', 'Q1', '2027-04-01', '2027-06-30', false],
      ['2027-28-q2', 'Q2', '2027-07-01', '2027-09-30', false],
      ['2027-28-q3', 'Q3', '2027-10-01', '2027-12-31', false],
      // 2028 is a leap year: Q4 still ends on 31 March, February's 29th inside it
      ['2027-28-q4', 'Q4', '2028-01-01', '2028-03-31', false],
      ['whole', 'Year', '2027-04-01', '2028-03-31', true],
    ]);
  });

  it('labels the quarters of the financial year 2099-00 with its two-digit end', () => {
    expect(reportColumns(financialYear(2099)).map(({ key }) => key)).toEqual([
      '2099-00-q1',
      '2099-00-q2',
      '2099-00-q3',
      '2099-00-q4',
      'whole',
    ]);
  });

  it('clips the first and last quarters of a custom range to its days, labelling each with its financial year', () => {
    expect(spans(reportColumns(reportPeriod('2025-05-15', '2025-11-10')))).toEqual([
      ['2025-26-q1', 'Q1 2025-26', '2025-05-15', '2025-06-30', false],
      ['2025-26-q2', 'Q2 2025-26', '2025-07-01', '2025-09-30', false],
      ['2025-26-q3', 'Q3 2025-26', '2025-10-01', '2025-11-10', false],
      ['whole', 'Whole period', '2025-05-15', '2025-11-10', true],
    ]);
  });

  it('gives a range inside one quarter that quarter (clipped) and the whole period', () => {
    expect(spans(reportColumns(reportPeriod('2026-02-01', '2026-02-28')))).toEqual([
      ['2025-26-q4', 'Q4 2025-26', '2026-02-01', '2026-02-28', false],
      ['whole', 'Whole period', '2026-02-01', '2026-02-28', true],
    ]);
  });

  it('ends a range at the leap day 29 February 2028 on that day', () => {
    expect(spans(reportColumns(reportPeriod('2027-12-01', '2028-02-29')))).toEqual([
      ['2027-28-q3', 'Q3 2027-28', '2027-12-01', '2027-12-31', false],
      ['2027-28-q4', 'Q4 2027-28', '2028-01-01', '2028-02-29', false],
      ['whole', 'Whole period', '2027-12-01', '2028-02-29', true],
    ]);
  });

  it('gives a range across two financial years the quarters of each, keyed by their own year', () => {
    expect(spans(reportColumns(reportPeriod('2026-03-01', '2026-04-30')))).toEqual([
      ['2025-26-q4', 'Q4 2025-26', '2026-03-01', '2026-03-31', false],
      ['2026-27-q1', 'Q1 2026-27', '2026-04-01', '2026-04-30', false],
      ['whole', 'Whole period', '2026-03-01', '2026-04-30', true],
    ]);
  });

  it('gives a one-day range one quarter of that day', () => {
    expect(spans(reportColumns(reportPeriod('2026-04-01', '2026-04-01')))).toEqual([
      ['2026-27-q1', 'Q1 2026-27', '2026-04-01', '2026-04-01', false],
      ['whole', 'Whole period', '2026-04-01', '2026-04-01', true],
    ]);
  });

  it('gives two whole financial years eight quarters in order, with unique keys', () => {
    const columns = reportColumns(reportPeriod('2025-04-01', '2027-03-31'));
    expect(columns.map(({ key }) => key)).toEqual([
      '2025-26-q1',
      '2025-26-q2',
      '2025-26-q3',
      '2025-26-q4',
      '2026-27-q1',
      '2026-27-q2',
      '2026-27-q3',
      '2026-27-q4',
      'whole',
    ]);
  });

  it('leaves no gap and no overlap between the quarters of a ten-year range', () => {
    const quarters = reportColumns(reportPeriod('2025-05-20', '2035-05-19')).filter(({ whole }) => !whole);
    expect(quarters[0].from).toBe('2025-05-20');
    expect(quarters.at(-1)!.to).toBe('2035-05-19');
    for (let i = 1; i < quarters.length; i++) {
      const dayAfter = new Date(`${quarters[i - 1].to}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      expect(quarters[i].from).toBe(dayAfter.toISOString().slice(0, 10));
    }
    expect(new Set(quarters.map(({ key }) => key)).size).toBe(quarters.length);
  });
});

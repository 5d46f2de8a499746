import { buildReport, financialYear, reportCellCases, reportPeriod } from '@app/reports';
import { sampleFacts, sampleReport } from '../../../../../test/support/report-samples';
import {
  periodQueryString,
  periodRefusal,
  readReportPeriod,
  reportCasesPage,
  reportTables,
  yearItems,
} from './reports';

describe('the reports page', () => {
  describe('reading the period asked for', () => {
    it('is the current financial year when nothing is asked', () => {
      expect(readReportPeriod({}, 2026)).toMatchObject({
        query: { year: 2026 },
        form: { choice: 'year', year: '2026' },
      });
    });

    it('reads a year chosen, and the days of a link, showing those days in the date inputs', () => {
      expect(readReportPeriod({ period: 'year', year: '2023', 'from-day': '' }, 2026)).toMatchObject({
        query: { year: 2023 },
      });
      expect(readReportPeriod({ from: '2025-05-01', to: '2025-09-30' }, 2026)).toEqual({
        query: { from: '2025-05-01', to: '2025-09-30' },
        form: {
          choice: 'dates',
          year: '2026',
          typed: {
            'from-day': '1',
            'from-month': '5',
            'from-year': '2025',
            'to-day': '30',
            'to-month': '9',
            'to-year': '2025',
          },
        },
      });
    });

    it('reads the two date inputs, a month by its name too', () => {
      const typed = {
        period: 'dates',
        'from-day': '1',
        'from-month': 'May',
        'from-year': '2025',
        'to-day': '30',
        'to-month': '9',
        'to-year': '2025',
      };
      expect(readReportPeriod(typed, 2026)).toMatchObject({ query: { from: '2025-05-01', to: '2025-09-30' } });
    });

    it('says by each field what is missing or wrong, keeping what was typed', () => {
      const read = readReportPeriod({ period: 'dates', 'from-day': '1', 'from-month': '', 'from-year': '2025' }, 2026);
      expect(read).toMatchObject({
        errors: {
          from: { text: 'First day must include a month', href: '#from-month' },
          to: { text: 'Enter the last day of the period', href: '#to-day' },
        },
        form: { choice: 'dates', typed: { 'from-day': '1', 'from-year': '2025' } },
      });
      const backwards = {
        period: 'dates',
        'from-day': '2',
        'from-month': '5',
        'from-year': '2025',
        'to-day': '1',
        'to-month': '5',
        'to-year': '2025',
      };
      expect(readReportPeriod(backwards, 2026)).toMatchObject({
        errors: { to: { text: 'Last day must be the same as or after the first day', href: '#to-day' } },
      });
      expect(readReportPeriod({ year: 'last' }, 2026)).toMatchObject({
        errors: { year: { text: 'Select a financial year', href: '#year' } },
      });
    });

    it('tells the API’s refusals of a period in the page’s words', () => {
      expect(
        periodRefusal([
          { field: 'from', messages: ['from must be a real date YYYY-MM-DD from 2000 to 2099'] },
          { field: 'to', messages: ['A report covers at most 10 years'] },
          { field: 'year', messages: ['year must be a whole number from 2000 to 2098'] },
        ]),
      ).toEqual({
        from: { text: 'First day must be a real date between 1 January 2000 and 31 December 2099', href: '#from-day' },
        to: { text: 'A report covers at most 10 years', href: '#to-day' },
        year: { text: 'Select a financial year', href: '#year' },
      });
    });

    it('offers the current financial year and the six before it, and a year a link asked for', () => {
      const items = yearItems(2026, '2025');
      expect(items.map((item) => item.value)).toEqual(['2026', '2025', '2024', '2023', '2022', '2021', '2020']);
      expect(items[1]).toEqual({ value: '2025', text: '2025-26 (April 2025 to March 2026)', selected: true });
      expect(yearItems(2026, '2010').at(-1)?.value).toBe('2010');
    });

    it('puts the period in the links', () => {
      expect(periodQueryString({ year: 2025 })).toBe('year=2025');
      expect(periodQueryString({ from: '2025-05-01', to: '2025-09-30' })).toBe('from=2025-05-01&to=2025-09-30');
    });
  });

  describe('the tables', () => {
    const report = sampleReport();
    const tables = reportTables(report, { year: 2025 });
    const rowOf = (label: string, of = tables) =>
      of.flatMap((table) => table.rows).find((row) => 'text' in row[0] && row[0].text === label)!;

    it('has one table per section, a column per quarter and the year, the numbers right-aligned', () => {
      expect(tables.map((table) => table.title)).toEqual(report.sections.map((section) => section.title));
      expect(tables[0].head).toEqual([
        { text: 'Figure' },
        ...['Q1', 'Q2', 'Q3', 'Q4', 'Year'].map((text) => ({ text, format: 'numeric' })),
      ]);
      expect(
        rowOf('Number of Rapid Reviews completed')
          .slice(1)
          .every((cell) => 'format' in cell && cell.format === 'numeric'),
      ).toBe(true);
    });

    it('links every number, and every "fewer than 5", to the cases behind it, naming the figure and column to a screen reader', () => {
      const [, q1] = rowOf('Number of Rapid Reviews completed');
      expect(q1).toEqual({
        html:
          '<a class="govuk-link" href="/reports/cases?row=rapid-reviews-completed&amp;column=2025-26-q1&amp;year=2025">2' +
          '<span class="govuk-visually-hidden">: the cases behind Number of Rapid Reviews completed, Q1 2025-26</span></a>',
        format: 'numeric',
      });
      const female = rowOf('Children by sex: Female');
      expect('html' in female[1] && female[1].html).toContain('>fewer than 5<span');
      expect('html' in female[5] && female[5].html).toContain('the cases behind Children by sex: Female, 2025-26');
    });

    it('links no cell of a figure whose cases the reader may not open (the children’s, for a lead partner)', () => {
      const leadPartners = reportTables(
        {
          ...report,
          sections: report.sections.map((section) => ({
            ...section,
            figures: section.figures.map((figure) => ({ ...figure, casesListed: !figure.id.startsWith('children-') })),
          })),
        },
        { year: 2025 },
      );
      expect(
        rowOf('Children by sex: Female', leadPartners)
          .slice(1)
          .some((cell) => 'html' in cell && cell.html.includes('<a')),
      ).toBe(false);
      expect(
        rowOf('Number of Rapid Reviews completed', leadPartners)
          .slice(1)
          .every((cell) => 'html' in cell && cell.html.includes('<a')),
      ).toBe(true);
    });

    it('shows "n/a" as text, without a link', () => {
      const onTime = rowOf('Number of Rapid Reviews completed on time');
      expect(onTime[3]).toEqual({ html: 'n/a', format: 'numeric' });
    });

    it('names a custom period’s columns in full and links with its days', () => {
      const custom = buildReport([], reportPeriod('2025-05-01', '2025-09-30'), '2026-04-10');
      const [table] = reportTables(custom, { from: '2025-05-01', to: '2025-09-30' });
      expect(table.head.map((cell) => cell.text)).toEqual(['Figure', 'Q1 2025-26', 'Q2 2025-26', 'Whole period']);
      const whole = table.rows[0][3];
      expect('html' in whole && whole.html).toContain('&amp;column=whole&amp;from=2025-05-01&amp;to=2025-09-30');
      expect('html' in whole && whole.html).toContain(
        'Number of Rapid Reviews completed, 1 May 2025 to 30 September 2025',
      );
    });

    it('gives every figure’s definition with its section, names of events as code', () => {
      expect(tables[0].definitions[0]).toEqual({
        label: 'Number of Rapid Reviews completed',
        html: expect.stringContaining('(<code>rapid-review.submitted</code>)'),
      });
      expect(tables.flatMap((table) => table.definitions)).toHaveLength(
        report.sections.flatMap((s) => s.figures).length,
      );
    });
  });

  describe('the cases behind a cell', () => {
    const facts = [
      sampleFacts('CSPR-2025-0002', {
        extensions: [{ on: '2025-06-02', reason: 'Inquest <adjourned> to 2025-09-01' }],
      }),
    ];

    it('is headed by the figure and the column, each case a link to its page with the day and the detail', () => {
      const cell = reportCellCases(facts, financialYear(2025), '2026-04-10', 'lcsprs-extended', '2025-26-q1')!;
      const page = reportCasesPage(cell, financialYear(2025), 'Extensions of an LCSPR (`lcspr.extended`).');
      expect(page).toEqual({
        heading: 'LCSPRs extended, Q1 2025-26',
        unit: 'extensions',
        definition: 'Extensions of an LCSPR (<code>lcspr.extended</code>).',
        rows: [
          [
            { html: '<a class="govuk-link" href="/case/case-CSPR-2025-0002">CSPR-2025-0002</a>' },
            { text: '2 June 2025' },
            { text: 'Inquest <adjourned> to 1 September 2025' },
          ],
        ],
      });
    });

    it('names a breakdown’s row with its figure, and the year’s column by the year', () => {
      const cell = reportCellCases([], financialYear(2025), '2026-04-10', 'panel-responses.agrees', 'whole')!;
      expect(reportCasesPage(cell, financialYear(2025), undefined)).toMatchObject({
        heading: 'The Panel’s responses: Agrees, 2025-26',
        rows: [],
      });
    });
  });
});

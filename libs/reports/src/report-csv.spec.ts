import { parse } from 'csv-parse/sync';
import { sampleReport } from '../../../test/support/report-samples';
import { neutraliseFormula, reportCsv } from './report-csv';

describe('the report as CSV', () => {
  const report = sampleReport();
  const csv = reportCsv(report);
  const [headers, ...lines] = parse(csv, { bom: true }) as string[][];
  const rows = report.sections.flatMap((section) =>
    section.figures.flatMap((figure) => figure.rows.map((row) => ({ section, figure, row }))),
  );

  it('has one header row: where each line belongs, its row id, then one column per quarter and the year', () => {
    expect(headers).toEqual(['Period', 'Section', 'Figure', 'Row', 'Row id', 'Q1', 'Q2', 'Q3', 'Q4', 'Year']);
  });

  it('has one line per report row, every cell as the report shows it, in the report’s order', () => {
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, index) => {
      const { section, figure, row } = rows[index];
      expect(line).toEqual([
        '2025-26',
        section.title,
        figure.label,
        row.label,
        row.id,
        ...row.cells.map((c) => c.display),
      ]);
    });
  });

  it('writes numbers unquoted and "fewer than 5" and "n/a" as text', () => {
    const completed = csv.split('\n').find((line) => line.includes(',rapid-reviews-completed,'));
    expect(completed).toMatch(/,rapid-reviews-completed,2,1,0,0,3$/);
    const onTime = lines.find((line) => line[4] === 'rapid-reviews-on-time');
    expect(onTime?.slice(5)).toEqual(['1', '0', 'n/a', 'n/a', '1']);
    const female = lines.find((line) => line[4] === 'children-by-sex.female');
    expect(female?.slice(5)).toEqual(['fewer than 5', '0', '0', '0', 'fewer than 5']);
    const median = lines.find((line) => line[4] === 'rapid-review-working-days.median');
    expect(median?.slice(5)).toEqual(['12.5', '19', 'n/a', 'n/a', '14']);
  });

  it('starts with a byte order mark, so Excel reads the curly quotes as UTF-8', () => {
    expect(csv.startsWith('\ufeff')).toBe(true);
  });

  it('keeps a spreadsheet from reading a text as a formula', () => {
    for (const text of ['=1+1', '+44', '-2', '@SUM(A1)', '\tx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('fewer than 5')).toBe('fewer than 5');
    expect(neutraliseFormula(-2)).toBe(-2);
  });
});

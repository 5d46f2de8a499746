import ExcelJS from 'exceljs';
import { sampleReport } from '../../../test/support/report-samples';
import { FIGURES_HEADER_ROW, reportWorkbook } from './report-workbook';

describe('the report as an Excel workbook', () => {
  const report = sampleReport();
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    const file = await reportWorkbook(report);
    // exceljs declares its own Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  });

  it('has the sheets Figures, Definitions and About', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Figures', 'Definitions', 'About']);
  });

  it('titles the figures with the period and holds every cell of the report, numbers as numbers', () => {
    const sheet = workbook.getWorksheet('Figures')!;
    expect(sheet.getCell('A1').value).toBe('Practice review figures, 2025-26 (1 April 2025 to 31 March 2026)');
    // Expected from the report itself, not from the table the workbook is written from.
    const lines = report.sections.flatMap((section) =>
      section.figures.flatMap((figure) =>
        figure.rows.map((row) => [
          '2025-26',
          section.title,
          figure.label,
          row.label,
          row.id,
          ...row.cells.map((cell) => cell.value ?? cell.display),
        ]),
      ),
    );
    expect(sheet.getRow(FIGURES_HEADER_ROW).values).toEqual([
      undefined,
      ...['Period', 'Section', 'Figure', 'Row', 'Row id', 'Q1', 'Q2', 'Q3', 'Q4', 'Year'],
    ]);
    lines.forEach((line, index) => {
      expect(sheet.getRow(FIGURES_HEADER_ROW + 1 + index).values).toEqual([undefined, ...line]);
    });
    expect(sheet.rowCount).toBe(FIGURES_HEADER_ROW + lines.length);

    const rowOf = (id: string) =>
      (sheet.getRow(FIGURES_HEADER_ROW + 1 + lines.findIndex((line) => line[4] === id)).values as unknown[]).slice(6);
    expect(rowOf('rapid-reviews-on-time')).toEqual([1, 0, 'n/a', 'n/a', 1]);
    expect(rowOf('children-by-sex.female')).toEqual(['fewer than 5', 0, 0, 0, 'fewer than 5']);
    expect(rowOf('rapid-review-working-days.median')).toEqual([12.5, 19, 'n/a', 'n/a', 14]);
  });

  it('makes the header bold and keeps it in view', () => {
    const sheet = workbook.getWorksheet('Figures')!;
    expect(sheet.getRow(FIGURES_HEADER_ROW).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: FIGURES_HEADER_ROW });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(40);
  });

  it('defines every figure', () => {
    const sheet = workbook.getWorksheet('Definitions')!;
    const figures = report.sections.flatMap((section) => section.figures);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Figure', 'Figure id', 'Counts', 'Definition']);
    figures.forEach((figure, index) =>
      expect(sheet.getRow(2 + index).values).toEqual([
        undefined,
        figure.label,
        figure.id,
        figure.unit,
        figure.definition,
      ]),
    );
  });

  it('says when the report was computed and the small-number rule', () => {
    const about = workbook.getWorksheet('About')!;
    const value = (key: string) => about.getRow(about.getColumn(1).values.indexOf(key)).getCell(2).value;
    expect(value('Computed on')).toBe('10 April 2026');
    expect(value('From')).toBe('1 April 2025');
    expect(value('Small numbers')).toContain('“fewer than 5”');
  });
});

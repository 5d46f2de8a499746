import ExcelJS from 'exceljs';
import { FEWER_THAN_5, NOT_APPLICABLE, SMALLEST_SHOWN, type Report } from './build-report';
import { longDate } from './report-periods';
import { REPORT_TABLE_LEADING_HEADERS, reportTable } from './report-table';

export const WORKBOOK_SHEETS = { figures: 'Figures', definitions: 'Definitions', about: 'About' } as const;
/** The Figures sheet: its title in row 1, the table's header in row 2, its lines from row 3. */
export const FIGURES_HEADER_ROW = 2;

export function reportTitle(report: Report): string {
  return `Practice review figures, ${report.period.title}`;
}

const LEADING_WIDTHS: Record<(typeof REPORT_TABLE_LEADING_HEADERS)[number], number> = {
  Period: 12,
  Section: 40,
  Figure: 50,
  Row: 45,
  'Row id': 40,
};

/**
 * The report as an Excel workbook: **Figures** (the CSV's table under a title naming the period: numbers as numbers,
 * "fewer than 5" and "n/a" as text, the header bold, frozen and filterable), **Definitions** (what each figure counts)
 * and **About** (the period, the day it was computed on, the small-number rule).
 */
export async function reportWorkbook(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'practice-review';
  addFigures(workbook, report);
  addDefinitions(workbook, report);
  addAbout(workbook, report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addFigures(workbook: ExcelJS.Workbook, report: Report): void {
  const { headers, lines } = reportTable(report);
  const sheet = workbook.addWorksheet(WORKBOOK_SHEETS.figures, {
    views: [{ state: 'frozen', ySplit: FIGURES_HEADER_ROW, xSplit: 0 }],
  });
  sheet.columns = headers.map((header) => ({
    width: LEADING_WIDTHS[header as keyof typeof LEADING_WIDTHS] ?? Math.max(14, header.length + 2),
  }));
  const title = sheet.getRow(1);
  title.getCell(1).value = reportTitle(report);
  title.font = { bold: true, size: 14 };
  const header = sheet.getRow(FIGURES_HEADER_ROW);
  header.values = headers;
  header.font = { bold: true };
  lines.forEach((line, index) => {
    const row = sheet.getRow(FIGURES_HEADER_ROW + 1 + index);
    row.values = line;
  });
  const valuesFrom = REPORT_TABLE_LEADING_HEADERS.length + 1;
  for (let column = valuesFrom; column <= headers.length; column += 1) {
    sheet.getColumn(column).alignment = { horizontal: 'right' };
  }
  sheet.autoFilter = {
    from: { row: FIGURES_HEADER_ROW, column: 1 },
    to: { row: FIGURES_HEADER_ROW, column: headers.length },
  };
}

function addDefinitions(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet(WORKBOOK_SHEETS.definitions, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = [
    { header: 'Figure', width: 50 },
    { header: 'Figure id', width: 35 },
    { header: 'Counts', width: 16 },
    { header: 'Definition', width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const figure of report.sections.flatMap((section) => section.figures)) {
    sheet.addRow([figure.label, figure.id, figure.unit, figure.definition]);
  }
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
}

function addAbout(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet(WORKBOOK_SHEETS.about);
  sheet.columns = [{ width: 24 }, { width: 100 }];
  const rows: [string, string][] = [
    ['Report', reportTitle(report)],
    ['From', longDate(report.period.from)],
    ['To', longDate(report.period.to)],
    ['Computed on', longDate(report.asOf)],
    ['Source', 'Computed from the record of every case in the service, never typed in.'],
    [
      'Small numbers',
      `Figures about children show counts from 1 to ${SMALLEST_SHOWN - 1} as “${FEWER_THAN_5}”, for publishing.`,
    ],
    ['n/a', `“${NOT_APPLICABLE}” where the figure has nothing to be counted of (no rapid review completed, ...).`],
    ['Columns', 'Financial quarters (Q1 is April to June), each clipped to the period, then the whole period.'],
    ['Row id', 'The row as the JSON report names it (GET /reports/practice-reviews).'],
  ];
  rows.forEach((values) => sheet.addRow(values));
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

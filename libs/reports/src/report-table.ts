/**
 * A report as one flat table, the CSV's and the workbook's alike: one line per row of every figure, its place
 * (period, section, figure, row and row id, as the JSON names them) and then one cell per column.
 */
import type { Report, ReportCell } from './build-report';

export const REPORT_TABLE_LEADING_HEADERS = ['Period', 'Section', 'Figure', 'Row', 'Row id'] as const;

/** A cell as a spreadsheet holds it: the number where there is one, else the text shown ("fewer than 5", "n/a"). */
export type ReportTableValue = string | number;

export interface ReportTable {
  headers: string[];
  lines: ReportTableValue[][];
}

/** `2025-26`, or `2025-05-01 to 2025-09-30`: the same in every line, so tables of several periods stack. */
export function periodName(report: Report): string {
  return report.period.financialYear ?? `${report.period.from} to ${report.period.to}`;
}

/** `practice-reviews-2025-26.csv`, `practice-reviews-2025-05-01-to-2025-09-30.xlsx`. */
export function reportDownloadName(report: Report, extension: 'csv' | 'xlsx'): string {
  return `practice-reviews-${periodName(report).replace(/ /g, '-')}.${extension}`;
}

export const cellValue = (cell: ReportCell): ReportTableValue => cell.value ?? cell.display;

export function reportTable(report: Report): ReportTable {
  const period = periodName(report);
  return {
    headers: [...REPORT_TABLE_LEADING_HEADERS, ...report.columns.map((column) => column.label)],
    lines: report.sections.flatMap((section) =>
      section.figures.flatMap((figure) =>
        figure.rows.map((row) => [period, section.title, figure.label, row.label, row.id, ...row.cells.map(cellValue)]),
      ),
    ),
  };
}

import { stringify } from 'csv-stringify/sync';
import type { Report } from './build-report';
import { reportTable, type ReportTableValue } from './report-table';

/**
 * A text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return first) gets a `'`
 * first, as OWASP advises for CSV injection. The texts are the service's own labels and reasons typed into cases.
 */
export function neutraliseFormula(value: ReportTableValue): ReportTableValue {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The report as CSV: one header row and one line per report row (numbers as numbers, "fewer than 5" and "n/a" as
 * text), no preamble, so it loads straight into a spreadsheet or a data frame. With a byte order mark: Excel reads
 * the file as UTF-8 then (the labels have curly quotes).
 */
export function reportCsv(report: Report): string {
  const { headers, lines } = reportTable(report);
  return stringify(
    [headers, ...lines].map((line) => line.map(neutraliseFormula)),
    { bom: true },
  );
}

import type { Report } from './build-report';
import { reportCsv } from './report-csv';
import { reportDownloadName } from './report-table';
import { reportWorkbook } from './report-workbook';

/** The report's files: what each is sent as and written by. */
export const REPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', write: async (report: Report) => reportCsv(report) },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: (report: Report) => reportWorkbook(report),
  },
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

export interface ReportDownload {
  type: string;
  filename: string;
  body: string | Buffer;
}

export async function reportDownload(report: Report, format: ReportFormat): Promise<ReportDownload> {
  const { type, write } = REPORT_FORMATS[format];
  return { type, filename: reportDownloadName(report, format), body: await write(report) };
}

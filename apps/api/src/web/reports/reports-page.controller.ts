import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser, Roles } from '@app/auth';
import { todayInLondon } from '@app/calendar';
import { validatePlain } from '@app/cases';
import { Clock, ValidationFailedError } from '@app/common';
import {
  financialYearStartOf,
  periodOf,
  periodTitle,
  REPORT_READERS,
  ReportCellQuery,
  reportDownload,
  type ReportFormat,
  reportFigure,
  ReportQuery,
  ReportsService,
  SMALLEST_SHOWN,
} from '@app/reports';
import { sendDownload } from '../../http/send-download';
import { errorSummary, type FormErrors } from '../forms';
import { PageController } from '../page-controller.decorator';
import { dateInput } from '../presenters/date-input';
import {
  periodQueryString,
  periodRefusal,
  readReportPeriod,
  REPORT_CSV_PATH,
  REPORT_XLSX_PATH,
  reportCasesPage,
  reportTables,
  REPORTS_PATH,
  yearItems,
  type ReportPeriodForm,
  type ReportPeriodQuery,
} from '../presenters/reports';
import { timelinessChart } from '../presenters/timeliness-chart';

type QueryValues = Record<string, unknown>;

/**
 * The practice-review figures for a period (a GET form: a financial year or any two days), each number opening the
 * cases behind it, and the same figures as CSV and Excel through the session (the API's downloads take a bearer
 * token). Computed by the API's own ReportsService, its refusals shown by the fields.
 */
@PageController('reports')
export class ReportsPageController {
  constructor(
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...REPORT_READERS)
  async show(@Query() query: QueryValues, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const currentYear = this.currentYear();
    const read = readReportPeriod(query, currentYear);
    const page = (status: number, errors: FormErrors, locals: Record<string, unknown> = {}) =>
      response.status(status).render('reports/index', {
        ...this.formLocals(read.form, currentYear, errors),
        errorList: errorSummary(errors)?.errorList ?? [],
        smallest: SMALLEST_SHOWN,
        ...locals,
      });
    if ('errors' in read) return page(400, read.errors);
    try {
      const report = await this.reports.report(user, validatePlain(ReportQuery, { ...read.query }));
      const periodQuery = periodQueryString(read.query);
      return page(
        200,
        {},
        {
          report,
          tables: reportTables(report, read.query),
          chart: timelinessChart(report),
          csvHref: `${REPORT_CSV_PATH}?${periodQuery}`,
          xlsxHref: `${REPORT_XLSX_PATH}?${periodQuery}`,
        },
      );
    } catch (error) {
      if (error instanceof ValidationFailedError) return page(400, periodRefusal(error.fields));
      throw error;
    }
  }

  /** The cases behind one cell; a row or column not in the report is the 400 page, as the API's 400. */
  @Get('cases')
  @Roles(...REPORT_READERS)
  async cases(@Query() query: QueryValues, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const period = this.periodAsked(query);
    const cellQuery = validatePlain(ReportCellQuery, { ...period, row: query.row, column: query.column });
    const cell = await this.reports.cellCases(user, cellQuery);
    const days = periodOf(cellQuery, todayInLondon(this.clock.now()));
    response.render('reports/cases', {
      ...reportCasesPage(cell, days, reportFigure(cell.row.figure)?.definition),
      periodTitle: periodTitle(days),
      backHref: `${REPORTS_PATH}?${periodQueryString(period)}`,
    });
  }

  @Get('download.csv')
  @Roles(...REPORT_READERS)
  csv(@Query() query: QueryValues, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    return this.download(query, user, response, 'csv');
  }

  @Get('download.xlsx')
  @Roles(...REPORT_READERS)
  xlsx(@Query() query: QueryValues, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    return this.download(query, user, response, 'xlsx');
  }

  private async download(query: QueryValues, user: AuthenticatedUser, response: Response, format: ReportFormat) {
    const report = await this.reports.report(user, validatePlain(ReportQuery, { ...this.periodAsked(query) }));
    sendDownload(response, await reportDownload(report, format));
  }

  /** The period of a link the pages made (a bad one is the 400 page: the form is on the reports page). */
  private periodAsked(query: QueryValues): ReportPeriodQuery {
    const read = readReportPeriod(query, this.currentYear());
    if ('errors' in read)
      throw new ValidationFailedError(
        'The report’s period is not valid',
        Object.entries(read.errors).map(([field, { text }]) => ({ field, messages: [text] })),
      );
    return read.query;
  }

  private currentYear(): number {
    return financialYearStartOf(todayInLondon(this.clock.now()));
  }

  private formLocals(form: ReportPeriodForm, currentYear: number, errors: FormErrors) {
    return {
      choice: form.choice,
      yearItems: yearItems(currentYear, form.year),
      yearError: errors.year,
      fromInput: dateInput({ name: 'from', legend: 'First day', typed: form.typed, error: errors.from }),
      toInput: dateInput({ name: 'to', legend: 'Last day', typed: form.typed, error: errors.to }),
    };
  }
}

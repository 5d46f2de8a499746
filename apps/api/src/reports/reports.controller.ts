import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Roles } from '@app/auth';
import {
  REPORT_READERS,
  REPORT_FORMATS,
  reportDownload,
  ReportCellCasesView,
  ReportCellQuery,
  ReportQuery,
  ReportsService,
  ReportView,
  type Report,
  type ReportCellCases,
} from '@app/reports';
import { ApiErrorResponses } from '../http/api-errors';
import { sendDownload } from '../http/send-download';

/** The partnership's practice-review figures, for its annual report and the quarterly scorecard. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('practice-reviews')
  @Roles(...REPORT_READERS)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ReportView, description: 'Every figure per financial quarter and for the period' })
  @ApiErrorResponses(401, 400, 403)
  report(@Query() query: ReportQuery, @CurrentUser() user: AuthenticatedUser): Promise<Report> {
    return this.reports.report(user, query);
  }

  @Get('practice-reviews/cases')
  @Roles(...REPORT_READERS)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: ReportCellCasesView,
    description: 'The cases behind one cell of the report (references only)',
  })
  @ApiErrorResponses(401, 400, 403)
  cellCases(@Query() query: ReportCellQuery, @CurrentUser() user: AuthenticatedUser): Promise<ReportCellCases> {
    return this.reports.cellCases(user, query);
  }

  // `practice-reviews` above matches only itself: these two are not taken by it. The file's media type is declared on
  // the 200 alone (not with @ApiProduces, which would declare the JSON refusals as CSV too).
  @Get('practice-reviews.csv')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: 'The report as CSV: one header row, one line per row of the report (same query)' })
  @ApiOkResponse({
    description: 'Period, Section, Figure, Row, Row id, then one column per quarter and the period',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrorResponses(401, 400, 403)
  async csv(@Query() query: ReportQuery, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendDownload(response, await reportDownload(await this.reports.report(user, query), 'csv'));
  }

  @Get('practice-reviews.xlsx')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: 'The report as an Excel workbook: Figures, Definitions and About (same query)' })
  @ApiOkResponse({
    description: 'The workbook',
    content: { [REPORT_FORMATS.xlsx.type]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrorResponses(401, 400, 403)
  async xlsx(@Query() query: ReportQuery, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendDownload(response, await reportDownload(await this.reports.report(user, query), 'xlsx'));
  }
}

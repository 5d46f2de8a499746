import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@app/auth';
import {
  REPORT_READERS,
  ReportCellCasesView,
  ReportCellQuery,
  ReportQuery,
  ReportsService,
  ReportView,
  type Report,
  type ReportCellCases,
} from '@app/reports';
import { ApiErrorResponses } from '../http/api-errors';

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
}

import { Get, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '@app/auth';
import { CasesService } from '@app/cases';
import { PageController } from '../page-controller.decorator';
import { errorSummary } from '../forms';
import { caseTableRows } from '../presenters/case-list';
import {
  caseFilterForm,
  casePagination,
  DUE_SOON_WORKING_DAYS,
  needsYouNow,
  resultsSummary,
  type NeedsYouNowCounts,
} from '../presenters/home';
import { caseListHref, CASES_PER_PAGE, isFiltered, readCaseFilters } from './case-filters';

const CASE_WORKERS = ['business-unit', 'subgroup-member'];

function signsOff(user: AuthenticatedUser): boolean {
  return user.roles.includes('delegated-partner') && Boolean(user.agency);
}

/**
 * Home: first what needs the signed-in person now, then the partnership's cases (open ones unless the filters say
 * otherwise), through the API's own list query. Counts only for the first part: no case is read for it.
 */
@PageController()
export class HomeController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Render('home')
  async home(
    @Req() request: Request,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    const user = request.user!;
    const read = readCaseFilters(query);
    const [counts, list] = await Promise.all([
      this.needsYouNow(user),
      read.query ? this.cases.list(user, read.query) : undefined,
    ]);
    const filtered = isFiltered(read.values);
    const page = {
      needsYouNow: needsYouNow(counts),
      filters: caseFilterForm(read.values, read.errors ?? {}, {
        signsOff: signsOff(user),
        leadPartner: user.roles.includes('lead-partner'),
      }),
      filtered,
      errorList: errorSummary(read.errors)?.errorList ?? [],
    };
    if (!list) {
      response.status(400);
      return page;
    }
    return {
      ...page,
      rows: caseTableRows(list.items),
      results: resultsSummary(
        { page: read.page, perPage: CASES_PER_PAGE, shown: list.items.length, total: list.total },
        filtered,
      ),
      pagination: casePagination(read.page, list.total, CASES_PER_PAGE, (p) => caseListHref(read.values, p)),
    };
  }

  private async needsYouNow(user: AuthenticatedUser): Promise<NeedsYouNowCounts> {
    const count = async (filter: Parameters<CasesService['list']>[1]) =>
      (await this.cases.list(user, { ...filter, limit: 0 })).total;
    const counts: NeedsYouNowCounts = {};
    if (signsOff(user)) counts.awaitingSignOff = await count({ awaitingSignOff: true });
    // Issue 12 item 4: a lead partner is told of the cases escalated to them.
    if (user.roles.includes('lead-partner')) counts.escalated = await count({ escalated: true });
    if (user.roles.some((role) => CASE_WORKERS.includes(role))) {
      [counts.overdue, counts.dueSoon] = await Promise.all([
        count({ overdue: true }),
        count({ dueWithinWorkingDays: DUE_SOON_WORKING_DAYS }),
      ]);
    }
    return counts;
  }
}

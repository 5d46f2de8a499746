import { Get, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CasesService } from '@app/cases';
import { PageController } from '../page-controller.decorator';
import { caseTableRows } from '../presenters/case-list';

/** Home: the partnership's open cases. */
@PageController()
export class HomeController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Render('home')
  async home(@Req() request: Request): Promise<Record<string, unknown>> {
    const list = await this.cases.list(request.user!, { limit: 50 });
    const open = list.items.filter((view) => view.stage !== 'closed');
    return { rows: caseTableRows(open), total: list.total };
  }
}

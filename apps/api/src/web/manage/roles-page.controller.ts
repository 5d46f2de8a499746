import { Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser, Roles } from '@app/auth';
import { PartnershipRoles } from '@app/reminders';
import { PageController } from '../page-controller.decorator';
import { agencyRoleTables, otherRoleRows } from '../presenters/duties';

/** Who holds which role, per agency for the partner roles: for the lead partners and admins (GET /partnership/roles). */
@PageController('manage/roles')
export class RolesPageController {
  constructor(private readonly roles: PartnershipRoles) {}

  @Get()
  @Roles('lead-partner', 'admin')
  async show(@CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const view = await this.roles.view(user.partnershipId);
    response.render('manage/roles', {
      agencies: agencyRoleTables(view),
      others: otherRoleRows(view),
      unfilledCount: view.unfilledRoles.length,
      isAdmin: user.roles.includes('admin'),
    });
  }
}

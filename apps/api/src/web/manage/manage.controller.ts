import { Get, Render } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, Roles } from '@app/auth';
import { PageController } from '../page-controller.decorator';
import { MANAGE_ROLES, MANAGE_SECTIONS } from '../presenters/navigation';

/** The landing page of Manage: the sections the person may open. */
@PageController('manage')
export class ManageController {
  @Get()
  @Roles(...MANAGE_ROLES)
  @Render('manage/index')
  landing(@CurrentUser() user: AuthenticatedUser): Record<string, unknown> {
    return { sections: MANAGE_SECTIONS.filter((s) => s.roles.some((role) => user.roles.includes(role))) };
  }
}

import { Get, Render } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, Roles } from '@app/auth';
import { PageController } from '../page-controller.decorator';

/** The admin's landing page: what there is to manage. */
@PageController('manage')
export class ManageController {
  @Get()
  @Roles('admin')
  @Render('manage/index')
  landing(@CurrentUser() _user: AuthenticatedUser): Record<string, unknown> {
    return {};
  }
}

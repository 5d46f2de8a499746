import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CasesModule } from '@app/cases';
import { AccountController } from './account/account.controller';
import { CsrfGuard } from './csrf';
import { HomeController } from './home/home.controller';
import { ManageController } from './manage/manage.controller';
import { ManageUsersController } from './manage/manage-users.controller';
import { PageExceptionFilter } from './page-exception.filter';
import { PageLocalsInterceptor } from './page-locals.interceptor';
import { SignInController } from './sign-in/sign-in.controller';
import { SignedInGuard } from './signed-in.guard';

/** The pages (GOV.UK Design System, server-rendered): see docs/web-contract.md. */
@Module({
  imports: [AuthModule, CasesModule],
  providers: [SignedInGuard, CsrfGuard, PageLocalsInterceptor, PageExceptionFilter],
  controllers: [SignInController, HomeController, ManageController, ManageUsersController, AccountController],
})
export class WebModule {}

import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CasesModule } from '@app/cases';
import { ReportsModule } from '@app/reports';
import { AccountController } from './account/account.controller';
import { CalendarFeedPageController } from './account/calendar-feed-page.controller';
import { CasePageController } from './case/case-page.controller';
import { CsrfGuard } from './csrf';
import { HomeController } from './home/home.controller';
import { ImportCasesController } from './import-cases/import-cases.controller';
import { DutiesPageController } from './manage/duties-page.controller';
import { RemindersPageController } from './manage/reminders-page.controller';
import { RolesPageController } from './manage/roles-page.controller';
import { SettingsPageController } from './manage/settings-page.controller';
import { ManageController } from './manage/manage.controller';
import { ManageUsersController } from './manage/manage-users.controller';
import { PageExceptionFilter } from './page-exception.filter';
import { PageLocalsInterceptor } from './page-locals.interceptor';
import { RulebookPageController } from './rulebook/rulebook-page.controller';
import { ReportIncidentController } from './report-incident/report-incident.controller';
import { ReportsPageController } from './reports/reports-page.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { SignedInGuard } from './signed-in.guard';
import { WorkingDaysPageController } from './working-days/working-days-page.controller';

/** The pages (GOV.UK Design System, server-rendered): see docs/web-contract.md. */
@Module({
  imports: [AuthModule, CasesModule, ReportsModule],
  providers: [SignedInGuard, CsrfGuard, PageLocalsInterceptor, PageExceptionFilter],
  controllers: [
    SignInController,
    HomeController,
    ReportIncidentController,
    ImportCasesController, // item 6
    CasePageController,
    SettingsPageController,
    RemindersPageController,
    RulebookPageController,
    WorkingDaysPageController,
    ManageController,
    ManageUsersController,
    DutiesPageController,
    RolesPageController,
    ReportsPageController,
    AccountController,
    CalendarFeedPageController,
  ],
})
export class WebModule {
  /**
   * With the app's own reminders module (built once from the config, so one queue connection), whose services the
   * settings and failed-reminders pages share with the API.
   */
  static forRoot(reminders: DynamicModule): DynamicModule {
    return { module: WebModule, imports: [reminders] };
  }
}

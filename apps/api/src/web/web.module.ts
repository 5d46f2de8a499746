import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CasesModule } from '@app/cases';
import { CsrfGuard } from './csrf';
import { HomeController } from './home/home.controller';
import { PageExceptionFilter } from './page-exception.filter';
import { PageLocalsInterceptor } from './page-locals.interceptor';
import { ReportIncidentController } from './report-incident/report-incident.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { SignedInGuard } from './signed-in.guard';

/** The pages (GOV.UK Design System, server-rendered): see docs/web-contract.md. */
@Module({
  imports: [AuthModule, CasesModule],
  providers: [SignedInGuard, CsrfGuard, PageLocalsInterceptor, PageExceptionFilter],
  controllers: [SignInController, HomeController, ReportIncidentController],
})
export class WebModule {}

import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@app/auth';
import { CasesModule } from '@app/cases';
import { RemindersModule } from '@app/reminders';
import { ReportsModule } from '@app/reports';
import { CommonModule, loggerOptions, tooManyAttemptsMessage } from '@app/common';
import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { RemindersAdminController } from './admin/reminders-admin.controller';
import { AuthController } from './auth/auth.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarFeedController } from './calendar-feed/calendar-feed.controller';
import { CALENDAR_FEED_THROTTLER } from './calendar-feed/calendar-feed.throttler';
import { CasesController } from './cases/cases.controller';
import { ENTITIES } from '@app/schema';
import { HealthModule } from './health/health.module';
import { PartnershipController } from './partnership/partnership.controller';
import { PartnershipDutiesController } from './partnership/partnership-duties.controller';
import { ReportsController } from './reports/reports.controller';
import { UsersController } from './users/users.controller';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const reminders = RemindersModule.forRoot({ workers: config.queue.workers === 'embedded' });
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        CommonModule,
        DatabaseModule.forRoot(ENTITIES),
        // In this process's memory. `login`: per client address (the per-account limit is in the database, shared);
        // `calendar-feed`: per feed, on the feed's route alone. Checked in this order.
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'login', ttl: 60_000, limit: 10 }, CALENDAR_FEED_THROTTLER],
          errorMessage: (_context, limit) => tooManyAttemptsMessage(limit.timeToBlockExpire),
        }),
        AuthModule,
        CasesModule,
        ReportsModule,
        reminders,
        HealthModule,
        WebModule.forRoot(reminders),
      ],
      controllers: [
        AuthController,
        UsersController,
        CalendarFeedController,
        PartnershipController,
        PartnershipDutiesController,
        CalendarController,
        CasesController,
        ReportsController,
        RemindersAdminController,
      ],
    };
  }
}

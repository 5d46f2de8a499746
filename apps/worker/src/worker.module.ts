import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { RemindersModule } from '@app/reminders';
import { ENTITIES } from '@app/schema';
import { CommonModule, loggerOptions } from '@app/common';

/** A worker process: the reminder processors and the reconciler, no HTTP. Run as many as the load needs. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        CommonModule,
        DatabaseModule.forRoot(ENTITIES),
        RemindersModule.forRoot({ workers: true }),
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CommonModule } from '@app/common';
import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { RemindersModule } from '@app/reminders';
import { ENTITIES } from '../../api/src/entities';
import { loggerOptions } from '../../api/src/http/logger-options';

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

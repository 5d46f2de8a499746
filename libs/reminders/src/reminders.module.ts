import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis, { RedisOptions } from 'ioredis';
import { AuthModule } from '@app/auth';
import { CasesModule } from '@app/cases';
import { AppConfig } from '@app/config';
import { MailModule } from '@app/mail';
import { ReminderProcessor } from './reminder.processor';
import { REMINDER_QUEUE, ReminderQueue } from './reminder-queue';
import { ReminderReconciler } from './reminder-reconciler';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderSender } from './reminder-sender';
import { ReminderEntity } from './reminder.entity';

/** Bull's blocking and subscriber connections must retry forever; ours never queue commands while Redis is away. */
function redisClient(url: string, type: 'client' | 'subscriber' | 'bclient'): Redis {
  const options: RedisOptions = {
    retryStrategy: (times) => Math.min(times * 500, 5000),
    ...(type === 'client'
      ? { enableOfflineQueue: true, maxRetriesPerRequest: 1 }
      : { enableReadyCheck: false, maxRetriesPerRequest: null }),
  };
  const client = new Redis(url, options);
  client.on('error', () => undefined);
  return client;
}

/**
 * Reminders: rows written with every case change (scheduler), their Bull jobs (queue), and, when `workers` is on,
 * the processor that sends them and the reconciler that rebuilds the queue from the rows.
 */
@Module({})
export class RemindersModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: RemindersModule,
      imports: [
        TypeOrmModule.forFeature([ReminderEntity]),
        AuthModule,
        CasesModule,
        MailModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            prefix: config.queue.prefix,
            createClient: (type) => redisClient(config.redis.url, type),
            settings: { lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 3 },
          }),
        }),
        BullModule.registerQueue({ name: REMINDER_QUEUE }),
      ],
      providers: [
        ReminderScheduler,
        ReminderQueue,
        ...(options.workers ? [ReminderSender, ReminderProcessor, ReminderReconciler] : []),
      ],
      exports: [ReminderQueue, ...(options.workers ? [ReminderReconciler, ReminderSender] : [])],
    };
  }
}

export const REMINDER_ENTITIES = [ReminderEntity];

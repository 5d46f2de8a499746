import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CasesModule } from '@app/cases';
import { MailModule } from '@app/mail';
import { FailedReminders } from './failed-reminders.service';
import { PartnershipDutyReminders } from './partnership-duty-reminders';
import { PartnershipRoles } from './partnership-roles.service';
import { PartnershipViews } from './partnership-views.service';
import { ReminderProcessor } from './reminder.processor';
import { ReminderQueue } from './reminder-queue';
import { ReminderReconciler } from './reminder-reconciler';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderSender } from './reminder-sender';
import { ReminderEntity } from './reminder.entity';

/**
 * Reminders: rows written with every case change (scheduler), their Bull jobs (queue), and, when `workers` is on,
 * the processor that sends them and the reconciler that rebuilds the queue from the rows.
 */
@Module({})
export class RemindersModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: RemindersModule,
      imports: [AuthModule, CasesModule, MailModule],
      providers: [
        ReminderScheduler,
        ReminderQueue,
        FailedReminders,
        PartnershipViews,
        PartnershipRoles,
        PartnershipDutyReminders,
        ...(options.workers ? [ReminderSender, ReminderProcessor, ReminderReconciler] : []),
      ],
      exports: [
        ReminderQueue,
        FailedReminders,
        PartnershipViews,
        PartnershipRoles,
        ...(options.workers ? [ReminderReconciler, ReminderSender] : []),
      ],
    };
  }
}

export const REMINDER_ENTITIES = [ReminderEntity];

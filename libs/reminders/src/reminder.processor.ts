import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { FIRE_JOB, FireJobData, REMINDER_QUEUE } from './reminder-queue';
import { ReminderSender } from './reminder-sender';

@Processor(REMINDER_QUEUE)
export class ReminderProcessor {
  constructor(private readonly sender: ReminderSender) {}

  @Process({ name: FIRE_JOB, concurrency: 4 })
  async fire(job: Job<FireJobData>): Promise<string> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.sender.fire(job.data.reminderId, { lastAttempt });
  }
}

import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ReminderQueue } from './reminder-queue';
import { ReminderSender } from './reminder-sender';

/** Sends reminders in this process: each fired job hands its row to the sender. */
@Injectable()
export class ReminderProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly queue: ReminderQueue,
    private readonly sender: ReminderSender,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.process(4, (job) => {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      return this.sender.fire(job.data.reminderId, { lastAttempt });
    });
  }
}

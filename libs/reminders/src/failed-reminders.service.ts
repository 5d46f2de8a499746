import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { CaseEntity } from '@app/cases';
import { NotFoundError, RuleViolatedError } from '@app/common';
import { ReadSide, TransactionRunner } from '@app/database';
import { ReminderEntity, type ReminderStatus } from './reminder.entity';
import { ReminderQueue } from './reminder-queue';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an admin does with reminders whose every attempt failed: list them and send them again (API and pages alike). */
@Injectable()
export class FailedReminders {
  constructor(
    private readonly reads: ReadSide,
    private readonly queue: ReminderQueue,
    private readonly tx: TransactionRunner,
  ) {}

  private get reminders() {
    return this.reads.getRepository(ReminderEntity);
  }

  /** The partnership's reminders in `status` (failed unless said), newest first, at most 500. */
  list(partnershipId: string, status: ReminderStatus = 'failed'): Promise<ReminderEntity[]> {
    return this.reminders.find({ where: { partnershipId, status }, order: { fireAtMs: 'DESC' }, take: 500 });
  }

  /** The references of the partnership's cases among `caseIds`, by id. */
  async caseReferences(partnershipId: string, caseIds: readonly string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.reads.getRepository(CaseEntity).find({
      where: { partnershipId, id: In([...new Set(caseIds)]) },
      select: { id: true, reference: true },
    });
    return new Map(rows.map((row) => [row.id, row.reference]));
  }

  /**
   * Makes a failed reminder of the partnership pending again, with its attempts reset, and rings its alarm now (a
   * Redis outage only delays it: the reconciler rings it later). Not found for another partnership's reminder;
   * refused for one that has not failed.
   */
  async retry(partnershipId: string, id: string): Promise<ReminderEntity> {
    if (!UUID.test(id)) throw new NotFoundError('Reminder');
    const row = await this.reminders.findOneBy({ id, partnershipId });
    if (!row) throw new NotFoundError('Reminder');
    if (row.status !== 'failed')
      throw new RuleViolatedError(`Only a failed reminder can be retried (this one is ${row.status})`);
    await this.tx.run((manager) =>
      manager
        .getRepository(ReminderEntity)
        .update({ id, status: 'failed' }, { status: 'pending', attempts: 0, lastError: null }),
    );
    await this.queue.schedule([{ id, fireAtMs: 0 }]).catch(() => undefined);
    return this.reminders.findOneByOrFail({ id });
  }
}

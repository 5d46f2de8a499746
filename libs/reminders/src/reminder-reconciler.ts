import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '@app/common';
import { ReadSide, TransactionRunner } from '@app/database';
import { AppConfig } from '@app/config';
import { ReminderQueue } from './reminder-queue';
import { ReminderEntity } from './reminder.entity';

const PAGE = 1000;

export interface ReconcileReport {
  pending: number;
  enqueued: number;
  promoted: number;
  removed: number;
  leasesReleased: number;
  redisReady: boolean;
  durationMs: number;
}

/**
 * Makes Redis agree with the reminder rows, on start and every few minutes: enqueue pending rows Redis lacks (it keeps
 * nothing on disk and may have lost everything), fire at once those whose time has come, drop jobs whose rows are no
 * longer pending, and release rows whose sender died mid-send.
 */
@Injectable()
export class ReminderReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<ReconcileReport>;
  private next?: Promise<ReconcileReport>;
  private runningWithRedis = false;
  private runningGeneration = 0;

  constructor(
    private readonly reads: ReadSide,
    private readonly tx: TransactionRunner,
    private readonly queue: ReminderQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    setTimeout(() => this.safeRun(), 200).unref();
    this.queue.onReady(() => this.safeRun());
    this.timer = setInterval(() => this.safeRun(), this.config.reminders.reconcileIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private safeRun(): void {
    this.run().catch((error) =>
      this.logger.warn({ msg: 'Reconcile failed; will try again', err: (error as Error).message }),
    );
  }

  /**
   * One pass; concurrent callers share it. But if the running pass began while Redis was away, or before Redis last
   * became ready (it may have come back empty), a caller gets a fresh pass after it, shared by all such callers.
   */
  run(): Promise<ReconcileReport> {
    if (this.running && this.runningWithRedis && this.runningGeneration === this.queue.readyGeneration)
      return this.running;
    if (this.running) {
      this.next ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.next = undefined;
          return this.run();
        });
      return this.next;
    }
    this.runningWithRedis = this.queue.isReady;
    this.runningGeneration = this.queue.readyGeneration;
    this.running = this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<ReconcileReport> {
    const started = performance.now();
    const now = this.clock.now().getTime();
    const repo = this.reads.getRepository(ReminderEntity);
    const released = await this.tx.run((manager) =>
      manager
        .createQueryBuilder()
        .update(ReminderEntity)
        .set({ status: 'pending', leaseUntilMs: null })
        .where('status = \'sending\' AND "leaseUntilMs" < :now', { now })
        .execute(),
    );
    const report: ReconcileReport = {
      pending: 0,
      enqueued: 0,
      promoted: 0,
      removed: 0,
      leasesReleased: released.affected ?? 0,
      redisReady: this.queue.isReady,
      durationMs: 0,
    };
    if (!this.queue.isReady) {
      report.pending = await repo.countBy({ status: 'pending' });
      return { ...report, durationMs: Math.round(performance.now() - started) };
    }

    // Page by page (keyset on id), so memory stays flat however many rows are pending.
    let after: string | undefined;
    for (;;) {
      const query = repo
        .createQueryBuilder('r')
        .select('r.id', 'id')
        .addSelect('r.fireAtMs', 'fireAtMs')
        .where("r.status = 'pending'");
      if (after) query.andWhere('r.id > :after', { after });
      const page = (
        await query.orderBy('r.id', 'ASC').limit(PAGE).getRawMany<{ id: string; fireAtMs: string | number }>()
      ).map((r) => ({
        id: r.id,
        fireAtMs: Number(r.fireAtMs),
      }));
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      report.pending += page.length;
      const present = await this.queue.existing(page.map((r) => r.id));
      const missing = page.filter((r) => !present.has(r.id));
      await this.queue.schedule(missing);
      report.enqueued += missing.length;
      const due = page.filter((r) => r.fireAtMs <= now && present.has(r.id));
      const delayed = due.length ? await this.queue.delayedAmong(due.map((r) => r.id)) : new Set<string>();
      for (const row of due) {
        if (delayed.has(row.id) && (await this.queue.promote(row.id))) report.promoted++;
      }
      if (page.length < PAGE) break;
    }

    // Delayed jobs whose rows are no longer pending (sent, cancelled, ...): walk the delayed set a page at a time.
    for (let start = 0; ; start += PAGE) {
      const ids = await this.queue.delayedPage(start, PAGE);
      if (ids.length === 0) break;
      const stillPending = new Set(
        (
          await repo
            .createQueryBuilder('r')
            .select('r.id', 'id')
            .where('r.id IN (:...ids)', { ids })
            .andWhere("r.status = 'pending'")
            .getRawMany<{ id: string }>()
        ).map((r) => r.id),
      );
      const stray = ids.filter((id) => !stillPending.has(id));
      const removed = await this.queue.unschedule(stray);
      report.removed += removed;
      start -= removed; // the removed jobs no longer take up ranks in the set
      if (ids.length < PAGE) break;
    }
    report.durationMs = Math.round(performance.now() - started);
    if (report.enqueued || report.promoted || report.removed || report.leasesReleased) {
      this.logger.log({ msg: 'Reconciled reminder queue', ...report });
    }
    return report;
  }
}

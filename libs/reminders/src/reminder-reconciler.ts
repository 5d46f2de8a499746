import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { ReminderQueue } from './reminder-queue';
import { ReminderEntity } from './reminder.entity';

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    this.run().catch((error) => this.logger.warn({ msg: 'Reconcile failed; will try again', err: (error as Error).message }));
  }

  /**
   * One pass. A call made while a pass runs gets a fresh pass after it (shared by all such callers): the running one
   * may have looked at Redis before it came back.
   */
  run(): Promise<ReconcileReport> {
    if (this.running) {
      this.next ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.next = undefined;
          return this.run();
        });
      return this.next;
    }
    this.running = this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<ReconcileReport> {
    const started = performance.now();
    const now = this.clock.now().getTime();
    const repo = this.dataSource.getRepository(ReminderEntity);
    const released = await repo
      .createQueryBuilder()
      .update(ReminderEntity)
      .set({ status: 'pending', leaseUntilMs: null })
      .where("status = 'sending' AND \"leaseUntilMs\" < :now", { now })
      .execute();
    const pending = (
      await repo.createQueryBuilder('r').select('r.id', 'id').addSelect('r.fireAtMs', 'fireAtMs').where("r.status = 'pending'").getRawMany<{ id: string; fireAtMs: string | number }>()
    ).map((r) => ({ id: r.id, fireAtMs: Number(r.fireAtMs) }));
    const report: ReconcileReport = {
      pending: pending.length,
      enqueued: 0,
      promoted: 0,
      removed: 0,
      leasesReleased: released.affected ?? 0,
      redisReady: this.queue.isReady,
      durationMs: 0,
    };
    if (!this.queue.isReady) return { ...report, durationMs: Math.round(performance.now() - started) };

    const inRedis = await this.queue.jobIds();
    const delayed = await this.queue.delayedJobIds();
    const missing = pending.filter((r) => !inRedis.has(r.id));
    await this.queue.schedule(missing);
    report.enqueued = missing.length;
    for (const row of pending) {
      if (row.fireAtMs <= now && delayed.has(row.id) && (await this.queue.promote(row.id))) report.promoted++;
    }
    const pendingIds = new Set(pending.map((r) => r.id));
    const stray = [...delayed].filter((id) => !pendingIds.has(id));
    await this.queue.unschedule(stray);
    report.removed = stray.length;
    report.durationMs = Math.round(performance.now() - started);
    if (report.enqueued || report.promoted || report.removed || report.leasesReleased) {
      this.logger.log({ msg: 'Reconciled reminder queue', ...report });
    }
    return report;
  }
}

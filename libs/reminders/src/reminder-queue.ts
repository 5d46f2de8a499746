import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Bull, { type Job, type Queue } from 'bull';
import Redis, { RedisOptions } from 'ioredis';
import { CasesService } from '@app/cases';
import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { ReminderEntity } from './reminder.entity';
import { ReminderJobChanges, ReminderScheduler } from './reminder-scheduler';

export const REMINDER_QUEUE = 'reminders';
export const FIRE_JOB = 'fire';
const SCHEDULE_CHUNK = 500;
/** How long shutdown waits for Bull to close its connections itself while Redis answers. */
const CLOSE_WAIT_MS = 5000;

/** Bull 4's own (undeclared) method that stops its intervals and timeouts; `close()` calls it once it gets that far. */
interface BullTimers {
  _clearTimers(): Promise<void>;
}

export interface FireJobData {
  reminderId: string;
}

/** Bull's blocking and subscriber connections must retry forever; reconnects back off up to 5 s. */
function redisClient(url: string, type: 'client' | 'subscriber' | 'bclient'): Redis {
  const options: RedisOptions = {
    retryStrategy: (times) => Math.min(times * 500, 5000),
    ...(type === 'client' ? { maxRetriesPerRequest: 1 } : { enableReadyCheck: false, maxRetriesPerRequest: null }),
  };
  const client = new Redis(url, options);
  client.on('error', () => undefined);
  return client;
}

/**
 * The one class that talks to Bull (so a move to BullMQ is a change of this file). Jobs are only alarm bells for reminder rows (jobId = row id), so every method here
 * may fail or be skipped while Redis is away: the reconciler rebuilds whatever is missing from the rows.
 */
@Injectable()
export class ReminderQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReminderQueue.name);

  private readonly queue: Queue<FireJobData>;
  /** Bull leaves connections it did not create to their creator: these are closed on shutdown. */
  private readonly connections: Redis[] = [];

  constructor(
    private readonly cases: CasesService,
    private readonly scheduler: ReminderScheduler,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.queue = new Bull<FireJobData>(REMINDER_QUEUE, {
      prefix: config.queue.prefix,
      createClient: (type) => {
        const client = redisClient(config.redis.url, type);
        this.connections.push(client);
        return client;
      },
      // A job whose worker died is handed to another once its lock lapses: the same span as a row's send lease.
      // The stalled check also returns jobs a closing process took from Redis but never started (no lock at all), so
      // it runs at least every 30 s (Bull's default) even when the lease is longer.
      settings: {
        lockDuration: config.reminders.leaseMs,
        stalledInterval: Math.min(config.reminders.leaseMs, 30_000),
        maxStalledCount: 3,
      },
    });
    this.queue.on('error', (error) => this.logger.warn({ msg: 'Reminder queue error', err: error.message }));
  }

  /** Starts sending: only processes that run workers call this. */
  process(concurrency: number, handler: (job: Job<FireJobData>) => Promise<unknown>): void {
    void this.queue
      .process(FIRE_JOB, concurrency, handler)
      .catch((error: Error) => this.logger.warn({ msg: 'Reminder worker stopped', err: error.message }));
  }

  onModuleInit(): void {
    // After a case change commits, bring its jobs in line with its rows. Never awaited by the command.
    this.cases.onCaseChanged((change) => this.applyJobChanges(this.scheduler.takeJobChanges(change), change.caseId));
  }

  /**
   * Bull's close waits for its connections, which after a Redis outage can take as long as the reconnect back-off:
   * give it a moment, then drop the connections so shutdown never hangs on Redis. The moment is a few seconds: a
   * connection dropped while Bull still has commands on it (a process stopped as it starts, on a busy machine) fails
   * them with "Connection is closed", and Bull does not catch all of those.
   */
  async onModuleDestroy(): Promise<void> {
    const closing = this.queue.close().catch(() => undefined);
    if (this.isReady) await Promise.race([closing, new Promise((r) => setTimeout(r, CLOSE_WAIT_MS).unref())]);
    for (const client of this.connections) client.disconnect();
    // A close still waiting (for Redis, or for a job that lost its connection) has not yet cleared Bull's own timers,
    // such as the stalled-job check, which would keep the process alive: clear them now; the close may end later.
    const { _clearTimers } = this.queue as unknown as Partial<BullTimers>;
    if (typeof _clearTimers === 'function') void _clearTimers.call(this.queue).catch(() => undefined);
  }

  /** The Bull queue itself, for the admin dashboard only. */
  get bullQueue(): Queue<FireJobData> {
    return this.queue;
  }

  /** Called each time the connection to Redis becomes ready (at start, and when Redis comes back). */
  onReady(listener: () => void): void {
    this.queue.client.on('ready', () => {
      this.readyGeneration++;
      listener();
    });
  }

  /** How many times the connection to Redis has become ready: a pass begun before the latest may have missed it. */
  readyGeneration = 0;

  get isReady(): boolean {
    return this.queue.client.status === 'ready';
  }

  private async applyJobChanges(changes: ReminderJobChanges | undefined, caseId: string): Promise<void> {
    if (!changes || !this.isReady) return;
    try {
      await this.schedule(changes.scheduled);
      await this.unschedule(changes.cancelled);
    } catch (error) {
      this.logger.warn({
        msg: 'Could not update reminder jobs; the reconciler will',
        caseId,
        err: (error as Error).message,
      });
    }
  }

  /** Adds a delayed job per row; a row whose time has passed fires at once. Adding an existing jobId is a no-op. */
  async schedule(rows: Pick<ReminderEntity, 'id' | 'fireAtMs'>[]): Promise<void> {
    const now = this.clock.now().getTime();
    const { attempts, backoffMs } = this.config.reminders;
    // addBulk sends each chunk in one MULTI: one round trip per 500 jobs when the reconciler rebuilds a queue.
    for (let i = 0; i < rows.length; i += SCHEDULE_CHUNK) {
      await this.queue.addBulk(
        rows.slice(i, i + SCHEDULE_CHUNK).map((row) => ({
          name: FIRE_JOB,
          data: { reminderId: row.id },
          opts: {
            jobId: row.id,
            delay: Math.max(0, row.fireAtMs - now),
            attempts,
            backoff: { type: 'exponential', delay: backoffMs },
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
    }
  }

  /** Removes the jobs of these rows that wait (an active job is left to finish); returns how many went from the delayed set. */
  async unschedule(ids: string[]): Promise<number> {
    let removed = 0;
    for (const id of ids) {
      const job = await this.queue.getJob(id);
      if (job && !(await job.isActive())) {
        await job.remove();
        removed++;
      } else if (!job) {
        // A member of the delayed set whose job hash is gone: take the bare id out, or it would stay forever.
        removed += await this.queue.client.zrem(this.queue.toKey('delayed'), id);
      }
    }
    return removed;
  }

  /** Which of these ids have a job in Redis, in whatever state (a job's hash lives as long as the job). */
  async existing(ids: string[]): Promise<Set<string>> {
    const pipeline = this.queue.client.pipeline();
    for (const id of ids) pipeline.exists(this.queue.toKey(id));
    const answers = (await pipeline.exec()) ?? [];
    return new Set(ids.filter((_, i) => answers[i]?.[1] === 1));
  }

  /** Which of these ids wait in the delayed set. */
  async delayedAmong(ids: string[]): Promise<Set<string>> {
    const pipeline = this.queue.client.pipeline();
    for (const id of ids) pipeline.zscore(this.queue.toKey('delayed'), id);
    const answers = (await pipeline.exec()) ?? [];
    return new Set(ids.filter((_, i) => answers[i]?.[1] !== null && answers[i]?.[1] !== undefined));
  }

  /** Ids in the delayed set by rank, `count` from `start`. */
  delayedPage(start: number, count: number): Promise<string[]> {
    return this.queue.client.zrange(this.queue.toKey('delayed'), start, start + count - 1);
  }

  /**
   * Brings forward a job still waiting for its first firing. A job waiting out a retry back-off keeps its delay:
   * promoting it would spend the attempts meant to outlast an SMTP outage within seconds.
   */
  async promote(id: string): Promise<boolean> {
    const job: Job<FireJobData> | null = await this.queue.getJob(id);
    if (!job || job.attemptsMade > 0 || !(await job.isDelayed())) return false;
    await job.promote();
    return true;
  }

  counts() {
    return this.queue.getJobCounts();
  }
}

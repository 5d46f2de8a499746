import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager, LessThanOrEqual, MoreThan } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { ReadSide, TransactionRunner } from '@app/database';
import { IdempotencyRecordEntity } from '../entities';

/** How often expired records are removed: often enough that the table holds little more than a day of keys. */
const SWEEP_INTERVAL_MS = 60 * 60_000;

export interface IdempotentRequest {
  userId: string;
  caseId: string;
  key: string;
}

/** The first answers of events sent with an `Idempotency-Key`, per caller and case, kept for IDEMPOTENCY_KEY_TTL_HOURS. */
@Injectable()
export class IdempotencyRecords implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyRecords.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly reads: ReadSide,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () =>
      this.removeExpired().catch((error) =>
        this.logger.warn({ msg: 'Removing expired idempotency records failed', err: (error as Error).message }),
      );
    setTimeout(sweep, 1000).unref();
    this.timer = setInterval(sweep, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The unexpired first answer to this request, if there is one. */
  find(request: IdempotentRequest): Promise<IdempotencyRecordEntity | null> {
    const now = this.clock.now().getTime();
    return this.reads.getRepository(IdempotencyRecordEntity).findOneBy({ ...request, expiresAtMs: MoreThan(now) });
  }

  /** Keeps the first answer, in the transaction that made it; an expired record of the same key gives way. */
  async record(manager: EntityManager, request: IdempotentRequest, requestHash: string, body: unknown): Promise<void> {
    const now = this.clock.now().getTime();
    await manager.delete(IdempotencyRecordEntity, { ...request, expiresAtMs: LessThanOrEqual(now) });
    await manager
      .createQueryBuilder()
      .insert()
      .into(IdempotencyRecordEntity)
      .values({
        id: randomUUID(),
        ...request,
        requestHash,
        statusCode: 200,
        body: body as object,
        expiresAtMs: now + this.config.idempotencyKeyTtlMs,
      })
      .updateEntity(false)
      .execute();
  }

  async removeExpired(): Promise<number> {
    const now = this.clock.now().getTime();
    const result = await this.tx.run((manager) =>
      manager.delete(IdempotencyRecordEntity, { expiresAtMs: LessThanOrEqual(now) }),
    );
    return result.affected ?? 0;
  }
}

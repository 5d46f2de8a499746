import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager, LessThanOrEqual, MoreThan } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock, PeriodicSweep } from '@app/common';
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
  private readonly sweep = new PeriodicSweep(
    'Removing expired idempotency records',
    new Logger(IdempotencyRecords.name),
    () => this.removeExpired(),
  );

  constructor(
    private readonly reads: ReadSide,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep.start(SWEEP_INTERVAL_MS, 1000);
  }

  onModuleDestroy(): void {
    this.sweep.stop();
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

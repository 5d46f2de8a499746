import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { EPOCH_MS } from '@app/database';

/**
 * The first answer to an event sent with an `Idempotency-Key`, returned unchanged to any retry of it. A key belongs to
 * one caller on one case: the same key on another case is another request. Kept until `expiresAtMs`
 * (`IDEMPOTENCY_KEY_TTL_HOURS`), then removed.
 */
@Entity('idempotency_records')
@Index(['userId', 'caseId', 'key'], { unique: true })
export class IdempotencyRecordEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('uuid')
  caseId: string;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'integer' })
  statusCode: number;

  @Column({ type: 'simple-json' })
  body: unknown;

  @CreateDateColumn()
  createdAt: Date;

  @Index()
  @Column({ type: 'bigint', transformer: EPOCH_MS })
  expiresAtMs: number;
}

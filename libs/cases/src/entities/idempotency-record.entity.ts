import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a request sent with an `Idempotency-Key`, returned unchanged to any retry of it. */
@Entity('idempotency_records')
@Index(['userId', 'key'], { unique: true })
export class IdempotencyRecordEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

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
}

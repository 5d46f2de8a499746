import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only: one row per change of a partnership itself (its annual report duties, a deadline of them missed), written
 * in the same transaction as the change and never updated. Says who acted, the day it happened, when it was recorded,
 * what changed, and from what to what. A case's changes have their own history (case_audit_events).
 */
@Entity('partnership_audit_events')
@Index(['partnershipId', 'sequence'], { unique: true })
export class PartnershipAuditEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  partnershipId: string;

  /** 1, 2, 3 ... per partnership, in the order recorded (two events of one change keep their order). */
  @Column({ type: 'integer' })
  sequence: number;

  /** When it was recorded. */
  @CreateDateColumn()
  recordedAt: Date;

  /** The London day it happened (a report published last week is recorded today). */
  @Column({ type: 'varchar', length: 10 })
  occurredOn: string;

  @Column('uuid')
  actorId: string;

  @Column({ type: 'varchar', length: 200 })
  actorName: string;

  @Column({ type: 'simple-json' })
  actorRoles: string[];

  @Column({ type: 'varchar', length: 60 })
  type: string;

  /** What it was before the change; null when there was nothing (the first report recorded). */
  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  /** What it is after the change. */
  @Column({ type: 'simple-json' })
  after: Record<string, unknown>;
}

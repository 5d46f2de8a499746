import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Append-only: one row per change of a case, written in the same transaction as the change. Never updated. */
@Entity('case_audit_events')
@Index(['caseId', 'sequence'], { unique: true })
export class CaseAuditEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  partnershipId: string;

  /** 1, 2, 3 ... per case: the case version the event produced. */
  @Column({ type: 'integer' })
  sequence: number;

  @CreateDateColumn()
  at: Date;

  @Column('uuid')
  actorId: string;

  @Column({ type: 'varchar', length: 200 })
  actorName: string;

  @Column({ type: 'simple-json' })
  actorRoles: string[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  actorAgency: string | null;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  fromState: string | null;

  @Column({ type: 'varchar', length: 80 })
  toState: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;
}

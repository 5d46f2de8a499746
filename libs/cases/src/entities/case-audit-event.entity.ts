import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Append-only: one row per change of a case, written in the same transaction as the change. Never updated. */
@Entity('case_audit_events')
@Index(['caseId', 'sequence'], { unique: true })
// Issue 13: the reports read one partnership's history by type and stage, not one case's.
@Index(['partnershipId', 'type'])
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

  /**
   * Item 6: the London day the act happened (its own date field, `occurredOn`, or the day it was recorded), beside `at`,
   * the instant it was recorded. Null only on rows written before it existed (read as the day of `at`).
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  occurredOn: string | null;

  /** Item 6: written by an import of a running case (the actor is the importing user). */
  @Column({ type: 'boolean', default: false })
  imported: boolean;

  /** Item 6: on an imported event, who did it originally, as the import said: `{ name, role, agency? }`. */
  @Column({ type: 'simple-json', nullable: true })
  originalActor: { name: string; role?: string; agency?: string } | null;
}

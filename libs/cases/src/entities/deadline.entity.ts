import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeadlineClockState = 'running' | 'paused' | 'stopped' | 'cancelled';

/**
 * The deadlines of every case as rows, recomputed in the same transaction as each change: the source of truth for
 * "which cases are overdue or due soon" and for reminders. Whether a running deadline is overdue depends on the day
 * it is read, so the row keeps the clock's state and the due date, not a status.
 */
@Entity('deadlines')
@Index(['caseId', 'rule', 'subject'], { unique: true })
// The overdue and due-soon lists: running deadlines in a date range, and their cases, from the index alone.
@Index(['partnershipId', 'clockState', 'dueOn', 'caseId'])
export class DeadlineEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  partnershipId: string;

  @Column({ type: 'varchar', length: 40 })
  rule: string;

  /** For a rule of `item` scope, the item (an agency key, an action id); '' for a case's own clocks. */
  @Column({ type: 'varchar', length: 60, default: '' })
  subject: string;

  @Column({ type: 'varchar', length: 10 })
  startedOn: string;

  @Column({ type: 'varchar', length: 10 })
  dueOn: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  stoppedOn: string | null;

  @Column({ type: 'varchar', length: 12 })
  clockState: DeadlineClockState;
}

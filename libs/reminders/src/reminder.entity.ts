import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EPOCH_MS, NULLABLE_EPOCH_MS } from '@app/database';
import type { FallbackRole, Seat } from './audience';

export const REMINDER_KINDS = [
  'warning',
  'due-today',
  'breach',
  'escalation-delegated',
  'escalation-lead',
  'notice',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * pending: waiting for its time; sending: claimed by a worker (until `leaseUntil`); sent; failed: every attempt
 * failed (an admin may retry); cancelled: the deadline it warned of moved, was met or cancelled before it fired;
 * obsolete: found out of date when it fired; superseded: a later reminder of the same deadline for the same audience was
 * due too (see `supersededReminders`).
 */
export const REMINDER_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'cancelled',
  'obsolete',
  'superseded',
] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
/** The statuses of a reminder that still speaks for its deadline (waiting, being sent, or sent). */
export const LIVE_REMINDER_STATUSES: readonly ReminderStatus[] = ['pending', 'sending', 'sent'];

/**
 * One mail to send at one time: the database is the record of every reminder; the Bull job (jobId = this id) is only
 * the alarm bell, and can be rebuilt from these rows at any time.
 */
@Entity('reminders')
@Index(['status', 'fireAtMs'])
// The reconciler's walk through the pending rows, a page at a time in id order.
@Index(['status', 'id'])
@Index(['caseId', 'status'])
export class ReminderEntity {
  @PrimaryColumn('uuid')
  id: string;

  /**
   * What makes a reminder the same one: a deadline's rule, offset and due date, or a notice and the case version;
   * prefixed by the case id, or by `partnership:<id>` for a partnership duty's reminder.
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column('uuid')
  partnershipId: string;

  /** The case whose deadline or event it is about; null for a partnership duty's reminder (the annual report). */
  @Column('uuid', { nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind: ReminderKind;

  @Column({ type: 'varchar', length: 40, nullable: true })
  rule: string | null;

  /** For a deadline of an item (an agency's return, an action): the item's key or id; '' otherwise. */
  @Column({ type: 'varchar', length: 60, default: '' })
  subject: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  noticeKind: string | null;

  @Column({ type: 'integer', nullable: true })
  offsetDays: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 10 })
  fireOn: string;

  @Column({ type: 'bigint', transformer: EPOCH_MS })
  fireAtMs: number;

  @Column({ type: 'varchar', length: 12 })
  status: ReminderStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: NULLABLE_EPOCH_MS,
  })
  leaseUntilMs: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'simple-json', nullable: true })
  recipients: string[] | null;

  /** The roles it was for that nobody held when it was sent (`[{ role, agency? }]`); null when every one was held. */
  @Column({ type: 'simple-json', nullable: true })
  unfilledRoles: Seat[] | null;

  /** Whose holders received it in their place: `business-unit`, else `admin`; null when no role was unfilled. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fallbackRole: FallbackRole | null;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: NULLABLE_EPOCH_MS,
  })
  sentAtMs: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  get fireAt(): Date {
    return new Date(this.fireAtMs);
  }
}

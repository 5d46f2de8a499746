import { EntityBase } from '@app/database';
import type { Agency, RelevantAgency, RuleOverrideInput } from '@app/workflows';
import { Column, Entity, VersionColumn } from 'typeorm';

/** A stored override, as the rulebook reads it. */
export type RuleOverrideRecord = RuleOverrideInput;

/** A safeguarding partnership: the tenant. Every user and case belongs to exactly one. */
@Entity('partnerships')
export class PartnershipEntity extends EntityBase {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The agencies whose delegated partners must sign off decisions and final reports. */
  @Column({ type: 'simple-json' })
  signOffAgencies: Agency[];

  @Column({ type: 'simple-json' })
  ruleOverrides: RuleOverrideRecord[];

  /** Reminder offsets in working days relative to a due date (negative = before); null = the product default. */
  @Column({ type: 'simple-json', nullable: true })
  reminderOffsets: number[] | null;

  /** Extra non-working days for this partnership (for example 24 December), `YYYY-MM-DD`. */
  @Column({ type: 'simple-json' })
  closureDays: string[];

  /**
   * The relevant agencies whose returns rapid reviews ask for and which own actions (issue 12): each case copies the
   * list when it opens. Existing partnerships were given DEFAULT_RELEVANT_AGENCIES by the migration that added it.
   */
  @Column({ type: 'simple-json' })
  relevantAgencies: RelevantAgency[];

  /**
   * The partnership made at the deployment's first start: its admins run the deployment (the queue dashboard shows
   * every partnership's jobs). Exactly one has it; partnerships made by the operator command do not.
   */
  @Column({ type: 'boolean', default: false })
  operator: boolean;

  @VersionColumn()
  version: number;
}

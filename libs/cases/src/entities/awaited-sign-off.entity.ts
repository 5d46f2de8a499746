import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The sign-offs each case waits for now, one row per agency whose delegated partner is offered a sign-off
 * (`signOffsAwaited`), rewritten in the same transaction as each change of the case. Kept as rows so "the cases
 * awaiting my agency's sign-off" is an indexed query, not a read of every snapshot.
 */
@Entity('awaited_sign_offs')
@Index(['partnershipId', 'agency', 'caseId'])
export class AwaitedSignOffEntity {
  @PrimaryColumn('uuid')
  caseId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  agency: string;

  @Column('uuid')
  partnershipId: string;

  /** `decision.signed-off` or `lcspr.final-report-signed-off`. */
  @Column({ type: 'varchar', length: 40 })
  event: string;
}

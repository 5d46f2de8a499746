import { Column, Entity, Index } from 'typeorm';
import { EntityBase } from '@app/database';

/**
 * One annual report the partnership published (rules.md rules 22 and 23): the day, where it is, and the day a copy went
 * to each of the Panel and the What Works Centre. The latest is the partnership's `lastAnnualReportPublishedOn`.
 */
@Entity('annual_reports')
@Index(['partnershipId', 'publishedOn'], { unique: true })
export class AnnualReportEntity extends EntityBase {
  @Column('uuid')
  partnershipId: string;

  @Column({ type: 'varchar', length: 10 })
  publishedOn: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** The day a copy was sent to the Child Safeguarding Practice Review Panel. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  panelCopySentOn: string | null;

  /** The day a copy was sent to the What Works Centre (now Foundations). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  whatWorksCentreCopySentOn: string | null;
}

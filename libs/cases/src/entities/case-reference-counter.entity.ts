import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The next case number per partnership and year: references read CSPR-2026-0007. */
@Entity('case_reference_counters')
export class CaseReferenceCounterEntity {
  @PrimaryColumn('uuid')
  partnershipId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastNumber: number;
}

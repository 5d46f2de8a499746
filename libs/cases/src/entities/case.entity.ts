import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { PersistedCaseSnapshot } from '@app/workflows';

export interface IncidentDetails {
  incidentOn: string;
  incidentType: 'death' | 'serious-harm';
  abuseOrNeglect: 'known' | 'suspected' | 'not-suspected';
  lookedAfter: boolean;
  children: ChildDetails[];
  summary: string;
  // Issue 12 item 2: the Panel's notification fields (absent on cases opened before them)
  nature?: 'serious-incident' | 'looked-after-death' | 'care-leaver-death';
  localAuthorityOfResidence?: string;
  localAuthorityOfIncident?: string;
  harmCategories?: string[];
  contributingFactors?: string[];
}

/** One child of the incident: the record's restricted `children` part. */
export interface ChildDetails {
  ageYears: number;
  sex: string;
  ethnicity?: string;
  disability?: string;
  // Issue 12 item 2
  disabilityTypes?: string[];
  plans?: string[];
  placementType?: string;
  knownToAgencies?: string[];
}

/**
 * One case: the machine it runs on (id and version, fixed at opening), its persisted snapshot, and denormalised
 * `stage`/`state` columns for queries. `version` is the optimistic lock every change checks.
 */
@Entity('cases')
@Index(['partnershipId', 'reference'], { unique: true })
@Index(['partnershipId', 'stage'])
// The list's order, with the id so a page is found from the index alone.
@Index(['partnershipId', 'openedAt', 'reference', 'id'])
// Issue 12 item 5: a lead reviewer lists the cases they review.
@Index(['partnershipId', 'reviewerUserId'])
export class CaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  partnershipId: string;

  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @Column({ type: 'varchar', length: 40 })
  machineId: string;

  @Column({ type: 'integer' })
  machineVersion: number;

  @Column({ type: 'integer' })
  rulebookVersion: number;

  @Column({ type: 'simple-json' })
  snapshot: PersistedCaseSnapshot;

  @Column({ type: 'varchar', length: 40 })
  stage: string;

  @Column({ type: 'varchar', length: 80 })
  state: string;

  /**
   * The account of the case's appointed lead reviewer (the snapshot's `lcspr.reviewer.userId`), written with every
   * change: a lead reviewer reads only the cases where it is theirs.
   */
  @Column({ type: 'uuid', nullable: true })
  reviewerUserId: string | null;

  /** Incident facts. No child's name is ever stored; this never leaves the service in mail or logs. */
  @Column({ type: 'simple-json' })
  details: IncidentDetails;

  @CreateDateColumn()
  openedAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

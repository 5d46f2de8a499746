import { EntityBase } from '@app/database';
import type { Agency, Role } from '@app/workflows';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PartnershipEntity } from '../partnerships/partnership.entity';

@Entity('users')
export class UserEntity extends EntityBase {
  @Index()
  @Column('uuid')
  partnershipId: string;

  @ManyToOne(() => PartnershipEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnershipId' })
  partnership?: PartnershipEntity;

  /** Stored lower-cased; unique across the deployment so that login needs only the address. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'simple-json' })
  roles: Role[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  agency: Agency | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

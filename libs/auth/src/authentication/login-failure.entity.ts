import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EPOCH_MS } from '@app/database';

/**
 * One failed login for an account, kept for the per-account window only. In the database rather than Redis, so every
 * API instance shares the count and a login still works (and is still limited) while Redis is down.
 */
@Entity('login_failures')
@Index(['account', 'atMs'])
export class LoginFailureEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** SHA-256 of the lower-cased address tried, whether or not such a user exists: no typed-in text is stored. */
  @Column({ type: 'varchar', length: 64 })
  account: string;

  @Index()
  @Column({ type: 'bigint', transformer: EPOCH_MS })
  atMs: number;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EPOCH_MS } from '@app/database';

/**
 * One browser session, kept in the database so that every API process shares it, Redis being down signs nobody out,
 * and a session can be ended on the server (sign-out, deactivation, a password change).
 */
@Entity('web_sessions')
export class WebSessionEntity {
  /** SHA-256 of the session id: the cookie's value is never stored, so a copy of the table opens no session. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  /** Set at sign-in; null for a visitor who has only opened the sign-in page. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** What the pages keep between requests: the CSRF token, the page asked for before sign-in, a form's draft. */
  @Column({ type: 'simple-json' })
  data: Record<string, unknown>;

  @Column({ type: 'bigint', transformer: EPOCH_MS })
  createdAtMs: number;

  @Column({ type: 'bigint', transformer: EPOCH_MS })
  touchedAtMs: number;

  /** The earlier of the idle and the absolute time-out. */
  @Index()
  @Column({ type: 'bigint', transformer: EPOCH_MS })
  expiresAtMs: number;
}

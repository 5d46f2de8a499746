import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EPOCH_MS, NULLABLE_EPOCH_MS } from '@app/database';

/**
 * A user's private calendar feed of their open deadlines (issue 13): at most one live feed per user. The feed's URL
 * holds a random token; only its SHA-256 is kept, so a copy of the table opens no feed. Replacing the feed replaces
 * the row (a new token; the old one stops at once), turning it off deletes it.
 */
@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn('uuid')
  id: string = randomUUID();

  @Index({ unique: true })
  @Column('uuid')
  userId: string;

  @Column('uuid')
  partnershipId: string;

  /** SHA-256 (hex) of the token in the feed's URL. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** When the feed was turned on (or last replaced), epoch milliseconds. */
  @Column({ type: 'bigint', transformer: EPOCH_MS })
  createdAtMs: number;

  /** When a calendar last read the feed, epoch milliseconds (written at most once an hour). */
  @Column({ type: 'bigint', nullable: true, transformer: NULLABLE_EPOCH_MS })
  lastReadAtMs: number | null;
}

import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import { ReadSide, TransactionRunner } from '@app/database';
import { ROLES, type Role } from '@app/workflows';
import type { AuthenticatedUser } from '../authenticated-user';
import { assertHasRole } from '../roles.decorator';
import { UserEntity } from '../users/user.entity';
import { CalendarFeedEntity } from './calendar-feed.entity';

/**
 * The roles whose deadlines a feed carries: every role that works on cases. Not the admin's (users and settings, not
 * cases): someone whose only role is admin cannot turn a feed on, and a feed whose owner is left with only that role
 * answers 404, like a revoked one.
 */
export const CALENDAR_FEED_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'admin');

/** 32 random bytes, base64url: the only form a feed's token takes (anything else is not looked up). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** A read of the feed is written down at most this often, so a calendar polling it does not write on every poll. */
const LAST_READ_RESOLUTION_MS = 60 * 60 * 1000;

export interface CalendarFeedStatus {
  active: boolean;
  createdAt?: Date;
  lastReadAt?: Date;
}

export interface CalendarFeedOwner {
  user: UserEntity;
  feed: CalendarFeedEntity;
}

export function calendarFeedTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Each user's private calendar feed: turning it on (a new token, shown once, replacing any earlier one), off, and
 * finding whose feed a token opens. The token itself is never stored nor logged: only its SHA-256.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly reads: ReadSide,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async status(user: Pick<AuthenticatedUser, 'id'>): Promise<CalendarFeedStatus> {
    const feed = await this.reads.getRepository(CalendarFeedEntity).findOneBy({ userId: user.id });
    if (!feed) return { active: false };
    return {
      active: true,
      createdAt: new Date(feed.createdAtMs),
      ...(feed.lastReadAtMs !== null ? { lastReadAt: new Date(feed.lastReadAtMs) } : {}),
    };
  }

  /**
   * Turns the user's feed on with a new token, replacing (and so revoking) any earlier one in the same statement. One
   * upsert on `userId`, not a delete then an insert: under PostgreSQL's READ COMMITTED, of two turn-ons at once the
   * second's delete waits for the first, then cannot see the row the first inserted, and its own insert breaks the
   * unique index (a 500). Of several at once, the last to commit wins.
   */
  async turnOn(user: AuthenticatedUser): Promise<{ token: string; createdAt: Date }> {
    assertHasRole(user.roles, CALENDAR_FEED_ROLES);
    const token = randomBytes(32).toString('base64url');
    const createdAtMs = this.clock.now().getTime();
    const feed = Object.assign(new CalendarFeedEntity(), {
      userId: user.id,
      partnershipId: user.partnershipId,
      tokenHash: calendarFeedTokenHash(token),
      createdAtMs,
      lastReadAtMs: null,
    });
    await this.tx.run((manager) =>
      manager.getRepository(CalendarFeedEntity).upsert(feed, { conflictPaths: ['userId'] }),
    );
    return { token, createdAt: new Date(createdAtMs) };
  }

  /** Turns the user's feed off: its URL answers 404 from now on. Turning off a feed that is off changes nothing. */
  async turnOff(user: Pick<AuthenticatedUser, 'id'>): Promise<void> {
    await this.tx.run((manager) => manager.getRepository(CalendarFeedEntity).delete({ userId: user.id }));
  }

  /**
   * The feed a token opens and its owner, or null: an unknown, revoked or malformed token, a deactivated owner, or one
   * left with no role that works on cases. Notes the read (at most once an hour).
   */
  async ownerOf(token: string): Promise<CalendarFeedOwner | null> {
    if (!TOKEN.test(token)) return null;
    const feed = await this.reads
      .getRepository(CalendarFeedEntity)
      .findOneBy({ tokenHash: calendarFeedTokenHash(token) });
    if (!feed) return null;
    const user = await this.reads
      .getRepository(UserEntity)
      .findOneBy({ id: feed.userId, partnershipId: feed.partnershipId, active: true });
    if (!user || !user.roles.some((role) => CALENDAR_FEED_ROLES.includes(role))) return null;
    const now = this.clock.now().getTime();
    if (feed.lastReadAtMs === null || now - feed.lastReadAtMs >= LAST_READ_RESOLUTION_MS) {
      await this.tx.run((manager) =>
        manager.getRepository(CalendarFeedEntity).update({ id: feed.id }, { lastReadAtMs: now }),
      );
    }
    return { user, feed };
  }
}

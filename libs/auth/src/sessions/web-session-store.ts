import { createHash } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import session from 'express-session';
import { LessThanOrEqual } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock, PeriodicSweep } from '@app/common';
import { AppConfig } from '@app/config';
import { ReadSide, TransactionRunner } from '@app/database';
import { WebSessionEntity } from './web-session.entity';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in user; absent before sign-in. */
    userId: string;
    partnershipId: string;
    /** The page asked for before sign-in, opened after it (a path on this service, never a full URL). */
    returnTo: string;
  }
}

/** A touch moves the idle time-out on; done at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;
const SWEEP_INTERVAL_MS = 10 * 60_000;
/** Read back with the session, not part of what the pages keep: when the session was last touched. */
const TOUCHED_AT = '__touchedAtMs';

type StoredSession = session.SessionData & { [TOUCHED_AT]?: number };
type Callback = (error?: unknown) => void;

function key(sid: string): string {
  return createHash('sha256').update(sid).digest('hex');
}

/**
 * express-session's store, in the service's database (see {@link WebSessionEntity}). Writes go through the
 * transaction runner like every other write (on SQLite one connection writes, in batches); reads through the read
 * side. A session ends at the idle time-out (no request for `session.idleMs`) or the absolute one (`absoluteMs` after
 * it began), whichever comes first; an ended session reads as absent, and a periodic sweep deletes it.
 */
@Injectable()
export class WebSessionStore extends session.Store implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweep = new PeriodicSweep('Removing ended sessions', new Logger(WebSessionStore.name), () =>
    this.removeExpired(),
  );

  constructor(
    private readonly tx: TransactionRunner,
    private readonly reads: ReadSide,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.sweep.start(SWEEP_INTERVAL_MS);
  }

  onModuleDestroy(): void {
    this.sweep.stop();
  }

  override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
    this.read(sid).then((found) => callback(null, found), callback);
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.write(sid, data).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    const touchedAt = (data as StoredSession)[TOUCHED_AT] ?? 0;
    if (this.clock.now().getTime() - touchedAt < TOUCH_EVERY_MS) return callback?.();
    this.write(sid, data).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  /** Sign-out and sign-in (the old id): ended like {@link endSessionsOf}, so a request in flight cannot revive it. */
  override destroy(sid: string, callback?: Callback): void {
    this.tx
      .run((manager) => manager.update(WebSessionEntity, { id: key(sid) }, { expiresAtMs: 0, data: {} }))
      .then(
        () => callback?.(),
        (error) => callback?.(error),
      );
  }

  /**
   * Ends every session of a user at once (deactivated, password changed or reset), except `keepSid`'s. An ended row is
   * kept, expired and emptied, until the sweep removes it: a request of that session still in flight saves its
   * session on the way out, and finding the row ended, {@link write} does not bring it back.
   */
  async endSessionsOf(userId: string, keepSid?: string): Promise<number> {
    const result = await this.tx.run((manager) => {
      const query = manager
        .createQueryBuilder()
        .update(WebSessionEntity)
        .set({ expiresAtMs: 0, data: {} })
        .where('"userId" = :userId', { userId })
        .andWhere('"expiresAtMs" > 0');
      if (keepSid) query.andWhere('id <> :keep', { keep: key(keepSid) });
      return query.execute();
    });
    return result.affected ?? 0;
  }

  async removeExpired(): Promise<number> {
    const now = this.clock.now().getTime();
    const result = await this.tx.run((manager) =>
      manager.delete(WebSessionEntity, { expiresAtMs: LessThanOrEqual(now) }),
    );
    return result.affected ?? 0;
  }

  private async read(sid: string): Promise<StoredSession | null> {
    const row = await this.reads.getRepository(WebSessionEntity).findOneBy({ id: key(sid) });
    if (!row || row.expiresAtMs <= this.clock.now().getTime()) return null;
    return { ...(row.data as unknown as session.SessionData), [TOUCHED_AT]: row.touchedAtMs };
  }

  private async write(sid: string, data: session.SessionData): Promise<void> {
    const { [TOUCHED_AT]: _touched, ...kept } = data as StoredSession;
    const now = this.clock.now().getTime();
    const id = key(sid);
    await this.tx.run(async (manager) => {
      const repo = manager.getRepository(WebSessionEntity);
      const existing = await repo.findOne({
        where: { id },
        select: { id: true, createdAtMs: true, expiresAtMs: true },
      });
      // Ended (on the server, or timed out) while this request was in flight: it stays ended.
      if (existing && existing.expiresAtMs <= now) return;
      const createdAtMs = existing?.createdAtMs ?? now;
      const expiresAtMs = Math.min(now + this.config.session.idleMs, createdAtMs + this.config.session.absoluteMs);
      const row: QueryDeepPartialEntity<WebSessionEntity> = {
        userId: kept.userId ?? null,
        data: kept as QueryDeepPartialEntity<Record<string, unknown>>,
        touchedAtMs: now,
        expiresAtMs,
      };
      if (existing) await repo.update({ id }, row);
      else await repo.insert({ id, createdAtMs, ...row });
    });
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LessThan, MoreThan } from 'typeorm';
import { Clock, PeriodicSweep, TooManyRequestsError } from '@app/common';
import { TransactionRunner } from '@app/database';
import { LoginFailureEntity } from './login-failure.entity';

/** Failed logins allowed per account in one window, from any number of addresses. */
export const ACCOUNT_LOGIN_LIMIT = 10;
export const ACCOUNT_LOGIN_WINDOW_MS = 15 * 60_000;
const SWEEP_INTERVAL_MS = 5 * 60_000;

function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * The per-account login limit: at most {@link ACCOUNT_LOGIN_LIMIT} failures per account in a sliding window of
 * {@link ACCOUNT_LOGIN_WINDOW_MS}, whichever addresses they come from (the per-address limit cannot see an attacker
 * who spreads guesses over many addresses). A window, not a lock: an attacker can hold an account's logins back for
 * as long as they keep failing, but the real user can log in again once the window passes them by.
 *
 * An attempt is counted as it starts (before the password is hashed), so a burst of concurrent guesses cannot all slip
 * under the limit; a successful login clears the account's count.
 */
@Injectable()
export class AccountLoginLimit implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweep = new PeriodicSweep('Removing old login failures', new Logger(AccountLoginLimit.name), () =>
    this.removeExpired(),
  );

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep.start(SWEEP_INTERVAL_MS);
  }

  onModuleDestroy(): void {
    this.sweep.stop();
  }

  /**
   * Refuses with 429 when the account has used up its window; otherwise counts this attempt as a failure. The count
   * and the insert are one unit of work, so concurrent attempts on SQLite (one writer) never pass the limit together.
   */
  async begin(email: string): Promise<void> {
    const account = accountKey(email);
    const now = this.clock.now().getTime();
    await this.tx.run(async (manager) => {
      const recent = await manager.getRepository(LoginFailureEntity).find({
        where: { account, atMs: MoreThan(now - ACCOUNT_LOGIN_WINDOW_MS) },
        order: { atMs: 'DESC' },
        take: ACCOUNT_LOGIN_LIMIT,
      });
      if (recent.length >= ACCOUNT_LOGIN_LIMIT) {
        // The window frees a place when the oldest of the last LIMIT failures leaves it.
        const oldest = recent[recent.length - 1].atMs;
        throw new TooManyRequestsError((oldest + ACCOUNT_LOGIN_WINDOW_MS - now) / 1000);
      }
      await manager.insert(LoginFailureEntity, { id: randomUUID(), account, atMs: now });
    });
  }

  async succeeded(email: string): Promise<void> {
    const account = accountKey(email);
    await this.tx.run((manager) => manager.delete(LoginFailureEntity, { account }));
  }

  async removeExpired(): Promise<number> {
    const before = this.clock.now().getTime() - ACCOUNT_LOGIN_WINDOW_MS;
    const result = await this.tx.run((manager) => manager.delete(LoginFailureEntity, { atMs: LessThan(before) }));
    return result.affected ?? 0;
  }
}

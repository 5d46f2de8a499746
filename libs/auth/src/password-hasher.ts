import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Semaphore, SemaphoreFullError, TooManyRequestsError } from '@app/common';

/**
 * Each argon2id hash holds 64 MiB for tens of milliseconds. Unbounded, a burst of logins would take the memory of
 * hundreds of hashes at once; bounded, the burst waits its turn and memory stays at this many times 64 MiB.
 */
export const MAX_CONCURRENT_HASHES = 4;
/** Hashes that may wait for a slot (about a second's work); past that a login is answered 429 at once, not queued. */
export const MAX_WAITING_HASHES = 64;

/** argon2id, with the library's recommended parameters, at most {@link MAX_CONCURRENT_HASHES} at a time. */
@Injectable()
export class PasswordHasher {
  private readonly slots = new Semaphore(MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES);

  /** How many hashes are running now (for tests and diagnostics). */
  get running(): number {
    return this.slots.running;
  }

  hash(password: string): Promise<string> {
    return this.inTurn(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** False for a wrong password or a hash argon2 cannot read; 429 when too many hashes already wait. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.inTurn(() => argon2.verify(hash, password));
    } catch (error) {
      if (error instanceof TooManyRequestsError) throw error;
      return false;
    }
  }

  private async inTurn<T>(hashing: () => Promise<T>): Promise<T> {
    try {
      return await this.slots.run(hashing);
    } catch (error) {
      if (error instanceof SemaphoreFullError) throw new TooManyRequestsError(1);
      throw error;
    }
  }
}

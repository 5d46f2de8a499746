import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Semaphore } from '@app/common';

/**
 * Each argon2id hash holds 64 MiB for tens of milliseconds. Unbounded, a burst of logins would take the memory of
 * hundreds of hashes at once; bounded, the burst waits its turn and memory stays at this many times 64 MiB.
 */
export const MAX_CONCURRENT_HASHES = 4;

/** argon2id, with the library's recommended parameters, at most {@link MAX_CONCURRENT_HASHES} at a time. */
@Injectable()
export class PasswordHasher {
  private readonly slots = new Semaphore(MAX_CONCURRENT_HASHES);

  /** How many hashes are running now (for tests and diagnostics). */
  get running(): number {
    return this.slots.running;
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.slots.run(() => argon2.verify(hash, password));
    } catch {
      return false;
    }
  }
}

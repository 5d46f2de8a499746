/** The queue of a {@link Semaphore} is full: the task was not started and will not be. */
export class SemaphoreFullError extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} tasks are already waiting`);
    this.name = 'SemaphoreFullError';
  }
}

/**
 * At most `limit` tasks run at once; the others wait their turn in arrival order, at most `maxWaiting` of them (a
 * task beyond that is refused with {@link SemaphoreFullError} at once, so a flood cannot queue without end).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A semaphore needs a limit of at least 1, not ${limit}`);
  }

  get running(): number {
    return this.active;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit && this.waiting.length >= this.maxWaiting) {
      throw new SemaphoreFullError(this.waiting.length);
    }
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

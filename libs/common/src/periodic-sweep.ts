import type { Logger } from '@nestjs/common';

/**
 * A clean-up that runs now and then in the background (expired rows, old counters). It never keeps the process alive,
 * stops with its owner, and a failed pass is logged and left to the next one.
 */
export class PeriodicSweep {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
    private readonly sweep: () => Promise<unknown>,
  ) {}

  /** The first pass after `firstAfterMs`, then one every `everyMs`. */
  start(everyMs: number, firstAfterMs = everyMs): void {
    const pass = () => {
      this.sweep().catch((error) => this.logger.warn({ msg: `${this.what} failed`, err: (error as Error).message }));
    };
    this.timers.push(setTimeout(pass, firstAfterMs).unref(), setInterval(pass, everyMs).unref());
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
  }
}

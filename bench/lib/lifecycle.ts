import type { ChildProcess } from 'node:child_process';

/**
 * How the benchmark runs and ends: named phases, the child processes it started (services, redis-servers), and one
 * way out for every failure (a phase's error, an uncaught error event, SIGINT/SIGTERM): print the error that started
 * it, stop every child, exit non-zero.
 */

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The child processes started and not yet exited: none may outlive the benchmark, however it ends. */
class Children {
  private readonly running = new Set<ChildProcess>();

  track(child: ChildProcess): void {
    if (child.exitCode !== null || child.signalCode !== null) return;
    this.running.add(child);
    child.once('exit', () => this.running.delete(child));
  }

  get pids(): number[] {
    return [...this.running].map((child) => child.pid ?? -1);
  }

  /** SIGTERM to each, SIGKILL to any still there after `graceMs`; resolves when all have exited. */
  async stopAll(graceMs = 5_000): Promise<void> {
    await Promise.all(
      [...this.running].map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  /** The last resort on process exit, where nothing can be awaited. */
  killAllNow(): void {
    for (const child of this.running) child.kill('SIGKILL');
  }
}

export const children = new Children();

/**
 * The chain from an error to the one that started it: each `cause`, and the first of an AggregateError's errors
 * (Node's connect to several addresses, Promise.any).
 */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && !chain.includes(current)) {
    chain.push(current);
    if (current instanceof Error && current.cause !== undefined) current = current.cause;
    else if (current instanceof AggregateError && current.errors.length > 0) current = current.errors[0];
    else break;
  }
  return chain;
}

function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const detail = (error as { detail?: unknown }).detail;
  return `${error.name}: ${error.message}${code ? ` [code ${String(code)}]` : ''}${detail ? ` (${String(detail)})` : ''}`;
}

/** What went wrong, outermost first, then the first cause in full with its stack. */
export function describeFailure(error: unknown): string {
  const chain = causeChain(error);
  const first = chain[chain.length - 1];
  const lines = chain.slice(0, -1).map((e, i) => `[bench] ${i === 0 ? 'failed' : 'because'}: ${oneLine(e)}`);
  const stack = first instanceof Error && first.stack ? first.stack.split('\n').slice(1).join('\n') : '';
  lines.push(`[bench] ${chain.length > 1 ? '' : 'failed; '}first cause: ${oneLine(first)}${stack ? `\n${stack}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** Runs one step of the benchmark under its name, so a failure says where it happened and keeps its cause. */
export async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  log(name);
  try {
    return await run();
  } catch (error) {
    throw new Error(`${name} failed`, { cause: error });
  }
}

/**
 * Runs the benchmark's main. Whatever ends it early (its own error, an error event nobody listened to, SIGINT or
 * SIGTERM), the first cause is printed, every child process is stopped, and the exit code is non-zero: 1 for a
 * failure, 128 + the signal's number for a signal.
 */
export function runMain(main: () => Promise<void>): void {
  let ending = false;
  const end = (code: number, error?: unknown) => {
    if (ending) return;
    ending = true;
    if (error !== undefined) process.stderr.write(describeFailure(error));
    void children.stopAll().finally(() => process.exit(code));
  };
  process.on('uncaughtException', (error) => end(1, error));
  process.on('unhandledRejection', (error) => end(1, error));
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping ${children.pids.length} child process(es)`);
      end(code);
    });
  }
  process.on('exit', () => children.killAllNow());
  main().then(
    () => children.stopAll(),
    (error) => end(1, error),
  );
}

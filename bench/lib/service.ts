import { randomBytes } from 'node:crypto';
import { spawn, ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, TestRedisServer } from '../../test/support/redis-server';
import { children } from './lifecycle';

export const ROOT = join(__dirname, '..', '..');
export const ADMIN = { email: 'admin@bench.test', password: 'bench admin password 1234' };
/** One secret per benchmark run, so tokens outlive a restart of the service. */
const JWT_SECRET = randomBytes(32).toString('hex');

/** A private redis-server on a free port, tracked so that it never outlives the benchmark. */
export async function startRedis(): Promise<TestRedisServer> {
  const server = new TestRedisServer(await freePort());
  const starting = server.start();
  children.track(server.child!);
  await starting;
  return server;
}

/** One JSON log line of the service (pino). */
export type LogLine = Record<string, unknown> & { msg?: string };

/**
 * The built service (`dist/`) as a child process, as a deployment runs it: no ts-node in the measured process, so its
 * memory is the service's own. Log lines are kept for the benchmark to read (e.g. the reconciler's report).
 */
export class ServiceProcess {
  readonly logs: LogLine[] = [];
  private peakRssKb = 0;
  private sampler?: NodeJS.Timeout;

  private logOffset = 0;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly logFile: string,
  ) {}

  static async start(env: Record<string, string>, logFile: string, nodeArgs: string[] = []): Promise<ServiceProcess> {
    const port = await freePort();
    // Logs go to a file: a pipe read by this busy process would block the service's synchronous stdout writes.
    const log = openSync(logFile, 'a');
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/api/src/main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        JWT_SECRET,
        PUBLIC_URL: 'https://practice-review.bench',
        // As in production behind a TLS proxy: the pages' Secure session cookie is set when the proxy says https.
        TRUSTED_PROXIES: 'loopback',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', log, log],
    });
    children.track(child);
    closeSync(log);
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`, logFile);
    const logTail = () => readFileSync(logFile, 'utf8').slice(-2000);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`service exited during start (${child.exitCode}): ${logTail()}`);
      try {
        const res = await fetch(`${service.url}/health`);
        if (res.status < 500 || res.status === 503) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) {
        await service.stop();
        throw new Error(`service did not start within 60 s: ${logTail()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    service.sampler = setInterval(() => service.sampleRss(), 200);
    return service;
  }

  /** Reads log lines written since the last call; returns the raw text read. */
  private readNewLogs(): string {
    let text: string;
    try {
      text = readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
    const fresh = text.slice(this.logOffset);
    const complete = fresh.slice(0, fresh.lastIndexOf('\n') + 1);
    this.logOffset += complete.length;
    for (const line of complete.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const parsed = JSON.parse(line) as LogLine;
        // Request logs are many and not needed: keep only the service's own messages.
        if (!('req' in parsed)) this.logs.push(parsed);
      } catch {
        /* not JSON */
      }
    }
    return fresh;
  }

  async waitForLog(match: (line: LogLine) => boolean, timeoutMs: number, what: string): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.readNewLogs();
      const seen = this.logs.find(match);
      if (seen) return seen;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** VmHWM is the kernel's own high-water mark of the process's resident set. */
  private sampleRss(): void {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      this.peakRssKb = Math.max(this.peakRssKb, hwm);
    } catch {
      /* exited, or not Linux */
    }
  }

  /** CPU time the service has used so far (user + system), whatever else the machine is doing. */
  cpuSeconds(): number {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return NaN;
    }
  }

  get peakRssMb(): number {
    this.sampleRss();
    return Math.round(this.peakRssKb / 1024);
  }

  async stop(): Promise<void> {
    this.sampleRss();
    if (this.sampler) clearInterval(this.sampler);
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.kill('SIGTERM');
    });
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import type { IntegrityReport } from '@app/cases';

const ROOT = join(__dirname, '..', '..', '..');

/** The connection was refused: the request never reached the service, so it certainly did nothing. */
export class ServiceUnreachable extends Error {}
/** The connection broke after the request was sent: the service may or may not have applied it. */
export class AnswerLost extends Error {}

export interface HttpAnswer {
  status: number;
  body: any;
}

/** One request on its own connection (no keep-alive socket survives a kill to fail the first request after restart). */
export function http(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method,
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
        res.on('error', (error) => reject(new AnswerLost(error.message)));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ECONNREFUSED' ? new ServiceUnreachable(error.message) : new AnswerLost(error.message)),
    );
    req.end(payload);
  });
}

/** The real API as a separate process (ts-node, transpile only), started and SIGKILLed on demand. */
export class ServiceProcess {
  private process?: ChildProcess;
  private stderr = '';

  constructor(readonly env: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    this.stderr = '';
    const proc = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, ...this.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    proc.stderr!.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.process = proc;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (proc.exitCode !== null)
        throw new Error(`the service exited with ${proc.exitCode} while starting: ${this.stderr}`);
      try {
        const health = await http(this.url, 'GET', '/health');
        if (health.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the service did not start within ${timeoutMs} ms: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async kill(): Promise<void> {
    const proc = this.process;
    this.process = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  }
}

export interface IntegrityRun {
  code: number | null;
  report?: IntegrityReport;
  stderr: string;
}

/** `npm run check:integrity -- --json`, the operator's command, against the service's environment. */
export function runIntegrityCommand(env: Record<string, string>): Promise<IntegrityRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn('npm', ['run', '--silent', 'check:integrity', '--', '--json'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('error', reject);
    proc.on('close', (code) => {
      let report: IntegrityReport | undefined;
      try {
        report = JSON.parse(stdout);
      } catch {
        report = undefined;
      }
      resolve({ code, report, stderr });
    });
  });
}

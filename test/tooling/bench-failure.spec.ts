import type { ChildProcess } from 'node:child_process';
import { spawnTs } from '../support/run-ts';

/**
 * However the benchmark ends early, it prints the error that started it and leaves nothing running. Each case runs
 * test/tooling/support/bench-in-trouble.ts as its own process with a real redis-server started through the benchmark's
 * helpers, and checks that this redis-server is gone afterwards.
 */
const POSTGRES = process.env.TEST_DATABASE_URL;

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
  redisPid: number;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every redis-server a troubled benchmark announced: one it failed to stop is stopped after its test. */
const announcedRedis: number[] = [];
afterEach(() => {
  for (const pid of announcedRedis.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
});

/** Runs the troubled benchmark; `onRedis` is called once it has announced its redis-server. */
function runBenchInTrouble(mode: string, onRedis: (child: ChildProcess) => void = () => undefined): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawnTs('test/tooling/support/bench-in-trouble.ts', [mode]);
    let stdout = '';
    let stderr = '';
    let redisPid = 0;
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const announced = /\{"redisPid":(\d+)\}/.exec(stdout);
      if (announced && !redisPid) {
        redisPid = Number(announced[1]);
        announcedRedis.push(redisPid);
        onRedis(child);
      }
    });
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, redisPid }));
  });
}

describe('the benchmark ending early', () => {
  it('prints the first cause of a failed phase with its stack, stops its redis-server and exits 1', async () => {
    const ended = await runBenchInTrouble('phase-fails');
    expect(ended.redisPid).toBeGreaterThan(0);
    expect(ended.code).toBe(1);
    expect(ended.stderr).toContain('[bench] failed: Error: the PostgreSQL command path failed');
    expect(ended.stderr).toContain('[bench] because: Error: the PostgreSQL floor failed');
    expect(ended.stderr).toMatch(
      /\[bench\] first cause: Error: connect ECONNREFUSED 127\.0\.0\.1:\d+ \[code ECONNREFUSED\]\n\s+at /,
    );
    expect(isRunning(ended.redisPid)).toBe(false);
    expect(ended.stdout).not.toContain('finished');
  }, 60_000);

  it('on SIGINT stops its redis-server and exits 130', async () => {
    const ended = await runBenchInTrouble('waits', (child) => child.kill('SIGINT'));
    expect(ended.redisPid).toBeGreaterThan(0);
    expect(ended.code).toBe(130);
    expect(isRunning(ended.redisPid)).toBe(false);
  }, 60_000);

  (POSTGRES ? describe : describe.skip)('on PostgreSQL (TEST_DATABASE_URL)', () => {
    it('an idle connection with no error listener, terminated by DROP DATABASE WITH (FORCE), is printed as the first cause (57P01) and the redis-server is stopped', async () => {
      const ended = await runBenchInTrouble('idle-connection-dropped');
      expect(ended.code).toBe(1);
      expect(ended.stderr).toMatch(
        /first cause: error: terminating connection due to administrator command \[code 57P01\]\n\s+at /,
      );
      expect(isRunning(ended.redisPid)).toBe(false);
    }, 60_000);

    it("the benchmark's own client logs that termination and carries on", async () => {
      const ended = await runBenchInTrouble('idle-connection-dropped-bench-client');
      expect(ended.stderr).toContain(
        'the test client: a PostgreSQL connection failed: terminating connection due to administrator command [code 57P01]',
      );
      expect(ended.stderr).not.toContain('first cause');
      expect(ended.code).toBe(0);
      expect(ended.stdout).toContain('{"finished":true}');
      expect(isRunning(ended.redisPid)).toBe(false);
    }, 60_000);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, TestRedisServer } from '../support/redis-server';

/**
 * `npm start` runs the build and never makes one: a second start, or a restart while a build runs, must not rewrite
 * the files a running service was loaded from. `npm run build` makes dist/ and puts it in place whole.
 */
const ROOT = join(__dirname, '..', '..');

/** Every file under dist/ with what a rewrite changes: inode, size, modification time. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        files[path.slice(dir.length)] = `${stat.ino} ${stat.size} ${stat.mtimeMs}`;
      }
    }
  };
  walk(dir);
  return files;
}

function npmStart(cwd: string, env: Record<string, string>) {
  // Its own process group, so the whole of it (npm, sh, node) can be stopped.
  return spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

/**
 * The repository's tracked files, as they are in the working tree, in a temporary folder that shares node_modules: the
 * tests build and start there, never in the checkout, whose dist/ a developer's service may be running from.
 */
function copyOfRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), 'pr-copy-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(copy, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

let copy: string;
beforeAll(() => {
  copy = copyOfRepository();
  execFileSync('npm', ['run', 'build'], { cwd: copy, stdio: 'ignore' });
}, 120_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm start', () => {
  it('without a build, says which command makes one and exits 1', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'pr-unbuilt-'));
    try {
      mkdirSync(join(clone, 'scripts'));
      copyFileSync(join(ROOT, 'package.json'), join(clone, 'package.json'));
      copyFileSync(join(ROOT, 'scripts', 'start.js'), join(clone, 'scripts', 'start.js'));
      const start = npmStart(clone, {});
      let stderr = '';
      start.stderr!.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => start.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(
        'practice-review is not built (no dist/apps/api/src/main.js): run `npm run build` first.',
      );
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 60_000);

  it('of a built tree starts the service and leaves dist/ as it was', async () => {
    const dist = join(copy, 'dist');
    const before = snapshot(dist);
    const redis = await TestRedisServer.start();
    const data = mkdtempSync(join(tmpdir(), 'pr-start-'));
    const port = await freePort();
    const start = npmStart(copy, {
      PORT: String(port),
      DB_TYPE: 'sqlite',
      SQLITE_PATH: join(data, 'db.sqlite'),
      DATA_DIR: data,
      MAIL_OUTBOX_DIR: join(data, 'outbox'),
      REDIS_URL: redis.url,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
    });
    const exited = new Promise<void>((resolve) => start.on('close', () => resolve()));
    try {
      const deadline = Date.now() + 60_000;
      let health = 0;
      while (health !== 200 && Date.now() < deadline) {
        health = await fetch(`http://127.0.0.1:${port}/health`).then(
          (res) => res.status,
          () => 0,
        );
        if (health !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(health).toBe(200);
      expect(snapshot(dist)).toEqual(before);
    } finally {
      process.kill(-start.pid!, 'SIGTERM');
      await exited;
      await redis.stop();
      rmSync(data, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('npm run build', () => {
  it('replaces dist/ whole: while it runs, the built main never requires an unresolved @app/ path', async () => {
    const main = join(copy, 'dist', 'apps', 'api', 'src', 'main.js');
    const build = spawn('npm', ['run', 'build'], { cwd: copy, stdio: 'ignore' });
    let finished = false;
    const code = new Promise<number | null>((resolve) => build.on('close', resolve)).finally(() => (finished = true));
    let reads = 0;
    let unresolved = 0;
    while (!finished) {
      try {
        if (readFileSync(main, 'utf8').includes('require("@app/')) unresolved++;
        reads++;
      } catch {
        /* not built yet */
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await code).toBe(0);
    expect(reads).toBeGreaterThan(10);
    expect(unresolved).toBe(0);
    expect(readFileSync(main, 'utf8')).not.toContain('@app/');
    expect(readdirSync(copy).filter((name) => name.startsWith('.dist-build-'))).toEqual([]);
  }, 180_000);
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { buildDataSourceOptions, loadConfig } from '@app/config';
import { ReadSide } from './read-side';
import { TransactionRunner } from './transaction-runner';

/**
 * The runner and the read side on the service's own connection settings: a real SQLite file, and PostgreSQL when
 * TEST_DATABASE_URL is set (as the e2e suite).
 */
const databases: [string, () => Record<string, string>][] = [
  ['SQLite file', () => ({ DB_TYPE: 'sqlite', SQLITE_PATH: join(dir, 'db.sqlite') })],
];
if (process.env.TEST_DATABASE_URL)
  databases.push(['PostgreSQL', () => ({ DB_TYPE: 'postgres', DATABASE_URL: process.env.TEST_DATABASE_URL! })]);

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'pr-runner-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Fails instead of hanging when a promise never settles (a unit queued behind itself). */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A promise to resolve from outside. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}

describe.each(databases)('TransactionRunner and ReadSide on %s', (_name, env) => {
  let writer: DataSource;
  let runner: TransactionRunner;
  let reads: ReadSide;
  const table = `notes_${randomBytes(4).toString('hex')}`;

  const insert = (manager: EntityManager, id: string) =>
    manager.query(`INSERT INTO "${table}" ("id") VALUES ('${id}')`);
  const idsIn = async (manager: EntityManager): Promise<string[]> =>
    ((await manager.query(`SELECT "id" FROM "${table}" ORDER BY "id"`)) as { id: string }[]).map((r) => r.id);

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dir, ...env() });
    writer = await new DataSource(
      buildDataSourceOptions(config, { entities: [], migrations: { sqlite: [], postgres: [] } }),
    ).initialize();
    await writer.query(`CREATE TABLE "${table}" ("id" varchar(40) PRIMARY KEY)`);
    runner = new TransactionRunner(writer);
    reads = await ReadSide.open(writer);
  });

  afterAll(async () => {
    await reads?.beforeApplicationShutdown();
    if (writer?.isInitialized) {
      await writer.query(`DROP TABLE "${table}"`);
      await writer.destroy();
    }
  });

  beforeEach(() => writer.query(`DELETE FROM "${table}"`));

  it('a read during a batch never sees a write that the batch then rolls back', async () => {
    await runner.run((m) => insert(m, 'committed-before'));
    const firstBatchHeld = signal();
    const releaseFirstBatch = signal();
    const dropWritten = signal();
    const releaseDrop = signal();
    // On SQLite the first unit holds the writer, so the next two are committed together in one batch.
    const first = runner.run(async () => {
      firstBatchHeld.fire();
      await releaseFirstBatch.fired;
    });
    await firstBatchHeld.fired;
    const kept = runner.run((m) => insert(m, 'kept'));
    const dropped = runner.run(async (m) => {
      await insert(m, 'dropped');
      dropWritten.fire();
      await releaseDrop.fired;
      throw new Error('rolled back');
    });
    dropped.catch(() => undefined);
    releaseFirstBatch.fire();
    await first;
    await dropWritten.fired;

    const during = await within(3000, idsIn(reads.manager));

    releaseDrop.fire();
    await expect(dropped).rejects.toThrow('rolled back');
    await kept;
    expect(during).toContain('committed-before');
    expect(during).not.toContain('dropped');
    expect(await idsIn(reads.manager)).toEqual(['committed-before', 'kept']);
  });

  it('a nested run joins the outer unit: same manager, and its write is rolled back with the outer', async () => {
    let outerManager: EntityManager | undefined;
    let innerManager: EntityManager | undefined;
    const outer = runner.run(async (manager) => {
      outerManager = manager;
      await insert(manager, 'outer');
      await runner.run(async (inner) => {
        innerManager = inner;
        await insert(inner, 'inner');
      });
      expect(await idsIn(manager)).toEqual(['inner', 'outer']);
      throw new Error('outer fails');
    });
    await expect(within(3000, outer)).rejects.toThrow('outer fails');
    expect(innerManager).toBe(outerManager);
    expect(await idsIn(reads.manager)).toEqual([]);
  });

  it('a nested run that fails undoes only its own writes; the outer unit still commits', async () => {
    await within(
      3000,
      runner.run(async (manager) => {
        await insert(manager, 'outer');
        await expect(
          runner.run(async (inner) => {
            await insert(inner, 'inner');
            throw new Error('inner fails');
          }),
        ).rejects.toThrow('inner fails');
      }),
    );
    expect(await idsIn(reads.manager)).toEqual(['outer']);
  });

  it('nested runs started together take turns: the one that fails undoes only its own write', async () => {
    await within(
      5000,
      runner.run(async (manager) => {
        await insert(manager, 'outer');
        const [failed, kept] = await Promise.allSettled([
          runner.run(async (inner) => {
            await insert(inner, 'failed');
            await new Promise((r) => setTimeout(r, 20));
            throw new Error('first nested fails');
          }),
          runner.run(async (inner) => {
            await new Promise((r) => setTimeout(r, 5));
            await insert(inner, 'kept');
          }),
        ]);
        expect(failed.status).toBe('rejected');
        expect(kept.status).toBe('fulfilled');
      }),
    );
    expect(await idsIn(reads.manager)).toEqual(['kept', 'outer']);
  });

  it('a run started by a unit but made after that unit ended is a unit of its own', async () => {
    let later!: Promise<unknown>;
    await runner.run(async (manager) => {
      await insert(manager, 'first');
      later = new Promise((resolve) => setTimeout(resolve, 50)).then(() => runner.run((m) => insert(m, 'later')));
    });
    await within(3000, later);
    expect(await idsIn(reads.manager)).toEqual(['first', 'later']);
  });

  it('a snapshot reads one moment: a commit made meanwhile is seen only after it', async () => {
    await runner.run((m) => insert(m, 'a'));
    const [before, after] = await reads.snapshot(async (manager) => {
      const first = await idsIn(manager);
      await runner.run((m) => insert(m, 'b'));
      return [first, await idsIn(manager)];
    });
    expect(before).toEqual(['a']);
    expect(after).toEqual(['a']);
    expect(await idsIn(reads.manager)).toEqual(['a', 'b']);
  });

  it('a snapshot cannot write', async () => {
    await expect(reads.snapshot((manager) => insert(manager, 'x'))).rejects.toThrow(/read-only|readonly/i);
    expect(await idsIn(reads.manager)).toEqual([]);
  });
});

describe('ReadSide on an SQLite file', () => {
  it('cannot write through its connection', async () => {
    const config = loadConfig({ DATA_DIR: dir, DB_TYPE: 'sqlite', SQLITE_PATH: join(dir, 'read-only.sqlite') });
    const writer = await new DataSource(
      buildDataSourceOptions(config, { entities: [], migrations: { sqlite: [], postgres: [] } }),
    ).initialize();
    const reads = await ReadSide.open(writer);
    try {
      await writer.query('CREATE TABLE "t" ("id" varchar PRIMARY KEY)');
      await expect(reads.manager.query(`INSERT INTO "t" ("id") VALUES ('x')`)).rejects.toThrow(/readonly/i);
      expect(await reads.manager.query('SELECT COUNT(*) AS "n" FROM "t"')).toEqual([{ n: 0 }]);
    } finally {
      await reads.beforeApplicationShutdown();
      await writer.destroy();
    }
  });
});

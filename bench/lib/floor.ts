import { randomUUID } from 'node:crypto';
import sqlite3 from 'sqlite3';
import { withConnections } from './postgres';

type Row = Record<string, unknown>;

/** The least a driver must do for the floor: statements in one transaction, on one connection. */
interface FloorConnection {
  run(sql: string, params: unknown[]): Promise<void>;
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  placeholder(index: number): string;
}

/** What one engine command writes, on average, measured from the engine's own database after its run. */
export interface WriteProfile {
  deadlinesPerCase: number;
  remindersPerCommand: number;
  commandsPerJourney: number;
}

/** Real rows of the engine's run, copied with new ids, so the floor writes the same columns and sizes. */
interface Templates {
  caseRow: Row;
  audit: Row;
  deadlines: Row[];
  reminder: Row;
}

function quote(name: string): string {
  return `"${name}"`;
}

function insertSql(conn: FloorConnection, table: string, row: Row, conflict = ''): { sql: string; params: unknown[] } {
  const keys = Object.keys(row);
  return {
    sql: `INSERT INTO ${table} (${keys.map(quote).join(', ')}) VALUES (${keys.map((_, i) => conn.placeholder(i + 1)).join(', ')})${conflict}`,
    params: keys.map((k) => row[k]),
  };
}

async function loadTemplates(conn: FloorConnection): Promise<Templates> {
  const p = (i: number) => conn.placeholder(i);
  const [caseRow] = await conn.all(`SELECT * FROM cases ORDER BY "version" DESC LIMIT 1`);
  if (!caseRow) throw new Error('the floor needs the engine run first: no case found');
  const [audit] = await conn.all(
    `SELECT * FROM case_audit_events WHERE "caseId" = ${p(1)} ORDER BY "sequence" DESC LIMIT 1`,
    [caseRow.id],
  );
  const deadlines = await conn.all(`SELECT * FROM deadlines WHERE "caseId" = ${p(1)}`, [caseRow.id]);
  const [reminder] = await conn.all(`SELECT * FROM reminders WHERE "caseId" = ${p(1)} LIMIT 1`, [caseRow.id]);
  return { caseRow, audit, deadlines, reminder };
}

/**
 * One journey's worth of commands, each one transaction: the case row (inserted for the first command, then updated
 * with the version check), one audit event, an upsert of each of the case's deadlines, and the reminder rows an
 * engine command writes on average. No HTTP, no ORM, no machine: the floor under the engine.
 */
async function floorJourney(
  conn: FloorConnection,
  t: Templates,
  profile: WriteProfile,
  latencies: number[],
  counter: { n: number },
) {
  const p = (i: number) => conn.placeholder(i);
  const caseId = randomUUID();
  const deadlineCount = Math.max(1, Math.round(profile.deadlinesPerCase));
  const deadlines = Array.from({ length: deadlineCount }, (_, i) => t.deadlines[i % t.deadlines.length]);
  for (let command = 0; command < profile.commandsPerJourney; command++) {
    const started = performance.now();
    const version = command + 1;
    await conn.run('BEGIN', []);
    if (command === 0) {
      const { sql, params } = insertSql(conn, 'cases', {
        ...t.caseRow,
        id: caseId,
        reference: `FLOOR-${caseId.slice(0, 18)}`,
        version: 1,
      });
      await conn.run(sql, params);
    } else {
      await conn.run(
        `UPDATE cases SET "snapshot" = ${p(1)}, "stage" = ${p(2)}, "state" = ${p(3)}, "version" = ${p(4)}, "updatedAt" = CURRENT_TIMESTAMP WHERE "id" = ${p(5)} AND "version" = ${p(6)}`,
        [t.caseRow.snapshot, t.caseRow.stage, t.caseRow.state, version, caseId, version - 1],
      );
    }
    const audit = insertSql(conn, 'case_audit_events', { ...t.audit, id: randomUUID(), caseId, sequence: version });
    await conn.run(audit.sql, audit.params);
    for (let i = 0; i < deadlines.length; i++) {
      const row = { ...deadlines[i], id: randomUUID(), caseId, rule: `${deadlines[i].rule}-${i}` };
      const upsert = insertSql(
        conn,
        'deadlines',
        row,
        ` ON CONFLICT ("caseId", "rule") DO UPDATE SET "dueOn" = excluded."dueOn", "stoppedOn" = excluded."stoppedOn", "clockState" = excluded."clockState"`,
      );
      await conn.run(upsert.sql, upsert.params);
    }
    const reminders =
      Math.floor((counter.n + 1) * profile.remindersPerCommand) - Math.floor(counter.n * profile.remindersPerCommand);
    counter.n++;
    for (let i = 0; i < reminders; i++) {
      const reminder = insertSql(conn, 'reminders', {
        ...t.reminder,
        id: randomUUID(),
        caseId,
        dedupeKey: randomUUID(),
      });
      await conn.run(reminder.sql, reminder.params);
    }
    await conn.run('COMMIT', []);
    latencies.push(performance.now() - started);
  }
}

export interface FloorResult {
  commands: number;
  seconds: number;
  commandsPerSecond: number;
  latencies: number[];
}

async function runFloor(
  connections: FloorConnection[],
  profile: WriteProfile,
  journeysPerClient: number,
): Promise<FloorResult> {
  const templates = await loadTemplates(connections[0]);
  const latencies: number[] = [];
  const counter = { n: 0 };
  const started = performance.now();
  await Promise.all(
    connections.map(async (conn) => {
      for (let j = 0; j < journeysPerClient; j++) await floorJourney(conn, templates, profile, latencies, counter);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { commands: latencies.length, seconds, commandsPerSecond: latencies.length / seconds, latencies };
}

/**
 * SQLite allows one writer at a time, so the floor is one connection (as the service's), with the service's
 * pragmas: WAL, full sync (every commit reaches the disk), foreign keys, busy timeout.
 */
export async function sqliteFloor(path: string, profile: WriteProfile, journeys: number): Promise<FloorResult> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
  });
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const all = (sql: string, params: unknown[] = []) =>
    new Promise<Row[]>((resolve, reject) =>
      db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))),
    );
  await run('PRAGMA journal_mode = WAL');
  await run('PRAGMA foreign_keys = ON');
  await run('PRAGMA busy_timeout = 5000');
  const conn: FloorConnection = { run, all, placeholder: () => '?' };
  try {
    return await runFloor([conn], profile, journeys);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** PostgreSQL takes concurrent writers: one connection per client, as many clients as the engine run had. */
export async function postgresFloor(
  url: string,
  profile: WriteProfile,
  clients: number,
  journeysPerClient: number,
): Promise<FloorResult> {
  return withConnections(url, clients, 'the PostgreSQL floor', (opened) => {
    const connections = opened.map((client): FloorConnection => ({
      run: async (sql, params) => void (await client.query(sql, params)),
      all: async (sql, params = []) => (await client.query(sql, params)).rows as Row[],
      placeholder: (i) => `$${i}`,
    }));
    return runFloor(connections, profile, journeysPerClient);
  });
}

/**
 * The benchmark: `npm run bench` (about 4 minutes) or `npm run bench -- --quick` (under 2).
 *
 * 1. Command path: whole LCSPR journeys driven over HTTP by 16 concurrent clients against the built service on SQLite
 *    (and PostgreSQL when DATABASE_URL is set), then the floor: the same writes straight through the driver.
 * 2. Scale: 100,000 cases seeded into the SQLite file, the list queries and the home and case pages timed over
 *    HTTP, and the reconciler timed putting 100,000 pending reminder rows into an empty Redis.
 * 3. Peak RSS of the service over all of it.
 *
 * Results: printed as a table, and written to bench/results/latest.json and latest.md.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import sqlite3 from 'sqlite3';
import { BUSINESS_UNIT, call, createTeam, runClient, type Team } from './lib/journey';
import { signInToPages, timePage } from './lib/pages';
import { postgresFloor, sqliteFloor, type FloorResult, type WriteProfile } from './lib/floor';
import { log, phase, runMain } from './lib/lifecycle';
import { connectClient, withTemporaryDatabase } from './lib/postgres';
import { createTemplateCases, seedCases, TEMPLATES } from './lib/seed';
import { ROOT, ServiceProcess, startRedis } from './lib/service';
import { round1, summarize, table } from './lib/stats';

const quick = process.argv.includes('--quick');
const CLIENTS = 16;
const JOURNEYS_PER_CLIENT = quick ? 3 : 12;
const SCALE_CASES = Number(process.env.BENCH_SCALE_CASES) || (quick ? 20_000 : 100_000);
const QUERY_SAMPLES = quick ? 100 : 300;

interface CommandPath {
  commands: number;
  commandsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  cpuMsPerCommand: number;
  oneClient: { p50Ms: number; p99Ms: number };
  floorCommandsPerSecond: number;
  floorP50Ms: number;
  floorP99Ms: number;
  ratio: number;
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

function machine() {
  const version = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0];
    } catch {
      return 'unknown';
    }
  };
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqlite: (sqlite3 as unknown as { VERSION: string }).VERSION,
    redis: /v=([\d.]+)/.exec(version('redis-server', ['--version']))?.[1] ?? 'unknown',
    os: version('uname', ['-sr']),
  };
}

/** The engine's writes per command, read from its own database: what the floor must write too. */
async function writeProfileFromSqlite(
  path: string,
  commands: number,
  commandsPerJourney: number,
): Promise<WriteProfile> {
  const db = new sqlite3.Database(path);
  const get = (sql: string) =>
    new Promise<number>((resolve, reject) => db.get(sql, (e, row: { n: number }) => (e ? reject(e) : resolve(row.n))));
  const cases = await get('SELECT COUNT(*) AS n FROM cases');
  const deadlines = await get('SELECT COUNT(*) AS n FROM deadlines');
  const reminders = await get('SELECT COUNT(*) AS n FROM reminders');
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return { deadlinesPerCase: deadlines / cases, remindersPerCommand: reminders / commands, commandsPerJourney };
}

async function writeProfileFromPostgres(
  url: string,
  commands: number,
  commandsPerJourney: number,
): Promise<WriteProfile> {
  const client = await connectClient(url, 'the write profile');
  try {
    const count = async (table: string) => Number((await client.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
    return {
      deadlinesPerCase: (await count('deadlines')) / (await count('cases')),
      remindersPerCommand: (await count('reminders')) / commands,
      commandsPerJourney,
    };
  } finally {
    await client.end();
  }
}

async function driveJourneys(service: ServiceProcess, team: Team) {
  const day = today();
  // Warm-up: one journey, not counted (JIT, statement caches, first Redis scripts).
  await runClient(service.url, team, day, 1);
  const cpuBefore = service.cpuSeconds();
  const started = performance.now();
  const latencies = (
    await Promise.all(Array.from({ length: CLIENTS }, () => runClient(service.url, team, day, JOURNEYS_PER_CLIENT)))
  ).flat();
  const seconds = (performance.now() - started) / 1000;
  const cpuMsPerCommand = ((service.cpuSeconds() - cpuBefore) * 1000) / latencies.length;
  // One client alone: the time a command takes when it does not queue behind fifteen others.
  const alone = summarize(await runClient(service.url, team, day, quick ? 1 : 3));
  return { latencies, seconds, cpuMsPerCommand, alone };
}

/** The floor is what the driver can do at best: of two runs (fsync times vary on shared disks), the faster counts. */
function fastest(runs: FloorResult[]): FloorResult {
  return runs.reduce((best, run) => (run.commandsPerSecond > best.commandsPerSecond ? run : best));
}

function commandPath(engine: Awaited<ReturnType<typeof driveJourneys>>, floor: FloorResult): CommandPath {
  const commandsPerSecond = engine.latencies.length / engine.seconds;
  const floorStats = summarize(floor.latencies);
  return {
    commands: engine.latencies.length,
    commandsPerSecond: round1(commandsPerSecond),
    ...summarize(engine.latencies),
    cpuMsPerCommand: round1(engine.cpuMsPerCommand),
    oneClient: { p50Ms: engine.alone.p50Ms, p99Ms: engine.alone.p99Ms },
    floorCommandsPerSecond: round1(floor.commandsPerSecond),
    floorP50Ms: floorStats.p50Ms,
    floorP99Ms: floorStats.p99Ms,
    ratio: Math.round((floor.commandsPerSecond / commandsPerSecond) * 100) / 100,
  };
}

async function sqliteCommandPath(
  dir: string,
  redisUrl: string,
  peakRss: Record<string, number>,
): Promise<{ result: CommandPath; dbPath: string; team: Team }> {
  const dbPath = join(dir, 'engine.sqlite');
  const service = await ServiceProcess.start(
    {
      DB_TYPE: 'sqlite',
      SQLITE_PATH: dbPath,
      DATA_DIR: join(dir, 'data'),
      MAIL_OUTBOX_DIR: join(dir, 'outbox'),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: 'bench-sqlite',
    },
    join(dir, 'service-sqlite.log'),
  );
  let team: Team;
  let engine: Awaited<ReturnType<typeof driveJourneys>>;
  try {
    team = await createTeam(service.url);
    engine = await phase(`SQLite: ${CLIENTS} clients x ${JOURNEYS_PER_CLIENT} journeys`, () =>
      driveJourneys(service, team),
    );
  } finally {
    await service.stop();
  }
  peakRss.commandsSqlite = service.peakRssMb;
  const commandsPerJourney = engine.latencies.length / (CLIENTS * JOURNEYS_PER_CLIENT);
  // The warm-up and one-client journeys' commands are in the database too.
  const journeysRun = CLIENTS * JOURNEYS_PER_CLIENT + 1 + (quick ? 1 : 3);
  const profile = await writeProfileFromSqlite(dbPath, journeysRun * commandsPerJourney, commandsPerJourney);
  const floorPath = join(dir, 'floor.sqlite');
  copyFileSync(dbPath, floorPath);
  const floor = await phase(
    `SQLite floor: ${CLIENTS * JOURNEYS_PER_CLIENT} journeys through the driver, twice`,
    async () =>
      fastest([
        await sqliteFloor(floorPath, profile, CLIENTS * JOURNEYS_PER_CLIENT),
        await sqliteFloor(floorPath, profile, CLIENTS * JOURNEYS_PER_CLIENT),
      ]),
  );
  return { result: commandPath(engine, floor), dbPath, team };
}

async function postgresCommandPath(
  serverUrl: string,
  dir: string,
  redisUrl: string,
  peakRss: Record<string, number>,
): Promise<CommandPath> {
  return withTemporaryDatabase(serverUrl, async (url) => {
    const service = await ServiceProcess.start(
      {
        DB_TYPE: 'postgres',
        DATABASE_URL: url,
        DATA_DIR: join(dir, 'data-pg'),
        MAIL_OUTBOX_DIR: join(dir, 'outbox-pg'),
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: 'bench-pg',
      },
      join(dir, 'service-postgres.log'),
    );
    let engine: Awaited<ReturnType<typeof driveJourneys>>;
    try {
      const team = await createTeam(service.url);
      engine = await phase(`PostgreSQL: ${CLIENTS} clients x ${JOURNEYS_PER_CLIENT} journeys`, () =>
        driveJourneys(service, team),
      );
    } finally {
      await service.stop();
    }
    peakRss.commandsPostgres = service.peakRssMb;
    const commandsPerJourney = engine.latencies.length / (CLIENTS * JOURNEYS_PER_CLIENT);
    const journeysRun = CLIENTS * JOURNEYS_PER_CLIENT + 1 + (quick ? 1 : 3);
    const profile = await writeProfileFromPostgres(url, journeysRun * commandsPerJourney, commandsPerJourney);
    const floor = await phase('PostgreSQL floor, twice', async () =>
      fastest([
        await postgresFloor(url, profile, CLIENTS, JOURNEYS_PER_CLIENT),
        await postgresFloor(url, profile, CLIENTS, JOURNEYS_PER_CLIENT),
      ]),
    );
    return commandPath(engine, floor);
  });
}

async function timeQuery(service: ServiceProcess, token: string, path: string) {
  const first = (await call(service.url, 'GET', path, token)) as { total: number };
  for (let i = 0; i < 10; i++) await call(service.url, 'GET', path, token);
  const latencies: number[] = [];
  for (let i = 0; i < QUERY_SAMPLES; i++) {
    const started = performance.now();
    await call(service.url, 'GET', path, token);
    latencies.push(performance.now() - started);
  }
  const { p50Ms, p99Ms } = summarize(latencies);
  return { matching: first.total, p50Ms, p99Ms };
}

async function scale(dir: string, dbPath: string, team: Team, peakRss: Record<string, number>) {
  // Templates are made through the API on the engine's database, then cloned.
  const redis = await startRedis();
  const env = {
    DB_TYPE: 'sqlite',
    SQLITE_PATH: dbPath,
    DATA_DIR: join(dir, 'data'),
    MAIL_OUTBOX_DIR: join(dir, 'outbox'),
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'bench-scale',
  };
  let templates: Awaited<ReturnType<typeof createTemplateCases>>;
  try {
    const service = await ServiceProcess.start(env, join(dir, 'service-templates.log'));
    try {
      templates = await phase('template cases through the API', () => createTemplateCases(service.url, team, today()));
    } finally {
      await service.stop();
    }
    peakRss.templates = service.peakRssMb;
  } finally {
    await redis.stop();
  }

  const seedStarted = performance.now();
  const seeded = await phase(`seeding ${SCALE_CASES} cases`, () =>
    seedCases(dbPath, templates, SCALE_CASES, new Date()),
  );
  log(`seeded in ${round1((performance.now() - seedStarted) / 1000)} s`);

  // A fresh, empty Redis: the reconciler at start must enqueue every pending row.
  const emptyRedis = await startRedis();
  let service: ServiceProcess | undefined;
  try {
    service = await ServiceProcess.start({ ...env, REDIS_URL: emptyRedis.url }, join(dir, 'service-scale.log'));
    const report = await service.waitForLog(
      (l) => l.msg === 'Reconciled reminder queue' && Number(l.enqueued) >= seeded.reminders,
      120_000,
      'the reconciler to enqueue the seeded reminders',
    );
    const overdue = await timeQuery(service, team.bu, '/cases?overdue=true');
    const dueSoon = await timeQuery(service, team.bu, '/cases?dueWithinDays=5');
    const firstPage = await timeQuery(service, team.bu, '/cases');
    const cookie = await signInToPages(service.url, BUSINESS_UNIT.email, BUSINESS_UNIT.password);
    const [someCase] = ((await call(service.url, 'GET', '/cases?limit=1', team.bu)) as { items: { id: string }[] })
      .items;
    const homePage = await timePage(service.url, cookie, '/', QUERY_SAMPLES);
    const casePage = await timePage(service.url, cookie, `/case/${someCase.id}`, QUERY_SAMPLES);
    return {
      overdueQuery: { cases: SCALE_CASES, ...overdue },
      dueSoonQuery: { cases: SCALE_CASES, ...dueSoon },
      listQuery: { cases: SCALE_CASES, ...firstPage },
      homePage: { cases: SCALE_CASES, ...homePage },
      casePage: { cases: SCALE_CASES, ...casePage },
      reconcile: {
        rows: Number(report.pending),
        enqueued: Number(report.enqueued),
        seconds: round1(Number(report.durationMs) / 1000),
      },
    };
  } finally {
    if (service) {
      await service.stop();
      peakRss.scale = service.peakRssMb;
    }
    await emptyRedis.stop();
  }
}

function report(results: Record<string, unknown> & { sqlite: CommandPath; postgres?: CommandPath }) {
  const cp = (name: string, r: CommandPath) => [
    [`${name}: commands/s (16 clients)`, r.commandsPerSecond, '', ''],
    [
      `${name}: command p50 / p95 / p99 ms`,
      `${r.p50Ms} / ${r.p95Ms} / ${r.p99Ms}`,
      '≤ 25 (p99)',
      r.p99Ms <= 25 ? 'met' : 'missed',
    ],
    [`${name}: command p50 / p99 ms, one client alone`, `${r.oneClient.p50Ms} / ${r.oneClient.p99Ms}`, '', ''],
    [`${name}: service CPU ms per command`, r.cpuMsPerCommand, '', ''],
    [`${name}: floor commands/s (driver, same writes)`, r.floorCommandsPerSecond, '', ''],
    [`${name}: ratio floor / engine`, r.ratio, '≤ 3', r.ratio <= 3 ? 'met' : 'missed'],
  ];
  const r = results as unknown as {
    overdueQuery: { cases: number; matching: number; p50Ms: number; p99Ms: number };
    dueSoonQuery: { cases: number; matching: number; p50Ms: number; p99Ms: number };
    listQuery: { cases: number; matching: number; p50Ms: number; p99Ms: number };
    homePage: { cases: number; p50Ms: number; p99Ms: number };
    casePage: { cases: number; p50Ms: number; p99Ms: number };
    reconcile: { rows: number; seconds: number };
    rssMb: number;
  };
  const q = (name: string, x: typeof r.overdueQuery, target?: number) => [
    `${name} (${x.cases.toLocaleString('en-GB')} cases, ${x.matching.toLocaleString('en-GB')} match) p50 / p99 ms`,
    `${x.p50Ms} / ${x.p99Ms}`,
    target ? `≤ ${target} (p99)` : '',
    target ? (x.p99Ms <= target ? 'met' : 'missed') : '',
  ];
  const page = (name: string, x: typeof r.homePage, target: number) => [
    `${name} (${x.cases.toLocaleString('en-GB')} cases) p50 / p99 ms`,
    `${x.p50Ms} / ${x.p99Ms}`,
    `≤ ${target} (p99)`,
    x.p99Ms <= target ? 'met' : 'missed',
  ];
  const rows = [
    ...cp('SQLite', results.sqlite),
    ...(results.postgres ? cp('PostgreSQL', results.postgres) : []),
    q('GET /cases?overdue=true', r.overdueQuery, 20),
    q('GET /cases?dueWithinDays=5', r.dueSoonQuery, 20),
    q('GET /cases (first page)', r.listQuery),
    page('home page (business unit), rendered', r.homePage, 50),
    page('a case page (business unit), rendered', r.casePage, 50),
    [
      `reconcile ${r.reconcile.rows.toLocaleString('en-GB')} pending reminders into empty Redis, s`,
      r.reconcile.seconds,
      '≤ 15',
      r.reconcile.seconds <= 15 ? 'met' : 'missed',
    ],
    ['peak RSS of the service, MB', r.rssMb, '≤ 300', r.rssMb <= 300 ? 'met' : 'missed'],
  ];
  return table(['measure', 'result', 'target', ''], rows);
}

/** A full run replaces the README's quoted table (between its bench markers), so the front door shows the latest. */
function quoteInReadme(markdown: string): void {
  const path = join(ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = '<!-- bench:start (written by npm run bench) -->';
  const end = '<!-- bench:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return log('README has no bench markers: not quoted');
  const body = markdown.replace(/^# .*\n+/, '');
  writeFileSync(path, `${readme.slice(0, from + start.length)}\n\n${body.trim()}\n\n${readme.slice(to)}`);
  log('quoted in README.md');
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js')))
    throw new Error('run `npm run build` first (npm run bench does)');
  const dir = mkdtempSync(join(tmpdir(), 'pr-bench-'));
  const removeDir = () => (process.env.BENCH_KEEP ? undefined : rmSync(dir, { recursive: true, force: true }));
  // Also when a crash or a signal ends the process before the finally below runs.
  process.on('exit', removeDir);
  const peakRss: Record<string, number> = {};
  const redis = await startRedis();
  try {
    const startedAt = new Date().toISOString();
    const sqlite = await phase('SQLite command path', () => sqliteCommandPath(dir, redis.url, peakRss));
    const postgresUrl = process.env.DATABASE_URL;
    const postgres = postgresUrl
      ? await phase('PostgreSQL command path', () => postgresCommandPath(postgresUrl, dir, redis.url, peakRss))
      : undefined;
    await redis.stop();
    const scaled = await phase('scale', () => scale(dir, sqlite.dbPath, sqlite.team, peakRss));
    const results = {
      machine: machine(),
      startedAt,
      mode: quick ? 'quick' : 'full',
      clients: CLIENTS,
      journeysPerClient: JOURNEYS_PER_CLIENT,
      templates: TEMPLATES.map(({ name, share }) => ({ name, share })),
      sqlite: sqlite.result,
      ...(postgres ? { postgres } : {}),
      ...scaled,
      rssMb: Math.max(...Object.values(peakRss)),
      rssMbByPhase: peakRss,
    };
    const printed = report(results);
    process.stdout.write(`\n${printed.text}\n\n`);
    const out = join(ROOT, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    const m = results.machine;
    writeFileSync(
      join(out, 'latest.md'),
      `# Benchmark, ${startedAt.slice(0, 10)} (${results.mode})\n\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.os}; Node ${m.node}; SQLite ${m.sqlite}; Redis ${m.redis}. ` +
        `The load generator runs on the same machine.\n\n${printed.markdown}\n`,
    );
    log(`written to bench/results/latest.json and latest.md`);
    if (!quick) quoteInReadme(readFileSync(join(out, 'latest.md'), 'utf8'));
  } finally {
    await redis.stop();
    if (process.env.BENCH_KEEP) log(`kept ${dir}`);
    removeDir();
  }
}

runMain(main);

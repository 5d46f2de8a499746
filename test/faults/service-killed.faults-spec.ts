import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInLondon } from '@app/calendar';
import { freePort } from '../support/redis-server';
import { JourneyClient, Ledger, type Member, type Tokens } from './support/kill-load';
import { http, runIntegrityCommand, ServiceProcess } from './support/kill-service';

const KILLS = 3;
const CLIENTS = 8;
const ADMIN = { email: 'admin@partnership.test', password: 'correct horse battery staple' };

async function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('the service answered no command');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await http(baseUrl, 'POST', '/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login as ${email}: ${res.status}`);
  return res.body.accessToken;
}

async function makeTeam(baseUrl: string): Promise<Tokens> {
  const admin = await login(baseUrl, ADMIN.email, ADMIN.password);
  const members: [Member, string[], string?][] = [
    ['bu', ['business-unit']],
    ['subgroup', ['subgroup-member']],
    ['la', ['delegated-partner'], 'local-authority'],
    ['police', ['delegated-partner'], 'police'],
    ['health', ['delegated-partner'], 'health'],
  ];
  const tokens = {} as Tokens;
  await Promise.all(
    members.map(async ([member, roles, agency]) => {
      const email = `${member}@partnership.test`;
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const res = await http(baseUrl, 'POST', '/users', {
        token: admin,
        body: { email, name: member, password, roles, ...(agency ? { agency } : {}) },
      });
      if (res.status !== 201) throw new Error(`creating ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens[member] = await login(baseUrl, email, password);
    }),
  );
  return tokens;
}

describe('The service killed with SIGKILL in the middle of a stream of commands', () => {
  let dir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pr-killed-'));
    service = new ServiceProcess({
      NODE_ENV: 'test',
      PORT: String(await freePort()),
      DB_TYPE: 'sqlite',
      SQLITE_PATH: join(dir, 'data', 'practice-review.sqlite'),
      DATA_DIR: join(dir, 'data'),
      MAIL_OUTBOX_DIR: join(dir, 'outbox'),
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `pr-killed-${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PUBLIC_URL: 'https://practice-review.test',
    });
    await service.start();
  }, 90_000);

  afterAll(async () => {
    await service?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restarts with every case consistent and every acknowledged command kept, and takes commands again', async () => {
    const tokens = await makeTeam(service.url);
    const ledger = new Ledger();
    const today = todayInLondon(new Date());
    const clients = Array.from({ length: CLIENTS }, () => new JourneyClient(service.url, tokens, ledger, today));
    for (const client of clients) await client.next();

    const rounds: string[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      const acknowledgedBefore = ledger.acknowledged.size;
      const unansweredOpensBefore = ledger.unansweredOpens;
      let stop = false;
      const load = clients.map((client) => client.run(() => stop));
      // The delay counts from the first answer, so a slow (loaded) machine still kills a stream that is flowing.
      await until(() => ledger.acknowledged.size > acknowledgedBefore, 30_000);
      const loadMs = 200 + Math.floor(Math.random() * 600);
      await new Promise((r) => setTimeout(r, loadMs));
      await service.kill();
      stop = true;
      await Promise.all(load);
      const acknowledged = ledger.acknowledged.size - acknowledgedBefore;
      const unanswered = ledger.unanswered.size + ledger.unansweredOpens - unansweredOpensBefore;
      expect(acknowledged).toBeGreaterThan(0);
      expect(unanswered).toBeGreaterThan(0);

      // The check reads the database as the kill left it while the service starts on it again.
      const [check] = await Promise.all([runIntegrityCommand(service.env), service.start()]);
      expect({
        exitCode: check.code,
        violations: check.report?.violations,
        stderr: check.report ? '' : check.stderr,
      }).toEqual({
        exitCode: 0,
        violations: [],
        stderr: '',
      });
      expect(check.report!.casesChecked).toBeGreaterThanOrEqual(
        [...ledger.acknowledged.values()].filter((a) => a.type === 'case.opened').length,
      );

      expect(await ledger.lostAcknowledgements(service.url, tokens.bu)).toEqual([]);

      // Every client resumes, first resending (same Idempotency-Key) whatever the kill left unanswered.
      await ledger.noteVersionsAtRestart(service.url, tokens.bu);
      const beforeResume = ledger.acknowledged.size;
      const replayedBefore = ledger.committedBeforeKill;
      await Promise.all(clients.map((client) => client.next()));
      expect(ledger.unanswered.size).toBe(0);
      const appliedAfterRestart =
        ledger.acknowledged.size - beforeResume - (ledger.committedBeforeKill - replayedBefore);
      expect(appliedAfterRestart).toBeGreaterThan(0);
      rounds.push(
        `kill ${kill} after ${loadMs} ms: ${acknowledged} acknowledged, ${unanswered} unanswered, ${check.report!.casesChecked} cases checked`,
      );
    }

    expect(await ledger.lostAcknowledgements(service.url, tokens.bu)).toEqual([]);
    console.log(
      [
        ...rounds,
        `${ledger.acknowledged.size} commands acknowledged in all, none lost; of those the kills left unanswered, ${ledger.committedBeforeKill} had been committed ` +
          `(retry answered from the idempotency record) and ${ledger.appliedOnRetry} had not (applied by the retry); ` +
          `${ledger.unansweredOpens} unanswered case openings`,
      ].join('\n'),
    );
  }, 150_000);
});

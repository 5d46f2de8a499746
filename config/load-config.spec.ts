import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig, TRUSTED_PROXIES_MESSAGE } from './load-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'pr-config-'));
const strongSecret = 'q8Zr2LmX0pVb7NcT4yHs1KdW9eFj6GaU3oRi5Qx';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('serves a laptop with no settings: SQLite file, local Redis, outbox mail, port 3000', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({
      type: 'sqlite',
      sqlitePath: expect.stringMatching(/data\/practice-review\.sqlite$/),
    });
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.queue.prefix).toBe('practice-review');
    expect(config.mail.transport).toBe('outbox');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('refuses an in-memory SQLite database, which the read connection could not share', () => {
    expect(problemsOf({ DATA_DIR: dataDir(), SQLITE_PATH: ':memory:' })).toEqual([
      'SQLITE_PATH cannot be :memory: (reads have their own connection, which would open another, empty database): give a file path',
    ]);
  });

  it('names PORT when it is not a port', () => {
    expect(problemsOf({ PORT: 'not-a-port' })).toEqual(['PORT must be a whole number from 0 to 65535']);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be a whole number from 0 to 65535']);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'x', DB_TYPE: 'mysql', REDIS_URL: 'localhost', MAIL_TRANSPORT: 'pigeon' });
    expect(problems).toEqual([
      'PORT must be a whole number from 0 to 65535',
      'DB_TYPE must be sqlite or postgres',
      'REDIS_URL must be a redis:// or rediss:// URL',
      'MAIL_TRANSPORT must be outbox or smtp',
    ]);
  });

  it('requires DATABASE_URL for PostgreSQL and SMTP_URL for smtp mail', () => {
    expect(problemsOf({ DB_TYPE: 'postgres', DATA_DIR: dataDir() })).toEqual([
      'DATABASE_URL is required when DB_TYPE=postgres (a postgres:// connection URL)',
    ]);
    expect(problemsOf({ MAIL_TRANSPORT: 'smtp', DATA_DIR: dataDir() })).toEqual([
      'SMTP_URL is required when MAIL_TRANSPORT=smtp (an smtp:// or smtps:// URL)',
    ]);
  });

  it('demands a JWT_SECRET in production and refuses weak ones', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET is required in production (a random string of at least 32 characters)',
    ]);
    for (const weak of ['secret', 'changeme-changeme-changeme-changeme', 'a'.repeat(64)]) {
      expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: weak })).toEqual([
        'JWT_SECRET is too weak: use a random string of at least 32 characters',
      ]);
    }
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strongSecret }).jwt.secret).toBe(strongSecret);
  });

  it('generates a development JWT secret once and keeps it in the data folder, readable only by its owner', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwt.secret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwt.secret).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('takes PostgreSQL from DB_TYPE and DATABASE_URL', () => {
    const config = loadConfig({ DB_TYPE: 'postgres', DATABASE_URL: 'postgres://u@db:5432/pr', DATA_DIR: dataDir() });
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://u@db:5432/pr' });
  });

  it('needs ADMIN_EMAIL and ADMIN_PASSWORD together, and a password of 12 characters or more', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.org', DATA_DIR: dataDir() })).toEqual([
      'ADMIN_EMAIL and ADMIN_PASSWORD must be given together',
    ]);
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'short', DATA_DIR: dataDir() })).toEqual([
      'ADMIN_PASSWORD must be at least 12 characters',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATA_DIR: dataDir() }).port).toBe(3000);
  });

  it('trusts no proxy unless TRUSTED_PROXIES names them, and keeps Idempotency-Keys 24 hours by default', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.trustedProxies).toEqual([]);
    expect(config.idempotencyKeyTtlMs).toBe(24 * 3_600_000);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: 'none' }).trustedProxies).toEqual([]);
    const listed = loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,fd00::1' });
    expect(listed.trustedProxies).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    expect(loadConfig({ DATA_DIR: dataDir(), IDEMPOTENCY_KEY_TTL_HOURS: '2' }).idempotencyKeyTtlMs).toBe(2 * 3_600_000);
  });

  it('names TRUSTED_PROXIES when an entry is not an address, a subnet or a named range', () => {
    for (const bad of ['*', 'true', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1,,', 'abc']) {
      expect({ bad, problems: problemsOf({ TRUSTED_PROXIES: bad }) }).toEqual({
        bad,
        problems: [TRUSTED_PROXIES_MESSAGE],
      });
    }
  });
});

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig, NodeEnv } from './app-config';
import { ConfigError } from './config-error';
import { EnvironmentVariables } from './env.schema';

export const DEFAULTS = {
  PORT: 3000,
  DB_TYPE: 'sqlite',
  SQLITE_PATH: './data/practice-review.sqlite',
  REDIS_URL: 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: 'practice-review',
  MAIL_TRANSPORT: 'outbox',
  MAIL_OUTBOX_DIR: './data/outbox',
  MAIL_FROM: 'practice-review <no-reply@practice-review.local>',
  DATA_DIR: './data',
} as const;

const WEAK_SECRETS = ['secret', 'changeme', 'change-me', 'password', 'jwt-secret', 'development', 'test'];
const MIN_SECRET_LENGTH = 32;

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).slice(0, 1));
}

function isWeakSecret(secret: string): boolean {
  const lower = secret.toLowerCase();
  return (
    secret.length < MIN_SECRET_LENGTH || new Set(secret).size < 10 || WEAK_SECRETS.some((weak) => lower.includes(weak))
  );
}

/**
 * Development keeps one generated secret in the data folder, so tokens survive restarts without anyone having to
 * invent a secret; production must be given one.
 */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

const NAMED_PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
export const TRUSTED_PROXIES_MESSAGE =
  'TRUSTED_PROXIES must be none, or a comma-separated list of IP addresses, subnets (10.0.0.0/8) or the names ' +
  'loopback, linklocal, uniquelocal';

/** `none` (the default) or Express's `trust proxy` list: addresses, CIDR subnets and its named ranges. */
function parseTrustedProxies(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim().toLowerCase() === 'none') return [];
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (NAMED_PROXY_RANGES.includes(entry)) return true;
    const [address, prefix, extra] = entry.split('/');
    const version = isIP(address);
    if (!version || extra !== undefined) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
  });
  return valid ? entries : undefined;
}

/**
 * Reads and validates the environment once. Throws {@link ConfigError} naming every bad variable, so start-up stops
 * with one clear message instead of failing later in some module.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(new EnvironmentVariables()).concat(Object.keys(env))) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const vars = plainToInstance(EnvironmentVariables, raw);
  const problems = flatten(validateSync(vars, { whitelist: false }));

  const nodeEnv = (vars.NODE_ENV ?? 'development') as NodeEnv;
  const dbType = vars.DB_TYPE ?? DEFAULTS.DB_TYPE;
  if (dbType === 'postgres' && !vars.DATABASE_URL) {
    problems.push('DATABASE_URL is required when DB_TYPE=postgres (a postgres:// connection URL)');
  }
  if (dbType === 'sqlite' && vars.SQLITE_PATH === ':memory:') {
    problems.push(
      'SQLITE_PATH cannot be :memory: (reads have their own connection, which would open another, empty database): give a file path',
    );
  }
  const transport = (vars.MAIL_TRANSPORT ?? DEFAULTS.MAIL_TRANSPORT) as 'outbox' | 'smtp';
  if (transport === 'smtp' && !vars.SMTP_URL) {
    problems.push('SMTP_URL is required when MAIL_TRANSPORT=smtp (an smtp:// or smtps:// URL)');
  }
  if (nodeEnv === 'production') {
    if (!vars.JWT_SECRET) {
      problems.push(
        `JWT_SECRET is required in production (a random string of at least ${MIN_SECRET_LENGTH} characters)`,
      );
    } else if (isWeakSecret(vars.JWT_SECRET)) {
      problems.push(`JWT_SECRET is too weak: use a random string of at least ${MIN_SECRET_LENGTH} characters`);
    }
  }
  if ((vars.ADMIN_EMAIL && !vars.ADMIN_PASSWORD) || (!vars.ADMIN_EMAIL && vars.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be given together');
  }
  const trustedProxies = parseTrustedProxies(vars.TRUSTED_PROXIES);
  if (!trustedProxies) problems.push(TRUSTED_PROXIES_MESSAGE);
  if (problems.length > 0) throw new ConfigError(problems);

  const port = vars.PORT ?? DEFAULTS.PORT;
  const dataDir = resolve(vars.DATA_DIR ?? DEFAULTS.DATA_DIR);
  const sqlitePath = vars.SQLITE_PATH ?? DEFAULTS.SQLITE_PATH;

  return new AppConfig({
    nodeEnv,
    port,
    dataDir,
    publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    trustedProxies: trustedProxies!,
    idempotencyKeyTtlMs: (vars.IDEMPOTENCY_KEY_TTL_HOURS ?? 24) * 3_600_000,
    logLevel: vars.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    database:
      dbType === 'postgres'
        ? { type: 'postgres', url: vars.DATABASE_URL! }
        : { type: 'sqlite', sqlitePath: resolve(sqlitePath) },
    redis: { url: vars.REDIS_URL ?? DEFAULTS.REDIS_URL },
    queue: {
      prefix: vars.QUEUE_PREFIX ?? DEFAULTS.QUEUE_PREFIX,
      workers: (vars.QUEUE_WORKERS ?? 'embedded') as 'embedded' | 'off',
    },
    reminders: {
      attempts: vars.REMINDER_ATTEMPTS ?? 5,
      backoffMs: vars.REMINDER_BACKOFF_MS ?? 60_000,
      leaseMs: vars.REMINDER_LEASE_MS ?? 120_000,
      reconcileIntervalMs: vars.RECONCILE_INTERVAL_MS ?? 300_000,
    },
    mail: {
      transport,
      outboxDir: resolve(vars.MAIL_OUTBOX_DIR ?? DEFAULTS.MAIL_OUTBOX_DIR),
      smtpUrl: vars.SMTP_URL,
      from: vars.MAIL_FROM ?? DEFAULTS.MAIL_FROM,
    },
    jwt: {
      secret: vars.JWT_SECRET ?? (nodeEnv === 'production' ? '' : developmentSecret(dataDir)),
      expiresIn: '8h',
    },
    session: {
      idleMs: (vars.SESSION_IDLE_MINUTES ?? 30) * 60_000,
      absoluteMs: (vars.SESSION_ABSOLUTE_HOURS ?? 12) * 3_600_000,
    },
    bootstrapAdmin:
      vars.ADMIN_EMAIL && vars.ADMIN_PASSWORD
        ? { email: vars.ADMIN_EMAIL.toLowerCase(), password: vars.ADMIN_PASSWORD }
        : undefined,
  });
}

export function sqliteDirectory(config: AppConfig): string | undefined {
  return config.database.type === 'sqlite' ? dirname(config.database.sqlitePath) : undefined;
}

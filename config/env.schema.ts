import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Every environment variable the service reads, with what it expects. Validated once at start-up; a bad value stops
 * start-up with one message naming each bad variable. Defaults live in `load-config.ts`, not here.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'test', 'production'], { message: 'NODE_ENV must be one of development, test, production' })
  NODE_ENV?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value))
  @IsInt({ message: 'PORT must be a whole number from 0 to 65535' })
  @Min(0, { message: 'PORT must be a whole number from 0 to 65535' })
  @Max(65535, { message: 'PORT must be a whole number from 0 to 65535' })
  PORT?: number;

  @IsOptional()
  @IsIn(['sqlite', 'postgres'], { message: 'DB_TYPE must be sqlite or postgres' })
  DB_TYPE?: string;

  @IsOptional()
  @trim()
  @IsString()
  @MinLength(1, { message: 'SQLITE_PATH must be a file path' })
  SQLITE_PATH?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1 to 40 letters, digits, - or _' })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @IsIn(['outbox', 'smtp'], { message: 'MAIL_TRANSPORT must be outbox or smtp' })
  MAIL_TRANSPORT?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'MAIL_OUTBOX_DIR must be a folder path' })
  MAIL_OUTBOX_DIR?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @Matches(/^(.+<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, {
    message: 'MAIL_FROM must be an email address, optionally with a display name ("Name <a@b.org>")',
  })
  MAIL_FROM?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    {
      message: 'PUBLIC_URL must be an http(s):// URL, the address users open the service at',
    },
  )
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'DATA_DIR must be a folder path' })
  DATA_DIR?: string;

  @IsOptional()
  @IsIn(['embedded', 'off'], { message: 'QUEUE_WORKERS must be embedded (this process sends reminders) or off' })
  QUEUE_WORKERS?: string;

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'REMINDER_ATTEMPTS must be a whole number from 1 to 20' })
  @Min(1, { message: 'REMINDER_ATTEMPTS must be a whole number from 1 to 20' })
  @Max(20, { message: 'REMINDER_ATTEMPTS must be a whole number from 1 to 20' })
  REMINDER_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'REMINDER_BACKOFF_MS must be a whole number of milliseconds from 10 to 3600000' })
  @Min(10, { message: 'REMINDER_BACKOFF_MS must be a whole number of milliseconds from 10 to 3600000' })
  @Max(3_600_000, { message: 'REMINDER_BACKOFF_MS must be a whole number of milliseconds from 10 to 3600000' })
  REMINDER_BACKOFF_MS?: number;

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'REMINDER_LEASE_MS must be a whole number of milliseconds from 100 to 3600000' })
  @Min(100, { message: 'REMINDER_LEASE_MS must be a whole number of milliseconds from 100 to 3600000' })
  @Max(3_600_000, { message: 'REMINDER_LEASE_MS must be a whole number of milliseconds from 100 to 3600000' })
  REMINDER_LEASE_MS?: number;

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'RECONCILE_INTERVAL_MS must be a whole number of milliseconds from 100 to 86400000' })
  @Min(100, { message: 'RECONCILE_INTERVAL_MS must be a whole number of milliseconds from 100 to 86400000' })
  @Max(86_400_000, { message: 'RECONCILE_INTERVAL_MS must be a whole number of milliseconds from 100 to 86400000' })
  RECONCILE_INTERVAL_MS?: number;

  @IsOptional()
  @IsString()
  TRUSTED_PROXIES?: string;

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'IDEMPOTENCY_KEY_TTL_HOURS must be a whole number of hours from 1 to 720' })
  @Min(1, { message: 'IDEMPOTENCY_KEY_TTL_HOURS must be a whole number of hours from 1 to 720' })
  @Max(720, { message: 'IDEMPOTENCY_KEY_TTL_HOURS must be a whole number of hours from 1 to 720' })
  IDEMPOTENCY_KEY_TTL_HOURS?: number;

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 1440' })
  SESSION_IDLE_MINUTES?: number;

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'SESSION_ABSOLUTE_HOURS must be a whole number of hours from 1 to 168' })
  @Min(1, { message: 'SESSION_ABSOLUTE_HOURS must be a whole number of hours from 1 to 168' })
  @Max(168, { message: 'SESSION_ABSOLUTE_HOURS must be a whole number of hours from 1 to 168' })
  SESSION_ABSOLUTE_HOURS?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL?: string;
}

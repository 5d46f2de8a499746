export type NodeEnv = 'development' | 'test' | 'production';

/** The validated, typed configuration every part of the service reads. Built once by `loadConfig`. */
export class AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  dataDir: string;
  publicUrl: string;
  /** Proxies whose X-Forwarded-For / -Proto are believed (Express `trust proxy`); empty: none, the client is the peer. */
  trustedProxies: string[];
  /** How long an Idempotency-Key's first answer is kept for retries. */
  idempotencyKeyTtlMs: number;
  logLevel: string;
  database: { type: 'sqlite'; sqlitePath: string } | { type: 'postgres'; url: string };
  redis: { url: string };
  queue: { prefix: string; workers: 'embedded' | 'off' };
  reminders: { attempts: number; backoffMs: number; leaseMs: number; reconcileIntervalMs: number };
  mail: { transport: 'outbox' | 'smtp'; outboxDir: string; smtpUrl?: string; from: string };
  jwt: { secret: string; expiresIn: string };
  /** Browser sessions: ended after `idleMs` without a request, and `absoluteMs` after sign-in whatever happens. */
  session: { idleMs: number; absoluteMs: number };
  bootstrapAdmin?: { email: string; password: string };

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

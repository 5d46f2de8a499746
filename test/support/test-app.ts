import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Abstract, INestApplication, Type } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@app/config';
import { createApp } from '../../apps/api/src/create-app';

export const ADMIN_EMAIL = 'admin@partnership.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export type DbKind = 'sqlite' | 'postgres';

export function dbKind(): DbKind {
  return process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'sqlite';
}

/** A fresh PostgreSQL database per test app, created from TEST_DATABASE_URL and dropped at the end. */
async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is needed for the PostgreSQL e2e run');
  const name = `pr_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: adminUrl });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.destroy();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = new DataSource({ type: 'postgres', url: adminUrl });
      await again.initialize();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.destroy();
    },
  };
}

export interface TestAppOptions {
  env?: Record<string, string>;
}

/**
 * The real application, on a real database (a temporary SQLite file, or a scratch PostgreSQL database) and the test
 * run's own Redis, listening on a free port. `restart()` stops it and starts a new process-equivalent on the same
 * database and data folder.
 */
export class TestApp {
  app!: INestApplication;
  private stopping?: Promise<void>;
  config!: AppConfig;
  private constructor(
    readonly dir: string,
    readonly env: Record<string, string>,
    private readonly dropDatabase?: () => Promise<void>,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const dir = mkdtempSync(join(tmpdir(), 'pr-e2e-'));
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATA_DIR: join(dir, 'data'),
      MAIL_OUTBOX_DIR: join(dir, 'outbox'),
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `pr-test-${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      PUBLIC_URL: 'https://practice-review.test',
    };
    let drop: (() => Promise<void>) | undefined;
    if (dbKind() === 'postgres') {
      const db = await createPostgresDatabase();
      env.DB_TYPE = 'postgres';
      env.DATABASE_URL = db.url;
      drop = db.drop;
    } else {
      env.DB_TYPE = 'sqlite';
      env.SQLITE_PATH = join(dir, 'data', 'practice-review.sqlite');
    }
    const testApp = new TestApp(dir, { ...env, ...options.env }, drop);
    await testApp.boot();
    return testApp;
  }

  private async boot(): Promise<void> {
    this.config = loadConfig(this.env);
    this.app = await createApp(this.config);
    await this.app.init();
  }

  /** Listens on a free port of 127.0.0.1 (for a browser) and gives the address to open. */
  async listen(): Promise<string> {
    await this.app.listen(0, '127.0.0.1');
    const address = this.app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  /** A provider by its class (one with a private constructor too, such as ReadSide). */
  get<T>(token: Abstract<T> | Type<T>): T {
    return this.app.get(token);
  }

  async restart(envChanges: Record<string, string> = {}): Promise<void> {
    Object.assign(this.env, envChanges);
    await this.app.close();
    await this.boot();
  }

  /** Stops the service, once (its files stay for the test to look at); `close` also removes them. */
  async stopApp(): Promise<void> {
    this.stopping ??= this.app?.close();
    await this.stopping;
  }

  async close(): Promise<void> {
    await this.stopApp();
    await this.dropDatabase?.();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async login(email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<string> {
    const res = await this.http.post('/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  /** Creates a user through the API as the given admin and returns a token for them. */
  async userWithToken(
    adminToken: string,
    user: { email: string; roles: string[]; agency?: string; name?: string },
  ): Promise<{ id: string; token: string }> {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const res = await this.http
      .post('/users')
      .auth(adminToken, { type: 'bearer' })
      .send({ name: user.name ?? user.email.split('@')[0], password, ...user });
    if (res.status !== 201) throw new Error(`creating ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, token: await this.login(user.email, password) };
  }
}

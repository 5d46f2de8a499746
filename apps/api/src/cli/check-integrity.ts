/**
 * Operator command: checks that every case's snapshot, audit history, deadlines and reminders agree.
 *   npm run check:integrity [-- --json]
 * Reads the same environment as the service (DB_TYPE, SQLITE_PATH, DATABASE_URL, ...) and may run beside it. Needs
 * neither Redis nor the HTTP port, and writes nothing: no migration, no first-start admin.
 * Exit code: 0 every case is consistent, 1 violations were found, 2 the check could not run.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AccountLoginLimit,
  PartnershipCalendars,
  PartnershipsService,
  PasswordHasher,
  UsersService,
  WebSessionStore,
} from '@app/auth';
import { CaseDeadlines, INVARIANTS, IntegrityChecker, type IntegrityReport } from '@app/cases';
import { CommonModule } from '@app/common';
import { AppConfig, AppConfigModule, ConfigError, buildDataSourceOptions, loadConfig } from '@app/config';
import { MIGRATIONS, READ_SIDE, TransactionRunner } from '@app/database';
import { CaseMachineRegistry } from '@app/workflows';
import { ENTITIES } from '@app/schema';

class CannotCheck extends Error {}

function options(): { json: boolean; batchSize?: number } {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, 'batch-size': { type: 'string' } },
  });
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0 && batchSize <= 5000)) {
    throw new CannotCheck('--batch-size must be a whole number from 1 to 5000');
  }
  return { json: values.json ?? false, batchSize };
}

/** The service migrates at start; the checker only reads, so it refuses a schema other than this code's. */
async function assertSchemaIsCurrent(dataSource: DataSource): Promise<void> {
  let applied: Set<string>;
  try {
    const rows: { name: string }[] = await dataSource.query('SELECT "name" FROM "schema_migrations"');
    applied = new Set(rows.map((r) => r.name));
  } catch {
    throw new CannotCheck('This database has no practice-review schema: start the service on it first');
  }
  const pending = dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
  if (pending.length) {
    throw new CannotCheck(
      `The database schema is older than this version (pending: ${pending.join(', ')}): start the service once to migrate it`,
    );
  }
}

function printText(report: IntegrityReport): void {
  const lines = [
    `Checked ${report.casesChecked} case${report.casesChecked === 1 ? '' : 's'}: ${report.violations.length === 0 ? 'no violations' : `${report.violations.length} violation${report.violations.length === 1 ? '' : 's'}`}`,
  ];
  for (const invariant of Object.keys(INVARIANTS) as (keyof typeof INVARIANTS)[]) {
    if (report.byInvariant[invariant]) lines.push(`  ${invariant}: ${report.byInvariant[invariant]}`);
  }
  for (const v of report.violations) {
    lines.push(`${v.reference ?? '(no case)'} ${v.caseId} ${v.invariant}: ${v.detail}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  const { json, batchSize } = options();
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  if (config.database.type === 'sqlite' && !existsSync(config.database.sqlitePath)) {
    // Opening it would create an empty database and report it clean.
    throw new CannotCheck(`No database at ${config.database.sqlitePath} (SQLITE_PATH)`);
  }

  @Module({
    imports: [
      AppConfigModule.forRoot(config),
      CommonModule,
      TypeOrmModule.forRootAsync({
        inject: [AppConfig],
        useFactory: (c: AppConfig) => ({
          ...buildDataSourceOptions(c, { entities: ENTITIES, migrations: MIGRATIONS }),
          migrationsRun: false,
          retryAttempts: 1,
        }),
      }),
    ],
    // The providers the checker needs, not CasesModule: its AuthModule would create a first admin on an empty database.
    providers: [
      TransactionRunner,
      READ_SIDE,
      PasswordHasher,
      // UsersService ends sessions and counts logins when users change; the checker changes none.
      WebSessionStore,
      AccountLoginLimit,
      UsersService,
      PartnershipsService,
      PartnershipCalendars,
      CaseDeadlines,
      { provide: CaseMachineRegistry, useFactory: () => new CaseMachineRegistry() },
      IntegrityChecker,
    ],
  })
  class CheckIntegrityModule {}

  const app = await NestFactory.createApplicationContext(CheckIntegrityModule, { logger: false, abortOnError: false });
  try {
    await assertSchemaIsCurrent(app.get(DataSource));
    const report = await app.get(IntegrityChecker).check({ batchSize });
    if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else printText(report);
    return report.violations.length === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const message =
      error instanceof ConfigError || error instanceof CannotCheck
        ? error.message
        : error instanceof Error
          ? error.stack
          : String(error);
    process.stderr.write(`check:integrity could not run: ${message}\n`);
    process.exitCode = 2;
  },
);

/**
 * Operator command, after an upgrade whose notes say so (a corrected calendar or rule): brings every case's stored
 * deadlines and reminders in line with what the running code computes. Cases whose due dates move get a
 * `deadlines.recomputed` audit event; their reminders are re-planned and queued (or queued by the reconciler when the
 * service next finds Redis).
 *   npm run deadlines:recompute -- --reason calendar-corrected
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CasesService } from '@app/cases';
import { ConfigError, loadConfig } from '@app/config';
import { AppModule } from '../app.module';

/** A refusal to run, with a message for the operator (no stack). */
class CannotRun extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { reason: { type: 'string', default: 'rules-or-calendar-corrected' } } });
  const reason = values.reason!.trim();
  if (!/^[a-z0-9-]{1,60}$/.test(reason))
    throw new CannotRun('--reason is a short kebab-case word, e.g. calendar-corrected');
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, QUEUE_WORKERS: 'off' });
  if (config.database.type === 'sqlite' && !existsSync(config.database.sqlitePath)) {
    throw new CannotRun(`No database at ${config.database.sqlitePath} (SQLITE_PATH)`);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const moved = await app.get(CasesService).recomputeAllDeadlines(reason);
    process.stdout.write(`Recomputed every case's deadlines: ${moved} case(s) had due dates that moved.\n`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  process.stderr.write(
    `deadlines:recompute could not run: ${error instanceof ConfigError || error instanceof CannotRun ? error.message : error}\n`,
  );
  process.exitCode = 1;
});

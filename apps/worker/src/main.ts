import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@app/config';
import { WorkerModule } from './worker.module';

/** Starts a worker: sends reminders from the shared Redis queue and keeps the queue in step with the database. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app
    .get(Logger)
    .log({ msg: `practice-review worker running (${config.database.type}, queue ${config.queue.prefix})` });
}

main().catch((error) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`practice-review worker failed to start: ${message}\n`);
  process.exit(1);
});

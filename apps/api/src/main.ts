import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`practice-review cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port);
  app.get(await import('nestjs-pino').then((m) => m.Logger)).log({
    msg: `practice-review listening on port ${config.port} (${config.database.type}); docs at ${config.publicUrl}/docs`,
  });
}

main().catch((error) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`practice-review failed to start: ${message}\n`);
  process.exit(1);
});

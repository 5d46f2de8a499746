/**
 * Operator command: creates another partnership (tenant) and its first admin. Never exposed over HTTP.
 *   npm run partnership:create -- --name "..." --admin-email a@b.gov.uk --admin-password '...' [--admin-name "..."]
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import {
  AccountLoginLimit,
  CreateUserDto,
  PartnershipsService,
  PasswordHasher,
  UsersService,
  WebSessionStore,
} from '@app/auth';
import { CommonModule, ConflictError } from '@app/common';
import { AppConfigModule, ConfigError, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ENTITIES } from '@app/schema';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
      'admin-name': { type: 'string' },
    },
  });
  const name = values.name?.trim();
  if (!name) fail('--name is required (the partnership name)');
  const admin = plainToInstance(CreateUserDto, {
    email: values['admin-email'],
    password: values['admin-password'],
    name: values['admin-name'] ?? 'Administrator',
    roles: ['admin'],
  });
  const problems = validateSync(admin).flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `--admin-${m}`));
  if (problems.length) fail(problems.join('\n'));

  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });

  @Module({
    imports: [AppConfigModule.forRoot(config), CommonModule, DatabaseModule.forRoot(ENTITIES)],
    providers: [PasswordHasher, WebSessionStore, AccountLoginLimit, UsersService, PartnershipsService],
  })
  class CreatePartnershipModule {}

  const app = await NestFactory.createApplicationContext(CreatePartnershipModule, { logger: ['error'] });
  try {
    const created = await app.get(PartnershipsService).createWithAdmin(name, admin);
    process.stdout.write(
      `Created partnership "${name}" (${created.partnership.id}) with admin ${created.admin.email}\n`,
    );
  } catch (error) {
    if (error instanceof ConflictError) fail(error.message);
    throw error;
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error}\n`);
  process.exit(1);
});

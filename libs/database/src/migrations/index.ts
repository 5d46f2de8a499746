import type { MigrationInterface } from 'typeorm';
import * as postgres from './postgres';
import * as sqlite from './sqlite';

type MigrationClass = new () => MigrationInterface;

/** Each database kind has its own generated migrations (their SQL differs); both describe the same schema. */
export const MIGRATIONS = {
  sqlite: Object.values(sqlite) as MigrationClass[],
  postgres: Object.values(postgres) as MigrationClass[],
};

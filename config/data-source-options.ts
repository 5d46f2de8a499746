import sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from './app-config';

type EntityList = NonNullable<DataSourceOptions['entities']>;
type MigrationList = NonNullable<DataSourceOptions['migrations']>;

export interface DataSourceParts {
  entities: EntityList;
  /** Migrations for each database kind: their SQL differs, so each kind has its own generated set. */
  migrations: { sqlite: MigrationList; postgres: MigrationList };
}

/**
 * The one switch between the embedded SQLite file and PostgreSQL. Used by the app and by the migration tooling, so
 * both always agree. The schema is only ever changed by migrations, run at start; `synchronize` is never on.
 */
export function buildDataSourceOptions(config: AppConfig, parts: DataSourceParts): DataSourceOptions {
  const common = {
    entities: parts.entities,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    logging: false,
  } as const;
  if (config.database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.database.url,
      migrations: parts.migrations.postgres,
      extra: { max: 20 },
    };
  }
  return {
    ...common,
    type: 'sqlite',
    database: config.database.sqlitePath,
    migrations: parts.migrations.sqlite,
    driver: quietSqlite3,
    // WAL: readers on their own connection (the read side) run beside the one writer and see only what it committed.
    enableWAL: true,
    busyTimeout: 5000,
  };
}

/**
 * The read side's connection to an SQLite file: the same file opened read-only, so it sees only committed data (WAL)
 * and cannot write. PostgreSQL needs none: each pooled query outside a transaction already sees only committed data.
 */
export function buildSqliteReadOptions(writer: DataSourceOptions): DataSourceOptions {
  if (writer.type !== 'sqlite') throw new Error('Only SQLite has a separate read connection');
  if (writer.database === ':memory:') {
    throw new Error(
      'An in-memory SQLite database cannot have a read connection: a second connection opens another, empty database',
    );
  }
  return {
    ...writer,
    flags: sqlite3.OPEN_READONLY,
    enableWAL: false, // the writer has set it; journal_mode is kept in the file
    migrations: [],
    migrationsRun: false,
  };
}

/**
 * TypeORM calls `sqlite3.verbose()`, which wraps every statement call to capture a stack trace: about a sixth of the
 * service's CPU per command in the benchmark. This is the same driver with `verbose()` a no-op.
 */
const quietSqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 });

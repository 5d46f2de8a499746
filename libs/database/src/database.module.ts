import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, buildDataSourceOptions } from '@app/config';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { READ_SIDE, ReadSide } from './read-side';
import { TransactionRunner } from './transaction-runner';

/**
 * The database connections of a process: the writer (through {@link TransactionRunner}) and the read side
 * ({@link ReadSide}). Migrations run at start, so a deployment only has to start the service.
 * `entities` is the union of every feature lib's entities, passed in by the app that composes them.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: NonNullable<DataSourceOptions['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config, { entities, migrations: MIGRATIONS }),
            migrationsRun: true,
          }),
        }),
      ],
      providers: [TransactionRunner, READ_SIDE],
      exports: [TransactionRunner, ReadSide],
    };
  }
}

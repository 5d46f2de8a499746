import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, buildDataSourceOptions } from '@app/config';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { TransactionRunner } from './transaction-runner';

/**
 * The database connection for a process. Migrations run at start, so a deployment only has to start the service.
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
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction.
 *
 * TypeORM's SQLite driver shares a single connection, so two transactions started concurrently would interleave on
 * it (the second becomes a savepoint inside the first). Writers are therefore queued through a mutex on SQLite; on
 * PostgreSQL each transaction gets its own pooled connection and row locks do the ordering.
 */
@Injectable()
export class TransactionRunner {
  private readonly sqliteWriteLock = new Mutex();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'sqlite';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.isSqlite) {
      return this.sqliteWriteLock.runExclusive(() => this.dataSource.transaction(work));
    }
    return this.dataSource.transaction(work);
  }
}

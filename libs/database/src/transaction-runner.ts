import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

type Work<T> = (manager: EntityManager) => Promise<T>;

interface QueuedWork {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The unit of work the current code runs in, while it is open. */
interface OpenUnit {
  manager: EntityManager;
  open: boolean;
  /** The nested runs of this unit, one after another: TypeORM names savepoints by depth, so two at once collide. */
  nested: Promise<unknown>;
}

/** Enough to empty the queue of a busy service in one commit, small enough that no one waits long behind a batch. */
const MAX_BATCH = 32;

/**
 * Runs a unit of work in one database transaction.
 *
 * On PostgreSQL each unit is its own transaction on a pooled connection, and row locks do the ordering.
 *
 * TypeORM's SQLite driver shares one connection, so writers must take turns. Rather than one transaction (and one
 * fsync) each, the units waiting their turn are committed together (group commit): one transaction, each unit inside
 * its own savepoint. A unit that fails is rolled back to its savepoint and alone gets the error; the others commit.
 * No unit is answered before the commit that holds it, so an acknowledged write is on disk.
 *
 * A `run` inside a unit of work joins that unit (same EntityManager, same transaction, on both databases): its work
 * runs in a savepoint, so its failure undoes only its own writes, and everything it wrote commits or rolls back with
 * the outer unit. It neither queues behind the unit that waits for it nor takes a second connection. Nested runs started
 * together (`Promise.all`) take turns, each in its own savepoint.
 */
@Injectable()
export class TransactionRunner {
  private readonly queue: QueuedWork[] = [];
  private writing = false;
  private readonly current = new AsyncLocalStorage<OpenUnit>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'sqlite';
  }

  run<T>(work: Work<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer?.open) {
      const joined = outer.nested.then(() => outer.manager.transaction((manager) => this.asUnit(manager, work)));
      outer.nested = joined.catch(() => undefined);
      return joined;
    }
    if (!this.isSqlite) return this.dataSource.transaction((manager) => this.asUnit(manager, work));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) await this.commitBatch(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.writing = false;
    }
  }

  private async commitBatch(batch: QueuedWork[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const unit of batch) {
          try {
            // A nested transaction on the same runner is a savepoint (TypeORM's transaction depth).
            outcomes.push({
              ok: true,
              value: await manager.transaction((unitManager) => this.asUnit(unitManager, unit.work)),
            });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (commitError) {
      for (const unit of batch) unit.reject(commitError);
      return;
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }

  /** Runs work as the open unit of its async context; a promise it leaves running cannot join it once it has ended. */
  private async asUnit<T>(manager: EntityManager, work: Work<T>): Promise<T> {
    const unit: OpenUnit = { manager, open: true, nested: Promise.resolve() };
    try {
      return await this.current.run(unit, () => work(manager));
    } finally {
      unit.open = false;
    }
  }
}

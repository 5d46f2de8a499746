import type { BeforeApplicationShutdown, FactoryProvider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';
import { buildSqliteReadOptions } from '@app/config';

/**
 * Where every read outside a unit of work goes: queries that see only committed data, never the writes of a
 * transaction still open (on SQLite, a group-commit batch, any unit of which may yet be rolled back).
 *
 * SQLite: a connection of its own to the same file, opened read-only; WAL lets it read beside the writer, each
 * statement seeing the last commit. PostgreSQL: the main pool, where a query outside a transaction already sees only
 * committed data. A read inside a unit of work uses the unit's manager instead, to see the unit's own writes.
 */
export class ReadSide implements BeforeApplicationShutdown {
  private snapshotSource?: Promise<DataSource>;
  private snapshotTurn: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly source: DataSource,
    private readonly ownsSource: boolean,
  ) {}

  /** Opens the read side of a writer that is initialised (and migrated). */
  static async open(writer: DataSource): Promise<ReadSide> {
    if (writer.options.type !== 'sqlite') return new ReadSide(writer, false);
    return new ReadSide(await new DataSource(buildSqliteReadOptions(writer.options)).initialize(), true);
  }

  get manager(): EntityManager {
    return this.source.manager;
  }

  getRepository<T extends ObjectLiteral>(target: EntityTarget<T>): Repository<T> {
    return this.source.getRepository(target);
  }

  /**
   * Several reads that must agree with each other: one read-only transaction, one snapshot of committed data.
   * On SQLite a transaction on the shared read connection would hold every other read to its snapshot, so snapshots
   * have a second read connection, one at a time.
   */
  snapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.ownsSource) {
      return this.source.transaction('REPEATABLE READ', async (manager) => {
        await manager.query('SET TRANSACTION READ ONLY');
        return work(manager);
      });
    }
    const turn = this.snapshotTurn.then(async () => (await this.snapshotConnection()).transaction(work));
    this.snapshotTurn = turn.catch(() => undefined);
    return turn;
  }

  private snapshotConnection(): Promise<DataSource> {
    this.snapshotSource ??= new DataSource(this.source.options).initialize().catch((error: unknown) => {
      this.snapshotSource = undefined;
      throw error;
    });
    return this.snapshotSource;
  }

  /**
   * Before the writer closes (TypeORM's module closes it on application shutdown): the last connection to close
   * checkpoints the WAL into the file and removes it, and only the writer can.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.ownsSource) return; // the main DataSource, closed by TypeORM's module
    await this.snapshotTurn;
    const snapshots = await this.snapshotSource?.catch(() => undefined);
    for (const source of [this.source, snapshots]) if (source?.isInitialized) await source.destroy();
  }
}

/** The read side for Nest: opened once the main DataSource is up and migrated. */
export const READ_SIDE: FactoryProvider<ReadSide> = {
  provide: ReadSide,
  inject: [getDataSourceToken()],
  useFactory: (writer: DataSource) => ReadSide.open(writer),
};

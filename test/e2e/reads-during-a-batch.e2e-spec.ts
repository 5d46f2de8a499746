import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { CaseAuditEventEntity, CaseEntity } from '@app/cases';
import { ReadSide, TransactionRunner } from '@app/database';
import { TestApp } from '../support/test-app';
import { makeTeam, openCase, setToday, Team } from '../support/case-helpers';

/**
 * A write is only ever seen once committed. On SQLite the writer commits queued units together (group commit), so a
 * batch is open for as long as its slowest unit: reads made meanwhile must not see its writes, least of all those of
 * a unit that is then rolled back.
 */
describe('Reads while a write batch is open', () => {
  let t: TestApp;
  let team: Team;

  beforeAll(async () => {
    t = await TestApp.start();
    team = await makeTeam(t);
    setToday(t, '2026-01-06');
  });
  afterAll(() => t?.close());

  /** Runs a unit that writes, waits until `release` is called, then fails (so its writes are rolled back). */
  async function holdRolledBackWrite(write: Parameters<TransactionRunner['run']>[0]) {
    let written!: () => void;
    let release!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const unit = t.get(TransactionRunner).run(async (manager) => {
      await write(manager);
      written();
      await released;
      throw new Error('this unit is rolled back');
    });
    unit.catch(() => undefined);
    await wrote;
    return {
      rollBack: async () => {
        release();
        await expect(unit).rejects.toThrow('this unit is rolled back');
      },
    };
  }

  it('the case, its history and the case list never show a write that is rolled back', async () => {
    const opened = await openCase(t, team.bu, '2026-01-05');
    const read = (path: string) => t.http.get(path).auth(team.bu, { type: 'bearer' });

    const held = await holdRolledBackWrite(async (manager) => {
      await manager
        .getRepository(CaseEntity)
        .update({ id: opened.id }, { stage: 'closed', state: 'closed', version: 7 });
      await manager.getRepository(CaseAuditEventEntity).update({ caseId: opened.id }, { type: 'rolled.back' });
    });
    const [caseDuring, historyDuring, closedListDuring] = await Promise.all([
      read(`/cases/${opened.id}`),
      read(`/cases/${opened.id}/history`),
      read('/cases?stage=closed'),
    ]);
    await held.rollBack();

    expect(caseDuring.status).toBe(200);
    expect(caseDuring.body).toMatchObject({ stage: 'notification', version: 1 });
    expect(historyDuring.body.map((e: { type: string }) => e.type)).toEqual(['case.opened']);
    expect(closedListDuring.body).toMatchObject({ items: [], total: 0 });
    const after = await read(`/cases/${opened.id}`);
    expect(after.body).toMatchObject({ stage: 'notification', version: 1 });
  });
});

describe('Closing the service', () => {
  it('closes the read connections before the writer, which folds the WAL back into the one database file', async () => {
    const t = await TestApp.start();
    try {
      const reads = t.app.get(ReadSide);
      await reads.snapshot((manager) => manager.query('SELECT COUNT(*) FROM "cases"'));
      await t.stopApp();
      expect(reads.manager.connection.isInitialized).toBe(false);
      if (t.config.database.type === 'sqlite') {
        const file = t.config.database.sqlitePath;
        expect(readdirSync(dirname(file)).filter((name) => name.startsWith(basename(file)))).toEqual([basename(file)]);
      }
    } finally {
      await t.close();
    }
  });
});

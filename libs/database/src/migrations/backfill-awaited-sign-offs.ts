import type { QueryRunner } from 'typeorm';
import { allowedEvents, CaseMachineRegistry, signOffsAwaited, type PersistedCaseSnapshot } from '@app/workflows';

/** The states in which case machine version 1 (the only one when the table was made) accepts a sign-off. */
const SIGN_OFF_STATES = ['decision.awaiting-sign-off', 'lcspr.in-progress'];

/**
 * Fills `awaited_sign_offs` for the cases that exist when the table is made; every later change of a case rewrites
 * its rows. The rows are what the running machines say (`signOffsAwaited`), as the service itself writes them.
 */
export async function backfillAwaitedSignOffs(
  queryRunner: QueryRunner,
  placeholder: (position: number) => string,
): Promise<void> {
  const machines = new CaseMachineRegistry();
  const states = SIGN_OFF_STATES.map((_, i) => placeholder(i + 1)).join(', ');
  const cases = (await queryRunner.query(
    `SELECT "id", "partnershipId", "machineVersion", "snapshot" FROM "cases" WHERE "state" IN (${states})`,
    SIGN_OFF_STATES,
  )) as { id: string; partnershipId: string; machineVersion: number; snapshot: string }[];
  const insert = `INSERT INTO "awaited_sign_offs" ("caseId", "agency", "partnershipId", "event") VALUES (${[1, 2, 3, 4]
    .map(placeholder)
    .join(', ')})`;
  for (const row of cases) {
    const snapshot = JSON.parse(row.snapshot) as PersistedCaseSnapshot;
    const allowed = allowedEvents(machines.get(Number(row.machineVersion)), snapshot);
    for (const { agency, event } of signOffsAwaited(snapshot.context, allowed)) {
      await queryRunner.query(insert, [row.id, agency, row.partnershipId, event]);
    }
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReadSide } from '@app/database';
import { CaseMachineRegistry } from '@app/workflows';
import { CaseDeadlines } from '../case/case-deadlines.service';
import {
  checkCase,
  type AuditRecord,
  type AwaitedSignOffRecord,
  type CaseRecord,
  type DeadlineRecord,
  type PartnershipSettings,
  type ReminderRecord,
} from './case-invariants';
import { INVARIANTS, type Invariant, type IntegrityReport, type IntegrityViolation } from './integrity-violation';

export interface IntegrityCheckOptions {
  /** Cases read and checked per transaction. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 250;

/**
 * Checks every case against the invariants of {@link INVARIANTS}, in batches of cases taken in id order (never all
 * at once), each batch read in one snapshot of the read side, so a live service's commits cannot tear a case in two
 * and the checker never holds up a writer. Reads only: the incident details are never selected.
 *
 * The SQL is written by hand rather than through the entities: a corrupt snapshot must become a finding, not a
 * parse error that stops the whole run, and the reminders table belongs to a feature that depends on this one.
 */
@Injectable()
export class IntegrityChecker {
  constructor(
    private readonly reads: ReadSide,
    private readonly deadlines: CaseDeadlines,
    private readonly machines: CaseMachineRegistry,
  ) {}

  async check(options: IntegrityCheckOptions = {}): Promise<IntegrityReport> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const violations: IntegrityViolation[] = [];
    const partnerships = new Map<string, PartnershipSettings | undefined>();
    let casesChecked = 0;
    let after: string | undefined;
    for (;;) {
      const batch = await this.reads.snapshot(async (manager) => {
        const cases = await this.casesAfter(manager, after, batchSize);
        if (cases.length === 0) return undefined;
        const ids = cases.map((c) => c.id);
        return {
          cases,
          events: await this.eventsOf(manager, ids),
          deadlines: await this.deadlinesOf(manager, ids),
          awaitedSignOffs: await this.awaitedSignOffsOf(manager, ids),
          reminders: await this.remindersOf(manager, ids),
          partnerships: await this.partnershipsOf(manager, cases, partnerships),
        };
      });
      if (!batch) break;
      const events = groupByCase(batch.events);
      const deadlines = groupByCase(batch.deadlines);
      const awaitedSignOffs = groupByCase(batch.awaitedSignOffs);
      const reminders = groupByCase(batch.reminders);
      for (const [id, settings] of batch.partnerships) partnerships.set(id, settings);
      for (const caseRow of batch.cases) {
        violations.push(
          ...checkCase(
            {
              caseRow,
              events: (events.get(caseRow.id) ?? []).sort((a, b) => a.sequence - b.sequence),
              deadlines: deadlines.get(caseRow.id) ?? [],
              awaitedSignOffs: (awaitedSignOffs.get(caseRow.id) ?? []).sort((a, b) => a.agency.localeCompare(b.agency)),
              reminders: reminders.get(caseRow.id) ?? [],
              partnership: partnerships.get(caseRow.partnershipId),
            },
            { machines: this.machines, deadlines: this.deadlines },
          ),
        );
      }
      casesChecked += batch.cases.length;
      after = batch.cases[batch.cases.length - 1].id;
    }
    violations.push(...(await this.reads.snapshot((manager) => this.orphans(manager))));

    const byInvariant = Object.fromEntries(Object.keys(INVARIANTS).map((k) => [k, 0])) as Record<Invariant, number>;
    for (const v of violations) byInvariant[v.invariant]++;
    return { casesChecked, violations, byInvariant };
  }

  private get postgres(): boolean {
    return this.reads.manager.connection.options.type === 'postgres';
  }

  /** `?, ?, ?` or `$n, $n+1, ...` */
  private params(count: number, first = 1): string {
    return Array.from({ length: count }, (_, i) => (this.postgres ? `$${first + i}` : '?')).join(', ');
  }

  private async casesAfter(manager: EntityManager, after: string | undefined, limit: number): Promise<CaseRecord[]> {
    const where = after === undefined ? '' : `WHERE "id" > ${this.params(1)}`;
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT "id", "partnershipId", "reference", "machineId", "machineVersion", "rulebookVersion", "snapshot", "stage", "state", "version"
       FROM "cases" ${where} ORDER BY "id" LIMIT ${Number(limit)}`,
      after === undefined ? [] : [after],
    );
    return rows.map((r) => ({
      id: String(r.id),
      partnershipId: String(r.partnershipId),
      reference: String(r.reference),
      machineId: String(r.machineId),
      machineVersion: Number(r.machineVersion),
      rulebookVersion: Number(r.rulebookVersion),
      snapshot: String(r.snapshot),
      stage: String(r.stage),
      state: String(r.state),
      version: Number(r.version),
    }));
  }

  private async eventsOf(manager: EntityManager, ids: string[]): Promise<AuditRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT "caseId", "partnershipId", "sequence", "type", "fromState", "toState"
       FROM "case_audit_events" WHERE "caseId" IN (${this.params(ids.length)})`,
      ids,
    );
    return rows.map((r) => ({
      caseId: String(r.caseId),
      partnershipId: String(r.partnershipId),
      sequence: Number(r.sequence),
      type: String(r.type),
      fromState: r.fromState === null || r.fromState === undefined ? null : String(r.fromState),
      toState: String(r.toState),
    }));
  }

  private async deadlinesOf(manager: EntityManager, ids: string[]): Promise<DeadlineRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT "caseId", "partnershipId", "rule", "subject", "startedOn", "dueOn", "stoppedOn", "clockState"
       FROM "deadlines" WHERE "caseId" IN (${this.params(ids.length)})`,
      ids,
    );
    return rows.map((r) => ({
      caseId: String(r.caseId),
      partnershipId: String(r.partnershipId),
      rule: String(r.rule),
      subject: String(r.subject ?? ''),
      startedOn: String(r.startedOn),
      dueOn: String(r.dueOn),
      stoppedOn: r.stoppedOn === null || r.stoppedOn === undefined ? null : String(r.stoppedOn),
      clockState: String(r.clockState),
    }));
  }

  private async awaitedSignOffsOf(manager: EntityManager, ids: string[]): Promise<AwaitedSignOffRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT "caseId", "partnershipId", "agency", "event" FROM "awaited_sign_offs" WHERE "caseId" IN (${this.params(ids.length)})`,
      ids,
    );
    return rows.map((r) => ({
      caseId: String(r.caseId),
      partnershipId: String(r.partnershipId),
      agency: String(r.agency),
      event: String(r.event),
    }));
  }

  /** Only the reminders a check can object to; a case has dozens of settled ones. */
  private async remindersOf(manager: EntityManager, ids: string[]): Promise<ReminderRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT r."id", r."caseId", r."partnershipId", r."kind", r."rule", r."subject", r."dueOn", r."status", r."attempts"
       FROM "reminders" r JOIN "cases" c ON c."id" = r."caseId"
       WHERE r."caseId" IN (${this.params(ids.length)})
         AND ((r."status" = 'pending' AND r."attempts" = 0 AND r."kind" <> 'notice') OR r."partnershipId" <> c."partnershipId")`,
      ids,
    );
    return rows.map((r) => ({
      id: String(r.id),
      caseId: String(r.caseId),
      partnershipId: String(r.partnershipId),
      kind: String(r.kind),
      rule: r.rule === null || r.rule === undefined ? null : String(r.rule),
      subject: String(r.subject ?? ''),
      dueOn: r.dueOn === null || r.dueOn === undefined ? null : String(r.dueOn),
      status: String(r.status),
      attempts: Number(r.attempts),
    }));
  }

  /** Settings of the partnerships of these cases not read yet (undefined for a partnership that does not exist). */
  private async partnershipsOf(
    manager: EntityManager,
    cases: CaseRecord[],
    known: Map<string, PartnershipSettings | undefined>,
  ): Promise<Map<string, PartnershipSettings | undefined>> {
    const wanted = [...new Set(cases.map((c) => c.partnershipId))].filter((id) => !known.has(id));
    const found = new Map<string, PartnershipSettings | undefined>(wanted.map((id) => [id, undefined]));
    if (wanted.length === 0) return found;
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT "id", "ruleOverrides", "closureDays" FROM "partnerships" WHERE "id" IN (${this.params(wanted.length)})`,
      wanted,
    );
    for (const r of rows) {
      found.set(String(r.id), {
        ruleOverrides: JSON.parse(String(r.ruleOverrides)),
        closureDays: JSON.parse(String(r.closureDays)),
      });
    }
    return found;
  }

  /** Rows whose case does not exist: one finding per missing case and table. */
  private async orphans(manager: EntityManager): Promise<IntegrityViolation[]> {
    const violations: IntegrityViolation[] = [];
    for (const [table, what] of [
      ['case_audit_events', 'audit events'],
      ['deadlines', 'deadlines'],
      ['awaited_sign_offs', 'awaited sign-offs'],
      ['reminders', 'reminders'],
    ] as const) {
      const rows: Record<string, unknown>[] = await manager.query(
        `SELECT t."caseId", t."partnershipId", COUNT(*) AS "count"
         FROM "${table}" t LEFT JOIN "cases" c ON c."id" = t."caseId"
         WHERE c."id" IS NULL GROUP BY t."caseId", t."partnershipId" ORDER BY t."caseId"`,
      );
      for (const r of rows) {
        violations.push({
          caseId: String(r.caseId),
          reference: null,
          partnershipId: String(r.partnershipId),
          invariant: 'rows-belong-to-case',
          detail: `${Number(r.count)} ${what} of a case that does not exist`,
        });
      }
    }
    return violations;
  }
}

function groupByCase<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.caseId);
    if (group) group.push(row);
    else groups.set(row.caseId, [row]);
  }
  return groups;
}

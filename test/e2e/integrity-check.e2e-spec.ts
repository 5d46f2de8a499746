import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CasesService, IntegrityChecker, type IntegrityReport, type IntegrityViolation } from '@app/cases';
import { runTs } from '../support/run-ts';
import { TestApp } from '../support/test-app';
import { INCIDENT, makeTeam, openCase, setToday, step, Team } from '../support/case-helpers';

function runCommand(args: string[], env: Record<string, string>) {
  return runTs('apps/api/src/cli/check-integrity.ts', args, env);
}

const key = (v: IntegrityViolation) => JSON.stringify([v.caseId, v.invariant, v.detail]);

describe('The integrity checker over every case', () => {
  let t: TestApp;
  let team: Team;
  let db: DataSource;

  /** Plain SQL on either database: `?` placeholders, quoted camelCase columns. */
  const sql = (text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> => {
    let n = 0;
    return db.query(db.options.type === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text, params);
  };
  const check = (batchSize?: number) => t.get(IntegrityChecker).check({ batchSize });

  /** A case in rapid-review.gathering at version 4: opened, notified (notify-panel stopped), partners informed, meeting held. */
  async function caseInRapidReview() {
    setToday(t, '2026-01-06');
    const opened = await openCase(t, team.bu, '2026-01-05');
    setToday(t, '2026-01-07');
    await step(t, team.bu, opened.id, 'notification.submitted', { submittedOn: '2026-01-07' });
    await step(t, team.bu, opened.id, 'partners.informed', { informedOn: '2026-01-07' });
    setToday(t, '2026-01-15');
    await step(t, team.subgroup, opened.id, 'rapid-review.meeting-held', { heldOn: '2026-01-14' });
    return { id: opened.id, reference: opened.reference as string };
  }

  /** Runs a corruption and returns what it added to the report. */
  async function violationsAddedBy(corrupt: () => Promise<unknown>): Promise<IntegrityViolation[]> {
    const before = new Set((await check()).violations.map(key));
    await corrupt();
    return (await check()).violations.filter((v) => !before.has(key(v)));
  }

  beforeAll(async () => {
    // No reminder workers: a worker would claim due reminders and append deadline.missed events while rows are edited.
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off' } });
    db = t.get(DataSource);
    team = await makeTeam(t);
  });
  afterAll(() => t.close());

  it('finds no violation in real cases: a paused clock written on a later day, a withdrawn case, a system event', async () => {
    setToday(t, '2026-01-06');
    await openCase(t, team.bu, '2026-01-05');

    const paused = await openCase(t, team.bu, '2026-01-05');
    setToday(t, '2026-01-07');
    await step(t, team.bu, paused.id, 'notification.submitted', { submittedOn: '2026-01-07' });
    setToday(t, '2026-01-15');
    await step(t, team.subgroup, paused.id, 'rapid-review.meeting-held', { heldOn: '2026-01-14' });
    await step(t, team.subgroup, paused.id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met (test).',
    });
    setToday(t, '2026-01-20');
    for (const partner of [team.la, team.police, team.health])
      await step(t, partner, paused.id, 'decision.signed-off', { decision: 'agree' });
    setToday(t, '2026-01-21');
    await step(t, team.bu, paused.id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    setToday(t, '2026-02-02');
    await step(t, team.bu, paused.id, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-02' });
    setToday(t, '2026-03-02');
    await step(t, team.subgroup, paused.id, 'lcspr.paused', { reason: 'criminal-proceedings', detail: 'Trial listed' });
    // An event while paused rewrites the deadlines with a later "today": the open pause now counts 18 days.
    setToday(t, '2026-03-20');
    await step(t, team.bu, paused.id, 'partners.informed', { informedOn: '2026-03-20' });
    const [row] = await sql(`SELECT "dueOn" FROM "deadlines" WHERE "caseId" = ? AND "rule" = 'lcspr-publish'`, [
      paused.id,
    ]);
    expect(row.dueOn).toBe('2026-08-07');

    setToday(t, '2026-01-06');
    const withdrawn = await openCase(t, team.bu, '2026-01-05');
    await step(t, team.bu, withdrawn.id, 'notification.withdrawn', { reason: 'Criteria not met (test).' });

    const missed = await openCase(t, team.bu, '2026-01-05');
    setToday(t, '2026-01-07');
    await step(t, team.bu, missed.id, 'notification.submitted', { submittedOn: '2026-01-07' });
    // What the reminder sender records when a breach reminder fires: the state does not move.
    await t
      .get(CasesService)
      .recordSystemEvent(missed.id, 'deadline.missed', { rule: 'inform-partners', dueOn: '2026-01-12' });
    setToday(t, '2026-01-14');
    await step(t, team.bu, missed.id, 'partners.informed', { informedOn: '2026-01-13' });

    const [{ count }] = await sql('SELECT COUNT(*) AS "count" FROM "cases"');
    for (const batchSize of [undefined, 2]) {
      const report = await check(batchSize);
      expect(report.violations).toEqual([]);
      expect(report.casesChecked).toBe(Number(count));
    }
  });

  it('reports version-matches-history when an audit event is deleted', async () => {
    const c = await caseInRapidReview();
    const added = await violationsAddedBy(() =>
      sql(`DELETE FROM "case_audit_events" WHERE "caseId" = ? AND "sequence" = 3`, [c.id]),
    );
    expect(added).toEqual([
      {
        caseId: c.id,
        reference: c.reference,
        partnershipId: expect.any(String),
        invariant: 'version-matches-history',
        detail: 'version 4 but 3 audit events; missing sequence 3',
      },
    ]);
  });

  it('reports version-matches-history when a case version is bumped without an event', async () => {
    const c = await caseInRapidReview();
    const added = await violationsAddedBy(() =>
      sql(`UPDATE "cases" SET "version" = "version" + 1 WHERE "id" = ?`, [c.id]),
    );
    expect(added).toEqual([
      expect.objectContaining({
        caseId: c.id,
        invariant: 'version-matches-history',
        detail: 'version 5 but 4 audit events; missing sequence 5',
      }),
    ]);
  });

  it('reports history-chain when an event does not start where the previous one ended', async () => {
    const c = await caseInRapidReview();
    const added = await violationsAddedBy(() =>
      sql(`UPDATE "case_audit_events" SET "fromState" = 'decision.agreed' WHERE "caseId" = ? AND "sequence" = 3`, [
        c.id,
      ]),
    );
    expect(added).toEqual([
      expect.objectContaining({
        caseId: c.id,
        invariant: 'history-chain',
        detail:
          'event 3 (partners.informed) starts in decision.agreed but event 2 (notification.submitted) ended in rapid-review.gathering',
      }),
    ]);
  });

  it('reports history-chain when a case moved without an audit event', async () => {
    const c = await caseInRapidReview();
    const added = await violationsAddedBy(async () => {
      const [row] = await sql(`SELECT "snapshot" FROM "cases" WHERE "id" = ?`, [c.id]);
      const snapshot = JSON.parse(String(row.snapshot));
      snapshot.value = { decision: 'awaiting-sign-off' };
      await sql(
        `UPDATE "cases" SET "snapshot" = ?, "state" = 'decision.awaiting-sign-off', "stage" = 'decision' WHERE "id" = ?`,
        [JSON.stringify(snapshot), c.id],
      );
    });
    expect(added).toEqual([
      expect.objectContaining({
        caseId: c.id,
        invariant: 'history-chain',
        detail:
          'the last event 4 (rapid-review.meeting-held) ends in rapid-review.gathering but the case is in decision.awaiting-sign-off',
      }),
      // The moved snapshot awaits sign-offs that no command ever recorded.
      expect.objectContaining({ caseId: c.id, invariant: 'awaited-sign-offs-match' }),
    ]);
  });

  it('reports state-matches-snapshot when the state column is changed', async () => {
    const c = await caseInRapidReview();
    const added = await violationsAddedBy(() => sql(`UPDATE "cases" SET "state" = 'closed' WHERE "id" = ?`, [c.id]));
    expect(added).toEqual([
      expect.objectContaining({
        caseId: c.id,
        invariant: 'state-matches-snapshot',
        detail: 'state column is closed but the snapshot is in rapid-review.gathering',
      }),
    ]);
  });

  it('reports snapshot-restorable for a machine version that is not registered, or a snapshot that is not JSON', async () => {
    const unknownMachine = await caseInRapidReview();
    const unreadable = await caseInRapidReview();
    const added = await violationsAddedBy(async () => {
      await sql(`UPDATE "cases" SET "machineVersion" = 99 WHERE "id" = ?`, [unknownMachine.id]);
      await sql(`UPDATE "cases" SET "snapshot" = '{"value":' WHERE "id" = ?`, [unreadable.id]);
    });
    expect(added).toHaveLength(2);
    expect(added).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: unknownMachine.id,
          invariant: 'snapshot-restorable',
          detail: 'machine version 99 is not registered',
        }),
        expect.objectContaining({
          caseId: unreadable.id,
          invariant: 'snapshot-restorable',
          detail: 'the snapshot is not valid JSON',
        }),
      ]),
    );
  });

  it('reports deadlines-match-rulebook when a due date is edited or a deadline row is lost', async () => {
    const edited = await caseInRapidReview();
    const lost = await caseInRapidReview();
    const added = await violationsAddedBy(async () => {
      await sql(`UPDATE "deadlines" SET "dueOn" = '2026-02-27' WHERE "caseId" = ? AND "rule" = 'rapid-review'`, [
        edited.id,
      ]);
      await sql(`DELETE FROM "deadlines" WHERE "caseId" = ? AND "rule" = 'inform-partners'`, [lost.id]);
    });
    expect(added).toHaveLength(2);
    expect(added).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: edited.id,
          invariant: 'deadlines-match-rulebook',
          detail: 'rapid-review: dueOn 2026-02-27, rulebook 2026-01-26',
        }),
        expect.objectContaining({
          caseId: lost.id,
          invariant: 'deadlines-match-rulebook',
          detail: 'inform-partners: no row (the rulebook gives stopped, due 2026-01-12)',
        }),
      ]),
    );
  });

  it('reports awaited-sign-offs-match when an awaited sign-off is lost or one is left after the partner signed', async () => {
    const lost = await caseInRapidReview();
    await step(t, team.subgroup, lost.id, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'r' });
    const signed = await caseInRapidReview();
    await step(t, team.subgroup, signed.id, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'r' });
    await step(t, team.police, signed.id, 'decision.signed-off', { decision: 'agree' });
    const added = await violationsAddedBy(async () => {
      await sql(`DELETE FROM "awaited_sign_offs" WHERE "caseId" = ? AND "agency" = 'health'`, [lost.id]);
      await sql(
        `INSERT INTO "awaited_sign_offs" ("caseId", "agency", "partnershipId", "event") SELECT "id", 'police', "partnershipId", 'decision.signed-off' FROM "cases" WHERE "id" = ?`,
        [signed.id],
      );
    });
    expect(added).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: lost.id,
          invariant: 'awaited-sign-offs-match',
          detail: 'no row for the sign-off awaited from health decision.signed-off',
        }),
        expect.objectContaining({
          caseId: signed.id,
          invariant: 'awaited-sign-offs-match',
          detail: 'a row awaits a sign-off the case does not offer: police decision.signed-off',
        }),
      ]),
    );
    expect(added).toHaveLength(2);
  });

  it('reports reminders-follow-deadlines for a pending reminder left on a stopped deadline', async () => {
    const c = await caseInRapidReview();
    const [reminder] = await sql(
      `SELECT "id" FROM "reminders" WHERE "caseId" = ? AND "rule" = 'notify-panel' AND "offsetDays" = 0 AND "status" = 'cancelled'`,
      [c.id],
    );
    const added = await violationsAddedBy(() =>
      sql(`UPDATE "reminders" SET "status" = 'pending' WHERE "id" = ?`, [reminder.id]),
    );
    expect(added).toEqual([
      expect.objectContaining({
        caseId: c.id,
        invariant: 'reminders-follow-deadlines',
        detail: `1 pending reminder of notify-panel due 2026-01-12 (due-today) but the deadline is stopped: ${reminder.id}`,
      }),
    ]);
  });

  it('leaves a reminder a sender claimed before its deadline stopped to the sender', async () => {
    const c = await caseInRapidReview();
    const [reminder] = await sql(
      `SELECT "id" FROM "reminders" WHERE "caseId" = ? AND "rule" = 'notify-panel' AND "status" = 'cancelled'`,
      [c.id],
    );
    const added = await violationsAddedBy(async () => {
      await sql(`UPDATE "reminders" SET "status" = 'sending', "attempts" = 1 WHERE "id" = ?`, [reminder.id]);
      // The same row after its sender died and the reconciler released it: the sender will mark it obsolete.
      const [other] = await sql(
        `SELECT "id" FROM "reminders" WHERE "caseId" = ? AND "rule" = 'notify-panel' AND "status" = 'cancelled'`,
        [c.id],
      );
      await sql(`UPDATE "reminders" SET "status" = 'pending', "attempts" = 1 WHERE "id" = ?`, [other.id]);
    });
    expect(added).toEqual([]);
  });

  it('reports rows-belong-to-case for a reminder of another partnership and rows of a case that does not exist', async () => {
    const c = await caseInRapidReview();
    const stranger = randomUUID();
    const missingCase = randomUUID();
    const added = await violationsAddedBy(async () => {
      const [foreign, orphan] = await sql(`SELECT "id" FROM "reminders" WHERE "caseId" = ? ORDER BY "id"`, [c.id]);
      await sql(`UPDATE "reminders" SET "partnershipId" = ? WHERE "id" = ?`, [stranger, foreign.id]);
      await sql(`UPDATE "reminders" SET "caseId" = ? WHERE "id" = ?`, [missingCase, orphan.id]);
    });
    expect(added).toHaveLength(2);
    expect(added).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: c.id,
          invariant: 'rows-belong-to-case',
          detail: `1 reminders of the case carry another partnership (${stranger})`,
        }),
        expect.objectContaining({
          caseId: missingCase,
          reference: null,
          invariant: 'rows-belong-to-case',
          detail: '1 reminders of a case that does not exist',
        }),
      ]),
    );
  });

  it('gives operators the same findings from the command, exit 1, and never the incident details', async () => {
    const inProcess = await check();
    expect(inProcess.violations.length).toBeGreaterThan(0);
    for (const field of [INCIDENT.summary, 'female', INCIDENT.incidentOn])
      expect(JSON.stringify(inProcess)).not.toContain(field);

    const [json, text, noDatabase] = await Promise.all([
      runCommand(['--json'], t.env),
      runCommand([], t.env),
      runCommand([], { ...t.env, DB_TYPE: 'sqlite', SQLITE_PATH: join(t.dir, 'no-such.sqlite') }),
    ]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as IntegrityReport;
    expect(report).toEqual(inProcess);

    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`Checked ${inProcess.casesChecked} cases: ${inProcess.violations.length} violations`);
    expect(text.stdout).toContain(`  history-chain: ${inProcess.byInvariant['history-chain']}`);
    for (const v of inProcess.violations)
      expect(text.stdout).toContain(`${v.reference ?? '(no case)'} ${v.caseId} ${v.invariant}: ${v.detail}`);
    expect(text.stdout).not.toContain(INCIDENT.summary);

    expect(noDatabase.code).toBe(2);
    expect(noDatabase.stderr).toContain('No database at');
  }, 90_000);
});

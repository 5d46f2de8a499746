import {
  allowedEvents,
  CASE_MACHINE_ID,
  CaseMachineRegistry,
  getRulebook,
  signOffsAwaited,
  stageOf,
  stateOf,
  type Deadline,
  type PersistedCaseSnapshot,
} from '@app/workflows';
import type { PartnershipEntity } from '@app/auth';
import type { CaseDeadlines } from '../case/case-deadlines.service';
import type { Invariant, IntegrityViolation } from './integrity-violation';

/** The columns of a case the checks read (never `details`), as raw values: the snapshot is still JSON text. */
export interface CaseRecord {
  id: string;
  partnershipId: string;
  reference: string;
  machineId: string;
  machineVersion: number;
  rulebookVersion: number;
  snapshot: string;
  stage: string;
  state: string;
  version: number;
}

/** An audit event without its payload or actor. */
export interface AuditRecord {
  caseId: string;
  partnershipId: string;
  sequence: number;
  type: string;
  fromState: string | null;
  toState: string;
}

export interface DeadlineRecord {
  caseId: string;
  partnershipId: string;
  rule: string;
  /** The item of an item rule (an agency, an action); '' for a case clock. */
  subject: string;
  startedOn: string;
  dueOn: string;
  stoppedOn: string | null;
  clockState: string;
}

export interface AwaitedSignOffRecord {
  caseId: string;
  partnershipId: string;
  agency: string;
  event: string;
}

export interface ReminderRecord {
  id: string;
  caseId: string;
  partnershipId: string;
  kind: string;
  rule: string | null;
  subject: string;
  dueOn: string | null;
  status: string;
  attempts: number;
}

export type PartnershipSettings = Pick<PartnershipEntity, 'ruleOverrides' | 'closureDays'>;

export interface CaseRows {
  caseRow: CaseRecord;
  /** Sorted by sequence. */
  events: AuditRecord[];
  deadlines: DeadlineRecord[];
  awaitedSignOffs: AwaitedSignOffRecord[];
  /** Only the reminders that may matter: never-claimed pending deadline reminders, and any of another partnership. */
  reminders: ReminderRecord[];
  /** undefined when the case's partnership does not exist. */
  partnership: PartnershipSettings | undefined;
}

export interface CheckTools {
  machines: CaseMachineRegistry;
  deadlines: CaseDeadlines;
}

/**
 * A date before any pause can start. Stored due dates depend on the day they were written only through an open pause
 * (it counts up to "today"); computing with this day counts every open pause as zero days, which gives the exact due
 * date of every other clock and the earliest possible one of a clock paused now. The day a row was written cannot be
 * recovered: commands read "today" from the service clock (tests move it), audit timestamps come from the database,
 * and system events such as deadline.missed append to the history without rewriting deadlines.
 */
const BEFORE_ANY_PAUSE = '0001-01-01';

/** Checks one case and the rows that hang off it. Pure: the caller reads the rows in one consistent snapshot. */
export function checkCase(rows: CaseRows, tools: CheckTools): IntegrityViolation[] {
  const { caseRow } = rows;
  const violations: IntegrityViolation[] = [];
  const report = (invariant: Invariant, detail: string) =>
    violations.push({
      caseId: caseRow.id,
      reference: caseRow.reference,
      partnershipId: caseRow.partnershipId,
      invariant,
      detail,
    });

  const snapshot = readSnapshot(caseRow, tools.machines, report);
  checkVersionAgainstHistory(rows, report);
  checkHistoryChain(rows, snapshot, report);
  if (snapshot) checkColumnsAgainstSnapshot(caseRow, snapshot, report);
  const computed =
    snapshot && rows.partnership ? checkDeadlines(rows, snapshot, rows.partnership, tools, report) : undefined;
  if (snapshot && computed) checkReminders(rows, snapshot, computed, tools, report);
  if (snapshot) checkAwaitedSignOffs(rows, snapshot, tools.machines, report);
  checkOwnership(rows, report);
  return violations;
}

type Report = (invariant: Invariant, detail: string) => void;

/** The parsed snapshot when it has a usable shape (even if its machine cannot restore it), else undefined. */
function readSnapshot(
  caseRow: CaseRecord,
  machines: CaseMachineRegistry,
  report: Report,
): PersistedCaseSnapshot | undefined {
  if (caseRow.machineId !== CASE_MACHINE_ID)
    report('snapshot-restorable', `machine id is "${caseRow.machineId}", not "${CASE_MACHINE_ID}"`);
  let snapshot: PersistedCaseSnapshot;
  try {
    snapshot = JSON.parse(caseRow.snapshot);
  } catch {
    report('snapshot-restorable', 'the snapshot is not valid JSON');
    return undefined;
  }
  const value = snapshot?.value;
  const usable =
    typeof snapshot === 'object' &&
    snapshot !== null &&
    (typeof value === 'string' || (typeof value === 'object' && value !== null)) &&
    typeof snapshot.context === 'object' &&
    snapshot.context !== null;
  if (!usable) {
    report('snapshot-restorable', 'the snapshot has no state value or no context');
    return undefined;
  }
  let machine;
  try {
    machine = machines.get(caseRow.machineVersion);
  } catch {
    report('snapshot-restorable', `machine version ${caseRow.machineVersion} is not registered`);
    return snapshot;
  }
  try {
    const restored = machine.resolveState({ value: snapshot.value as never, context: snapshot.context });
    if (stateOf(restored) !== stateOf(snapshot)) {
      report(
        'snapshot-restorable',
        `the snapshot state ${stateOf(snapshot)} restores as ${stateOf(restored)} on machine version ${caseRow.machineVersion}`,
      );
    } else if (restored.status !== snapshot.status) {
      report(
        'snapshot-restorable',
        `the snapshot status is ${snapshot.status} but ${stateOf(snapshot)} is ${restored.status} on machine version ${caseRow.machineVersion}`,
      );
    }
  } catch (error) {
    report(
      'snapshot-restorable',
      `the snapshot does not restore on machine version ${caseRow.machineVersion}: ${(error as Error).message}`,
    );
  }
  return snapshot;
}

function checkVersionAgainstHistory({ caseRow, events }: CaseRows, report: Report): void {
  const problems: string[] = [];
  if (events.length !== caseRow.version) problems.push(`version ${caseRow.version} but ${events.length} audit events`);
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  const outside: number[] = [];
  for (const { sequence } of events) {
    if (seen.has(sequence)) duplicates.add(sequence);
    seen.add(sequence);
    if (sequence < 1 || sequence > caseRow.version) outside.push(sequence);
  }
  // Stops after a few: a corrupt version may be huge, and a few missing numbers are enough to find the rest.
  const missing: number[] = [];
  for (let n = 1; n <= caseRow.version && missing.length < 5; n++) if (!seen.has(n)) missing.push(n);
  if (missing.length) problems.push(`missing sequence ${missing.join(', ')}${missing.length === 5 ? ' ...' : ''}`);
  if (duplicates.size) problems.push(`duplicate sequence ${[...duplicates].join(', ')}`);
  if (outside.length) problems.push(`sequence ${outside.slice(0, 5).join(', ')} outside 1..${caseRow.version}`);
  if (problems.length) report('version-matches-history', problems.join('; '));
}

/**
 * Checks only what the events present can show: a gap in the sequence is the version invariant's finding, so the
 * chain is compared across consecutive sequence numbers and the end only when the event of the current version
 * exists. System events (deadline.missed) keep the state: from = to = the state they were recorded in.
 */
function checkHistoryChain(
  { caseRow, events }: CaseRows,
  snapshot: PersistedCaseSnapshot | undefined,
  report: Report,
): void {
  const bySequence = new Map<number, AuditRecord>();
  for (const event of events) if (!bySequence.has(event.sequence)) bySequence.set(event.sequence, event);
  const first = bySequence.get(1);
  // A case opens with case.opened, or with case.imported when a running case was brought in with its history.
  if (first && (!['case.opened', 'case.imported'].includes(first.type) || first.fromState !== null)) {
    report(
      'history-chain',
      `event 1 is ${first.type} from ${first.fromState ?? 'nothing'}, not case.opened (or case.imported) from nothing`,
    );
  }
  for (const event of bySequence.values()) {
    const previous = bySequence.get(event.sequence - 1);
    if (previous && event.fromState !== previous.toState) {
      report(
        'history-chain',
        `event ${event.sequence} (${event.type}) starts in ${event.fromState ?? 'nothing'} but event ${previous.sequence} (${previous.type}) ended in ${previous.toState}`,
      );
    }
  }
  // The snapshot is what the machine runs on; a disagreeing state column is the columns' own finding.
  const current = snapshot ? stateOf(snapshot) : caseRow.state;
  const last = bySequence.get(caseRow.version);
  if (last && last.toState !== current) {
    report(
      'history-chain',
      `the last event ${last.sequence} (${last.type}) ends in ${last.toState} but the case is in ${current}`,
    );
  }
}

function checkColumnsAgainstSnapshot(caseRow: CaseRecord, snapshot: PersistedCaseSnapshot, report: Report): void {
  const state = stateOf(snapshot);
  const stage = stageOf(snapshot);
  if (caseRow.state !== state)
    report('state-matches-snapshot', `state column is ${caseRow.state} but the snapshot is in ${state}`);
  if (caseRow.stage !== stage)
    report('state-matches-snapshot', `stage column is ${caseRow.stage} but the snapshot is in stage ${stage}`);
}

/** Returns the computed deadlines (for the reminder check), or undefined when they cannot be computed. */
function checkDeadlines(
  rows: CaseRows,
  snapshot: PersistedCaseSnapshot,
  partnership: PartnershipSettings,
  tools: CheckTools,
  report: Report,
): Deadline[] | undefined {
  const { caseRow } = rows;
  let computed: Deadline[];
  try {
    computed = tools.deadlines.compute(snapshot, caseRow.rulebookVersion, partnership, BEFORE_ANY_PAUSE);
  } catch (error) {
    report('deadlines-match-rulebook', `the rulebook cannot compute the deadlines: ${(error as Error).message}`);
    return undefined;
  }
  // A rule run once per item has one row per subject (an agency's return, an action).
  const keyOf = (d: { rule: string; subject?: string }) => `${d.rule}|${d.subject ?? ''}`;
  const named = (d: { rule: string; subject?: string }) => (d.subject ? `${d.rule} (${d.subject})` : d.rule);
  const stored = new Map(rows.deadlines.map((d) => [keyOf(d), d]));
  for (const deadline of computed) {
    const row = stored.get(keyOf(deadline));
    const clockState = tools.deadlines.clockState(snapshot, deadline);
    if (!row) {
      report(
        'deadlines-match-rulebook',
        `${named(deadline)}: no row (the rulebook gives ${clockState}, due ${deadline.dueOn})`,
      );
      continue;
    }
    const differences: string[] = [];
    const expected = { startedOn: deadline.startedOn, stoppedOn: deadline.stoppedOn ?? null, clockState };
    for (const field of ['startedOn', 'stoppedOn', 'clockState'] as const) {
      if (row[field] !== expected[field])
        differences.push(`${field} ${row[field] ?? 'none'}, rulebook ${expected[field] ?? 'none'}`);
    }
    const openPause = snapshot.context.clocks[deadline.rule]?.pauses?.some((p) => p.to === undefined);
    if (openPause ? row.dueOn < deadline.dueOn : row.dueOn !== deadline.dueOn) {
      differences.push(`dueOn ${row.dueOn}, rulebook ${openPause ? 'not before ' : ''}${deadline.dueOn}`);
    }
    if (differences.length) report('deadlines-match-rulebook', `${named(deadline)}: ${differences.join('; ')}`);
  }
  const computedKeys = new Set<string>(computed.map(keyOf));
  for (const row of rows.deadlines) {
    if (!computedKeys.has(keyOf(row)))
      report('deadlines-match-rulebook', `${named(row)}: a row the rulebook does not give this case`);
  }
  return computed;
}

/**
 * At every case change the scheduler cancels the pending reminders its deadlines no longer call for, so a reminder
 * that was never claimed (attempts 0) and is still pending must be for a running deadline with that due date. Rows a
 * sender has claimed are left to it: the scheduler never cancels them, and the sender checks the deadline before
 * sending and marks them obsolete (a row claimed by a sender that died goes back to pending with attempts > 0). An
 * admin's retry of a failed reminder resets attempts to 0: if its deadline stopped meanwhile it is reported until it
 * fires and is marked obsolete.
 */
function checkReminders(
  rows: CaseRows,
  snapshot: PersistedCaseSnapshot,
  computed: Deadline[],
  tools: CheckTools,
  report: Report,
): void {
  const kinds = new Map<string, string>(getRulebook(rows.caseRow.rulebookVersion).rules.map((r) => [r.id, r.kind]));
  const byRule = new Map<string, Deadline>(computed.map((d) => [`${d.rule}|${d.subject ?? ''}`, d]));
  // One finding per deadline and due date, not per reminder: a moved deadline leaves all its reminders behind.
  const stray = new Map<string, { why: string; reminders: ReminderRecord[] }>();
  for (const reminder of rows.reminders) {
    if (reminder.kind === 'notice' || reminder.status !== 'pending' || reminder.attempts !== 0) continue;
    const deadline = reminder.rule ? byRule.get(`${reminder.rule}|${reminder.subject}`) : undefined;
    const clockState = deadline ? tools.deadlines.clockState(snapshot, deadline) : undefined;
    let why: string | undefined;
    if (!deadline) why = 'the case has no such deadline';
    else if (kinds.get(deadline.rule) !== 'deadline') why = `${deadline.rule} is not a deadline to remind of`;
    else if (clockState !== 'running') why = `the deadline is ${clockState}`;
    else if (deadline.dueOn !== reminder.dueOn) why = `the deadline is now due ${deadline.dueOn}`;
    if (!why) continue;
    const key = `${reminder.rule}|${reminder.subject}|${reminder.dueOn}`;
    const group = stray.get(key) ?? { why, reminders: [] };
    group.reminders.push(reminder);
    stray.set(key, group);
  }
  for (const { why, reminders } of stray.values()) {
    const [first] = reminders;
    const count = reminders.length === 1 ? '1 pending reminder' : `${reminders.length} pending reminders`;
    report(
      'reminders-follow-deadlines',
      `${count} of ${first.rule ?? 'no rule'} due ${first.dueOn ?? 'never'} (${reminders.map((r) => r.kind).join(', ')}) but ${why}: ${reminders.map((r) => r.id).join(', ')}`,
    );
  }
}

function checkAwaitedSignOffs(
  { caseRow, awaitedSignOffs }: CaseRows,
  snapshot: PersistedCaseSnapshot,
  machines: CaseMachineRegistry,
  report: Report,
): void {
  let expected: string[];
  try {
    const allowed = allowedEvents(machines.get(caseRow.machineVersion), snapshot);
    expected = signOffsAwaited(snapshot.context, allowed).map((a) => `${a.agency} ${a.event}`);
  } catch {
    // The snapshot does not restore: snapshot-restorable says so.
    return;
  }
  const stored = awaitedSignOffs.map((a) => `${a.agency} ${a.event}`);
  const missing = expected.filter((a) => !stored.includes(a));
  const extra = stored.filter((a) => !expected.includes(a));
  if (missing.length) report('awaited-sign-offs-match', `no row for the sign-off awaited from ${missing.join(', ')}`);
  if (extra.length)
    report('awaited-sign-offs-match', `a row awaits a sign-off the case does not offer: ${extra.join(', ')}`);
}

function checkOwnership(
  { caseRow, events, deadlines, awaitedSignOffs, reminders, partnership }: CaseRows,
  report: Report,
): void {
  if (!partnership) report('rows-belong-to-case', 'the partnership of the case does not exist');
  const foreign = (table: string, items: { partnershipId: string }[]) => {
    const strays = items.filter((i) => i.partnershipId !== caseRow.partnershipId);
    const others = [...new Set(strays.map((i) => i.partnershipId))];
    if (strays.length)
      report(
        'rows-belong-to-case',
        `${strays.length} ${table} of the case carry another partnership (${others.join(', ')})`,
      );
  };
  foreign('audit events', events);
  foreign('deadlines', deadlines);
  foreign('awaited sign-offs', awaitedSignOffs);
  foreign('reminders', reminders);
}

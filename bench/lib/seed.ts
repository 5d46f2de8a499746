import sqlite3 from 'sqlite3';
import { call, lcsprJourney, INCIDENT, type Team } from './journey';

type Row = Record<string, unknown>;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A kind of case found in a partnership's register, and its share of the seeded cases. */
interface CaseTemplate {
  name: string;
  share: number;
  laAwareDaysAgo: number;
  /** How many commands of the LCSPR journey it has been through (25 = closed). */
  steps: number;
}

/**
 * Most of a long-running register is closed; the rest is spread over the stages, some of it late. Every template is a
 * real case made through the API, so the seeded rows are what the service itself writes.
 */
export const TEMPLATES: CaseTemplate[] = [
  { name: 'closed', share: 0.7, laAwareDaysAgo: 3, steps: 25 },
  { name: 'learning (report public for a year)', share: 0.1, laAwareDaysAgo: 3, steps: 22 },
  { name: 'lcspr in progress', share: 0.08, laAwareDaysAgo: 3, steps: 14 },
  { name: 'rapid review gathering', share: 0.05, laAwareDaysAgo: 1, steps: 2 },
  { name: 'notification due within 5 days', share: 0.04, laAwareDaysAgo: 1, steps: 0 },
  { name: 'notification overdue', share: 0.03, laAwareDaysAgo: 30, steps: 0 },
];

export async function createTemplateCases(
  baseUrl: string,
  team: Team,
  today: string,
): Promise<Map<string, CaseTemplate>> {
  const made = new Map<string, CaseTemplate>();
  for (const template of TEMPLATES) {
    const aware = addDays(today, -template.laAwareDaysAgo);
    const opened = (await call(baseUrl, 'POST', '/cases', team.bu, {
      ...INCIDENT,
      incidentOn: aware,
      laAwareOn: aware,
    })) as { id: string };
    for (const command of lcsprJourney(team, today).slice(0, template.steps)) {
      await call(baseUrl, 'POST', `/cases/${opened.id}/events`, command.token, {
        type: command.type,
        ...command.payload,
      });
    }
    made.set(opened.id, template);
  }
  return made;
}

function open(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(db)));
  });
}

/** A random UUID-shaped id, made inside SQLite. */
const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))`;

/**
 * Clones the template cases (case row, audit history, deadlines, awaited sign-offs) into `total` cases, and gives each one pending
 * reminder row in the next 60 days. All in SQL inside SQLite, straight into the file while the service is stopped.
 */
export async function seedCases(
  path: string,
  templates: Map<string, CaseTemplate>,
  total: number,
  now: Date,
): Promise<{ cases: number; reminders: number }> {
  const db = await open(path);
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const all = (sql: string, params: unknown[] = []) =>
    new Promise<Row[]>((resolve, reject) =>
      db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))),
    );
  const columns = async (table: string) => (await all(`PRAGMA table_info(${table})`)).map((c) => String(c.name));
  /** INSERT INTO table SELECT <columns, some replaced> FROM <from>. */
  const cloneSql = async (table: string, replaced: Record<string, string>, from: string) => {
    const names = await columns(table);
    const select = names.map((n) => replaced[n] ?? `t."${n}"`).join(', ');
    return `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) SELECT ${select} FROM ${from}`;
  };

  // Case i takes the template whose cumulative share first exceeds its position; positions are spread, not in blocks.
  const entries = [...templates.entries()];
  let cumulative = 0;
  const pick = entries
    .map(
      ([id, template]) =>
        `WHEN ((i * 7919) % ${total}) < ${Math.round((cumulative += template.share) * total)} THEN '${id}'`,
    )
    .join(' ');
  await run('PRAGMA synchronous = OFF');
  await run('BEGIN');
  await run(`CREATE TEMP TABLE seed (i INTEGER PRIMARY KEY, "caseId" TEXT, "templateId" TEXT)`);
  await run(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${total})
     INSERT INTO seed SELECT i, ${SQL_UUID}, CASE ${pick} ELSE '${entries[entries.length - 1][0]}' END FROM n`,
  );
  const nowMs = now.getTime();
  await run(
    await cloneSql(
      'cases',
      {
        id: 's."caseId"',
        reference: `'CSPR-' || (2000 + s.i % 25) || '-' || printf('%06d', s.i)`,
        openedAt: `strftime('%Y-%m-%d %H:%M:%f', ${nowMs / 1000} - (s.i + 1) * 60, 'unixepoch')`,
      },
      'seed s JOIN cases t ON t.id = s."templateId"',
    ),
  );
  await run(
    await cloneSql(
      'case_audit_events',
      { id: SQL_UUID, caseId: 's."caseId"' },
      'seed s JOIN case_audit_events t ON t."caseId" = s."templateId"',
    ),
  );
  await run(
    await cloneSql(
      'deadlines',
      { id: SQL_UUID, caseId: 's."caseId"' },
      'seed s JOIN deadlines t ON t."caseId" = s."templateId"',
    ),
  );
  await run(
    await cloneSql(
      'awaited_sign_offs',
      { caseId: 's."caseId"' },
      'seed s JOIN awaited_sign_offs t ON t."caseId" = s."templateId"',
    ),
  );
  const reminderColumns = await columns('reminders');
  const fireAt = `(${nowMs} + (1 + s.i % 60) * 86400000)`;
  const reminder: Record<string, string> = {
    id: SQL_UUID,
    dedupeKey: `s."caseId" || '|seed'`,
    partnershipId: 'c."partnershipId"',
    caseId: 's."caseId"',
    kind: `'warning'`,
    rule: `'lcspr-publish'`,
    offsetDays: '-5',
    dueOn: `date(${fireAt} / 1000 + 5 * 86400, 'unixepoch')`,
    fireOn: `date(${fireAt} / 1000, 'unixepoch')`,
    fireAtMs: fireAt,
    status: `'pending'`,
    attempts: '0',
  };
  const named = reminderColumns.filter((n) => reminder[n]);
  await run(
    `INSERT INTO reminders (${named.map((n) => `"${n}"`).join(', ')}) SELECT ${named.map((n) => reminder[n]).join(', ')} FROM seed s JOIN cases c ON c.id = s."caseId"`,
  );
  await run('DROP TABLE seed');
  await run('COMMIT');
  await run('PRAGMA synchronous = FULL');
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return { cases: total, reminders: total };
}

import Redis from 'ioredis';
import { Clock } from '@app/common';
import { REMINDER_QUEUE, ReminderEntity, type ReminderStatus } from '@app/reminders';
import { committedReminders } from '../../support/reminder-helpers';
import type { TestApp } from '../../support/test-app';
import type { SmtpPeer } from '../../support/smtp-peer';

/**
 * Shared by the outage fault tests: a service clock that runs in real time from a chosen instant (so Bull's real
 * delays and the rows' 09:00 London times agree, and reminders come due while the test runs), reads of the reminder
 * rows and of the Bull keys in Redis, and timing of commands.
 */

/** The service's "now" runs in real time from `iso`: reminders for `iso`'s 09:00 London come due for real. */
export function runClockFrom(t: TestApp, iso: string): () => number {
  const offset = Date.parse(iso) - Date.now();
  const now = () => Date.now() + offset;
  t.get(Clock).now = () => new Date(now());
  return now;
}

/** Every reminder row as committed (see committedReminders). */
export function reminderRows(t: TestApp): Promise<ReminderEntity[]> {
  return committedReminders(t).find({ order: { fireAtMs: 'ASC', dedupeKey: 'ASC' } });
}

export const messageIdOf = (rowId: string) => `<reminder-${rowId}@practice-review>`;

/** Statuses a reminder that has come due may rest in; pending, sending and failed mean it is still owed. */
export const SETTLED: ReminderStatus[] = ['sent', 'superseded', 'cancelled', 'obsolete'];

/** Rows whose time has come (by the service clock) but which are not settled: mail still owed. */
export function owed(rows: ReminderEntity[], nowMs: number): ReminderEntity[] {
  return rows.filter((r) => r.fireAtMs <= nowMs && !SETTLED.includes(r.status));
}

/** A short account of rows for a failure message (the first 20, and how many in all). */
export function describeRows(rows: ReminderEntity[]) {
  const lines = rows
    .slice(0, 20)
    .map(
      (r) =>
        `${r.id.slice(0, 8)} case ${r.caseId?.slice(0, 8) ?? 'partnership'} ${r.kind} ${r.rule ?? r.noticeKind} ${r.offsetDays ?? ''} ${r.fireOn} ${r.status} attempts=${r.attempts}`,
    );
  return { count: rows.length, rows: lines };
}

/** How many mails the SMTP peer holds per Message-ID. */
export function mailCounts(smtp: SmtpPeer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of smtp.received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}

export interface QueueJobs {
  delayed: string[];
  wait: string[];
  active: string[];
  paused: string[];
}

/**
 * Reads Bull's keys for the reminders queue straight from Redis with a connection of the test's own (not the app's):
 * what Redis really holds, whatever the app believes.
 */
export async function queueJobs(redisUrl: string, prefix: string): Promise<QueueJobs> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const key = (name: string) => `${prefix}:${REMINDER_QUEUE}:${name}`;
    const [delayed, wait, active, paused] = await Promise.all([
      client.zrange(key('delayed'), 0, -1),
      client.lrange(key('wait'), 0, -1),
      client.lrange(key('active'), 0, -1),
      client.lrange(key('paused'), 0, -1),
    ]);
    return { delayed, wait, active, paused };
  } finally {
    client.disconnect();
  }
}

export interface TimedResponse {
  label: string;
  status: number;
  ms: number;
  body: any;
}

/** Runs one HTTP command and records how long it took to answer. */
export async function timed(
  label: string,
  send: () => PromiseLike<{ status: number; body: unknown }>,
): Promise<TimedResponse> {
  const started = Date.now();
  const res = await send();
  return { label, status: res.status, ms: Date.now() - started, body: res.body };
}

export interface Crew {
  admin: string;
  /** Business-unit users: each is one client of the command stream. */
  clients: string[];
}

/**
 * The admin, the people reminders and notices go to (so none fails for want of a recipient; they never sign in), and
 * `clients` business-unit users, signed in, who open and move cases. Created in parallel: argon2 makes each slow.
 */
export async function makeCrew(t: TestApp, clients: number): Promise<Crew> {
  const admin = await t.login();
  const recipient = async (name: string, roles: string[], agency?: string) => {
    const res = await t.http
      .post('/users')
      .auth(admin, { type: 'bearer' })
      .send({
        name,
        email: `${name}@partnership.test`,
        password: `pw-${name}-${Date.now()}-long-enough`,
        roles,
        ...(agency ? { agency } : {}),
      });
    if (res.status !== 201) throw new Error(`creating ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const client = async (i: number) =>
    (await t.userWithToken(admin, { email: `bu${i + 1}@partnership.test`, roles: ['business-unit'] })).token;
  const [clientTokens] = await Promise.all([
    Promise.all(Array.from({ length: clients }, (_, i) => client(i))),
    recipient('subgroup', ['subgroup-member']),
    recipient('dcs', ['delegated-partner'], 'local-authority'),
    recipient('ceo', ['lead-partner'], 'local-authority'),
  ]);
  return { admin, clients: clientTokens };
}

export const INCIDENT = {
  incidentType: 'serious-harm',
  abuseOrNeglect: 'suspected',
  lookedAfter: false,
  children: [{ ageYears: 4, sex: 'female' }],
  summary: 'Summary of the incident (test data).',
};

export function openCaseRequest(t: TestApp, token: string, laAwareOn: string, incidentOn = laAwareOn) {
  return t.http
    .post('/cases')
    .auth(token, { type: 'bearer' })
    .send({ ...INCIDENT, incidentOn, laAwareOn });
}

/** One event through HTTP, whatever its answer. */
export { sendEvent as eventRequest } from '../../support/case-helpers';

/** The outage tests' day: 09:00 London on a winter Monday, when the first warnings of a case opened that day fire. */
export const NINE_AM = Date.parse('2026-01-05T09:00:00Z');
export const TODAY = '2026-01-05';

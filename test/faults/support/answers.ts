/**
 * Checks every answer of the fault suite makes: the contract's error body, nothing internal leaked, and no change to
 * the database or to the process (prototype pollution).
 */
import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from '../../support/test-app';

/** The contract's error codes, and the status each belongs to. */
const CODES_BY_STATUS: Record<number, readonly string[]> = {
  400: ['validation-failed'],
  401: ['unauthenticated'],
  403: ['forbidden'],
  404: ['not-found'],
  409: ['illegal-transition', 'conflict'],
  422: ['rule-violated'],
  429: ['too-many-requests'],
};
/** Statuses the contract does not name a code for (body-parser's): any known code but `internal`. */
const OTHER_CODES = [
  'validation-failed',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'rule-violated',
  'too-many-requests',
];

const ERROR_KEYS = new Set(['statusCode', 'code', 'message', 'details']);

/** Why a body is not the contract's error `{ statusCode, code, message, details? }` for this status, or undefined. */
export function errorShapeProblem(res: Response): string | undefined {
  const type = String(res.headers['content-type'] ?? '');
  if (!/^application\/json\b/.test(type)) return `content-type ${type || '(none)'}, not JSON`;
  const body = res.body as Record<string, unknown>;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object';
  const extra = Object.keys(body).filter((k) => !ERROR_KEYS.has(k));
  if (extra.length) return `unexpected keys ${extra.join(', ')}`;
  if (body.statusCode !== res.status) return `statusCode ${String(body.statusCode)} but status ${res.status}`;
  const codes = CODES_BY_STATUS[res.status] ?? OTHER_CODES;
  if (typeof body.code !== 'string' || !codes.includes(body.code)) return `code ${String(body.code)} for ${res.status}`;
  if (typeof body.message !== 'string' || body.message.trim() === '') return 'no message';
  if (body.code === 'validation-failed' && body.details !== undefined) {
    const details = body.details;
    const ok =
      Array.isArray(details) &&
      details.length > 0 &&
      details.every(
        (d: unknown) =>
          !!d &&
          typeof d === 'object' &&
          Object.keys(d).every((k) => k === 'field' || k === 'messages') &&
          typeof (d as { field?: unknown }).field === 'string' &&
          Array.isArray((d as { messages?: unknown }).messages) &&
          (d as { messages: unknown[] }).messages.length > 0 &&
          (d as { messages: unknown[] }).messages.every((m) => typeof m === 'string' && m.length > 0),
      );
    if (!ok) return 'details is not a list of { field, messages }';
  }
  if (body.code === 'illegal-transition') {
    const d = body.details as { state?: unknown; allowedEvents?: unknown } | undefined;
    if (!d || typeof d.state !== 'string' || !Array.isArray(d.allowedEvents))
      return 'illegal-transition without { state, allowedEvents }';
  }
  return undefined;
}

/** The fields a 400 names. */
export function detailFields(res: Response): string[] {
  const details = (res.body as { details?: unknown }).details;
  return Array.isArray(details) ? details.map((d: { field?: unknown }) => String(d.field)) : [];
}

/** Stack frames, driver errors or file paths in an answer: signs an internal error leaked out. */
const INTERNALS =
  /(\bat [\w.<>]+ \(|node_modules|\.ts:\d+|QueryFailedError|SQLITE_|SqliteError|TypeORMError|EntityNotFound|RangeError|TypeError)/;

/** The first sign of internals in the answer that is not an echo of the request's own text. */
export function internalsIn(res: Response, requestText = ''): string | undefined {
  const pattern = new RegExp(INTERNALS.source, 'g');
  for (const match of (res.text ?? '').matchAll(pattern)) {
    if (!requestText.includes(match[0])) return match[0];
  }
  return undefined;
}

/** Own properties of the shared prototypes: a pollution would add one. */
export function prototypeFingerprint(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}

export type TableDigest = Record<string, { rows: number; hash: string }>;

/**
 * Every table of the app's entities, as a row count and a hash of all rows (sorted, so the order a query returns them
 * in does not matter). New entities are included without editing this file.
 */
export async function digestDatabase(t: TestApp): Promise<TableDigest> {
  const ds = t.get(DataSource);
  const digest: TableDigest = {};
  for (const table of [...new Set(ds.entityMetadatas.map((m) => m.tableName))].sort()) {
    // Failed logins are counted there on purpose (the per-account login limit): a refused login leaves that trace.
    if (table === 'login_failures') continue;
    const rows: unknown[] = await ds.query(`SELECT * FROM "${table}"`);
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    digest[table] = {
      rows: rows.length,
      hash: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16),
    };
  }
  return digest;
}

/** The tables whose digest differs. */
export function changedTables(before: TableDigest, after: TableDigest): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
}

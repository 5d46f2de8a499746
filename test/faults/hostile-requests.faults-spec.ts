/**
 * 1,000 hostile requests, generated with fast-check, against the real application: every route of its own OpenAPI
 * document, with wrong types, huge strings, unknown fields, impossible dates, SQL and script injection, prototype
 * keys, deep nesting, arrays for objects, bodies over the limit, malformed JSON, wrong content types and charsets,
 * bad query strings, path ids and headers, and forged tokens.
 *
 * Every request is built to be refused (a generated request that succeeded would be a bug in the generator or the
 * service, and fails the test). For every answer: the status is one of those expected (never 5xx, never 2xx), the body
 * is the contract's error `{ statusCode, code, message, details? }` naming the poisoned field where that is known, no
 * internal detail leaks, no row of any table changed, and no shared prototype was polluted.
 */
import fc from 'fast-check';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { CASE_EVENT_TYPES, parseCaseEvent, type CaseEventType } from '@app/cases';
import { BODY_LIMIT } from '../../apps/api/src/create-app';
import { step } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import {
  changedTables,
  detailFields,
  digestDatabase,
  errorShapeProblem,
  internalsIn,
  prototypeFingerprint,
  type TableDigest,
} from './support/answers';
import { forgedAuthorization, subjectlessTokens, type TokenFacts } from './support/forged-tokens';
import {
  hostileString,
  IMPOSSIBLE_DATES,
  NOTABLE_UNKNOWN_KEYS,
  poisonedBody,
  printable,
  PROTO_KEYS,
  withOwn,
  type PoisonedBody,
} from './support/hostile';
import {
  documentedEventTypes,
  eventPayloadSchemas,
  fetchOpenApi,
  fillPath,
  isDateSchema,
  operationsOf,
  resolve,
  validValue,
  type Method,
  type OpenApiDoc,
  type Operation,
  type Parameter,
  type Schema,
} from './support/openapi';
import {
  addMember,
  byLabel,
  createPartnership,
  everyRole,
  firstPartnership,
  type Member,
} from '../support/partnerships';

/** Generous: argon2 and a thousand requests run slowly on a busy machine; the suite stays well under this alone. */
const TIMEOUT_MS = 120_000;

/** Runs per property; they add up to 1,000 requests. */
const RUNS = { bodies: 210, events: 297, credentials: 10, queries: 155, pathIds: 100, rawBodies: 148, tokens: 80 };

const LIMIT_BYTES = (() => {
  const m = /^(\d+)kb$/i.exec(BODY_LIMIT);
  if (!m) throw new Error(`cannot read the body limit ${BODY_LIMIT}`);
  return Number(m[1]) * 1024;
})();

/**
 * The contract: "Every route needs a token except POST /auth/login, /health and /docs"; and a calendar feed, whose
 * address is its secret (issue 13).
 */
const PUBLIC_ROUTES = ['GET /calendar-feeds/{token}.ics', 'GET /health', 'POST /auth/login'];
/** A calendar feed's address that is well formed and opens no feed. */
const UNKNOWN_FEED_TOKEN = 'A'.repeat(43);

/** The events route: a body whose `type` picks the payload. */
const EVENTS_ROUTE = 'POST /cases/{id}/events';

/** Header parameters the document may list, with values each must refuse (a new header must be taught here). */
const BAD_HEADER_VALUES: Record<string, string[]> = {
  'If-Match': [
    '',
    'abc',
    '-1',
    '1.5',
    '1 2',
    '9999999999',
    '*',
    'W/',
    '"',
    '0x1',
    "' OR 1=1 --",
    '<script>',
    '1'.repeat(5000),
  ],
  'Idempotency-Key': ['', 'x'.repeat(201), 'with space', 'tab\there', 'caf\u00e9', 'k'.repeat(8000)],
};

/** Routes outside the OpenAPI document that still take a token (bull-board checks it itself). */
const UNDOCUMENTED_TOKEN_ROUTES = ['/admin/queues', '/admin/queues/api/queues'];

interface HostileRequest {
  label: string;
  method: Method;
  path: string;
  token?: string;
  /** The whole Authorization header; overrides `token`. `null`: send none. */
  authorization?: string | null;
  headers?: Record<string, string>;
  json?: unknown;
  raw?: { body: string | Buffer; contentType: string };
  expect: number[];
  expectField?: string;
  /** Not one of the 1,000 (the known-bug test). */
  uncounted?: boolean;
}

const runsFor = (index: number, count: number, total: number) =>
  Math.floor(total / count) + (index < total % count ? 1 : 0);
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Optional query parameters that may not be given together (OpenAPI cannot say so): a valid query drops the first
 * when it has any of the others. A report's period is a financial `year` or the days `from` and `to`, not both.
 */
const EXCLUSIVE_QUERY_PARAMS: Readonly<Record<string, readonly string[]>> = { year: ['from', 'to'] };

/**
 * Free-text query parameters that name something the route knows (a report's column key): any text that is not one
 * is bad. Named one by one, so that a new free-text parameter stops the suite until someone decides its bad values.
 */
const NAMING_QUERY_PARAMS: readonly string[] = ['column'];

describe('Hostile requests (1,000, generated) against every route of the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let ops: Operation[];
  let members: Member[];
  let admin: Member;
  let payloads: Record<CaseEventType, Schema>;
  let caseIds: string[];
  let reminderId: string;
  /** A user for the routes that take a user's id: the base requests change them (so not one of `members`). */
  let userId: string;
  let otherPartnershipId: string;
  let baseline: TableDigest;
  let prototypes: string;
  const statuses = new Map<number, number>();
  const covered = new Map<string, number>();
  let sent = 0;

  beforeAll(async () => {
    // No reminder workers: nothing but a request may change a row while the suite watches the database.
    // Requests come through a trusted proxy, so each hostile login may name its own client address (X-Forwarded-For).
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off', TRUSTED_PROXIES: 'loopback' } });
    const p = await firstPartnership(t);
    // Validation comes before any role check, so a few roles are enough (each member costs an argon2 hash).
    members = await everyRole(t, p, 'hostile.test', [
      'business-unit',
      'delegated-partner (police)',
      'scrutineer',
      'every role',
    ]);
    admin = p.admin;
    otherPartnershipId = (await createPartnership(t, 'Elsewhere', 'admin@elsewhere.test')).id;
    doc = await fetchOpenApi(t);
    ops = operationsOf(doc);
    payloads = eventPayloadSchemas(doc);

    const bu = byLabel(members, 'business-unit').token;
    const open = async () =>
      (
        await t.http
          .post('/cases')
          .auth(bu, { type: 'bearer' })
          .send(validValue(doc, bodyOf('POST /cases')) as object)
          .expect(201)
      ).body.id as string;
    const fresh = await open();
    const deciding = await open();
    await step(t, bu, deciding, 'notification.submitted', { submittedOn: '2026-03-03' });
    await step(t, bu, deciding, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met (test).',
    });
    caseIds = [fresh, deciding];
    reminderId = (await t.get(DataSource).query('SELECT id FROM reminders LIMIT 1'))[0].id;
    userId = (await addMember(t, p, 'changed', { email: 'changed@hostile.test', roles: ['business-unit'] })).id;
  }, TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  });

  function op(key: string): Operation {
    const found = ops.find((o) => o.key === key);
    if (!found) throw new Error(`the document has no ${key}`);
    return found;
  }
  function bodyOf(key: string): Schema {
    const body = op(key).body;
    if (!body) throw new Error(`${key} takes no body`);
    return body;
  }
  const isEventsRoute = (o: Operation) => o.key === EVENTS_ROUTE;

  /** Real ids for path parameters, so a refusal is not just "unknown id". */
  function realPath(o: Operation): string {
    if (o.pathParams.length === 0) return o.path;
    if (o.path.startsWith('/cases/')) return fillPath(o, { id: caseIds[0] });
    if (o.path.startsWith('/admin/reminders/')) return fillPath(o, { id: reminderId });
    if (o.path.startsWith('/users/')) return fillPath(o, { id: userId });
    if (o.path.startsWith('/calendar-feeds/')) return fillPath(o, { token: UNKNOWN_FEED_TOKEN });
    throw new Error(`${o.key}: the suite does not know which real id to put in its path; teach realPath()`);
  }

  /** A valid query for the operation: every required parameter, and optional ones at random. */
  function validQuery(o: Operation, optional: boolean[] = []): [string, string][] {
    const chosen = o.queryParams.filter((q, i) => q.required || optional[i]);
    const names = chosen.map((q) => q.name);
    return chosen
      .filter((q) => !(EXCLUSIVE_QUERY_PARAMS[q.name] ?? []).some((other) => names.includes(other)))
      .map((q) => [q.name, String(validValue(doc, q.schema ?? { type: 'string' }))]);
  }
  const queryString = (pairs: [string, string][]) =>
    pairs.length === 0
      ? ''
      : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;

  /** A valid body for the operation (the events route: a valid event). */
  function validBody(o: Operation): unknown {
    if (isEventsRoute(o)) return { type: 'notification.withdrawn', reason: 'Hostile test' };
    return o.body ? validValue(doc, o.body) : undefined;
  }

  const needsAdmin = (o: Operation) => o.path.startsWith('/admin/');

  async function send(req: HostileRequest): Promise<Response> {
    let r = t.http[req.method](req.path);
    if (req.authorization !== undefined) {
      if (req.authorization !== null) r = r.set('Authorization', req.authorization);
    } else if (req.token) r = r.auth(req.token, { type: 'bearer' });
    for (const [name, value] of Object.entries(req.headers ?? {})) r = r.set(name, value);
    if (req.json !== undefined) r = r.set('Content-Type', 'application/json').send(JSON.stringify(req.json));
    else if (req.raw) r = r.set('Content-Type', req.raw.contentType).send(req.raw.body);
    return r;
  }

  /** Sends the request and throws (so fast-check shrinks and reports it with its seed) on any broken promise. */
  async function refused(req: HostileRequest): Promise<void> {
    const requestText =
      req.path +
      (req.json !== undefined ? JSON.stringify(req.json) : req.raw ? String(req.raw.body) : '') +
      JSON.stringify(req.headers ?? {});
    const res = await send(req);
    if (!req.uncounted) {
      sent++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    const problems: string[] = [];
    if (!req.expect.includes(res.status)) problems.push(`status ${res.status}, expected ${req.expect.join(' or ')}`);
    const shape = errorShapeProblem(res);
    if (shape) problems.push(`not the contract's error body: ${shape}`);
    if (res.status === 400 && req.expectField !== undefined) {
      const fields = detailFields(res);
      if (!fields.some((f) => f === req.expectField || f.startsWith(`${req.expectField}.`))) {
        problems.push(`details name ${JSON.stringify(fields)}, not ${JSON.stringify(req.expectField)}`);
      }
    }
    const leak = internalsIn(res, requestText);
    if (leak) problems.push(`internal detail in the answer: ${leak}`);
    const changed = changedTables(baseline, await digestDatabase(t));
    if (changed.length) problems.push(`changed the database: ${changed.join(', ')}`);
    if (prototypeFingerprint() !== prototypes || ({} as Record<string, unknown>).polluted !== undefined)
      problems.push('polluted a prototype');
    if (problems.length > 0) {
      throw new Error(
        `${req.method.toUpperCase()} ${req.path.slice(0, 200)} (${req.label}): ${problems.join('; ')}\nanswer: ${(res.text ?? '').slice(0, 600)}`,
      );
    }
  }

  async function watch(): Promise<void> {
    baseline = await digestDatabase(t);
    prototypes = prototypeFingerprint();
  }

  const count = (o: Operation) => covered.set(o.key, (covered.get(o.key) ?? 0) + 1);
  const memberArb = () => fc.constantFrom(...members);
  /** Logins are limited per address; most hostile logins come from their own address so validation is reached. */
  const loginHeaders = fc
    .option(fc.ipV4(), { freq: 4 })
    .map((ip): Record<string, string> => (ip ? { 'X-Forwarded-For': ip } : {}));

  it(
    'builds its requests on valid ones: the unpoisoned bodies and queries are accepted',
    async () => {
      // Else a refusal below might come from a broken base rather than from the poison under test.
      for (const o of ops) {
        if (isEventsRoute(o)) continue;
        const who =
          needsAdmin(o) || o.key === 'POST /users' || o.key === 'PATCH /partnership' || o.path.startsWith('/users/{id}')
            ? admin
            : byLabel(members, 'business-unit');
        if (o.body) {
          const res = await send({
            label: 'base',
            method: o.method,
            path: realPath(o),
            token: o.isPublic ? undefined : who.token,
            json: validBody(o),
            expect: [],
          });
          // The login base has a valid shape but no such account; the password change's, a wrong current password.
          const expected = o.key === 'POST /auth/login' ? 401 : o.key === 'POST /users/me/password' ? 400 : 'success';
          expect({ route: o.key, answer: res.status < 300 ? 'success' : res.status }).toEqual({
            route: o.key,
            answer: expected,
          });
        } else if (o.queryParams.length > 0) {
          const query = queryString(
            validQuery(
              o,
              o.queryParams.map(() => true),
            ),
          );
          const res = await send({
            label: 'base',
            method: o.method,
            path: realPath(o) + query,
            token: who.token,
            expect: [],
          });
          expect({ route: o.key, status: res.status }).toEqual({ route: o.key, status: 200 });
        }
      }
      expect(
        ops
          .filter((o) => o.isPublic)
          .map((o) => o.key)
          .sort(),
      ).toEqual(PUBLIC_ROUTES);
      expect(documentedEventTypes(doc)).toEqual([...CASE_EVENT_TYPES]);
      for (const type of CASE_EVENT_TYPES) {
        expect(() => parseCaseEvent({ type, ...(validValue(doc, payloads[type]) as object) })).not.toThrow();
      }
    },
    TIMEOUT_MS,
  );

  it(
    'refuses poisoned JSON bodies on every route that takes one with a 400 naming the field, changing nothing',
    async () => {
      await watch();
      const targets = ops.filter((o) => o.body && !isEventsRoute(o));
      expect(targets.length).toBeGreaterThan(0);
      for (const [i, o] of targets.entries()) {
        await fc.assert(
          fc.asyncProperty(poisonedBody(doc, o.body!), memberArb(), loginHeaders, async (poisoned, member, headers) => {
            count(o);
            const bytes = Buffer.byteLength(JSON.stringify(poisoned.body));
            const tooBig = bytes > LIMIT_BYTES;
            await refused({
              label: poisoned.poison,
              method: o.method,
              path: realPath(o),
              token: o.isPublic ? undefined : member.token,
              headers: o.isPublic ? headers : {},
              json: poisoned.body,
              expect: tooBig ? [413] : o.isPublic ? [400, 429] : [400],
              expectField: tooBig ? undefined : poisoned.expectField,
            });
          }),
          { numRuns: runsFor(i, targets.length, RUNS.bodies) },
        );
      }
    },
    TIMEOUT_MS,
  );

  it(
    'refuses poisoned events of every type, bad types and bad If-Match or Idempotency-Key headers with a 400, changing no case',
    async () => {
      await watch();
      const o = op(EVENTS_ROUTE);
      const unknownHeaders = o.headerParams.map((h) => h.name).filter((name) => !BAD_HEADER_VALUES[name]);
      expect(unknownHeaders).toEqual([]);
      const headerPoison = o.headerParams.length
        ? fc
            .constantFrom(...o.headerParams.map((h) => h.name))
            .chain((name) => fc.constantFrom(...BAD_HEADER_VALUES[name]).map((value) => [name, value] as const))
        : fc.constant(undefined);

      for (const [i, type] of CASE_EVENT_TYPES.entries()) {
        const base = { type, ...(validValue(doc, payloads[type]) as object) };
        const withType = (p: PoisonedBody): PoisonedBody => {
          if (!isPlainObject(p.body)) return p;
          const body = { type } as Record<string, unknown>;
          for (const key of Object.keys(p.body)) withOwn(body, key, p.body[key]);
          return printable({ ...p, body });
        };
        const badType = fc
          .oneof(
            fc.string().filter((s) => !(CASE_EVENT_TYPES as readonly string[]).includes(s)),
            hostileString,
            fc.constantFrom(
              type.toUpperCase(),
              ` ${type}`,
              `${type} `,
              type.replace('.', '_'),
              `${type}\u0000`,
              '__proto__',
              'toString',
              'constructor',
              'hasOwnProperty',
            ),
            fc.integer(),
            fc.constant([type]),
            fc.constant({ type }),
            fc.constant(null),
          )
          .map((bad): PoisonedBody =>
            printable({ body: { ...base, type: bad }, poison: `type ${JSON.stringify(bad)}`, expectField: 'type' }),
          );
        const noType: fc.Arbitrary<PoisonedBody> = fc.constant({
          body: { ...base, type: undefined },
          poison: 'no type',
          expectField: 'type',
        });
        const payloadPoison = poisonedBody(doc, payloads[type], { reservedKeys: ['type'] }).map(withType);
        const request = fc.oneof(
          { arbitrary: payloadPoison.map((p) => ({ p, header: undefined })), weight: 6 },
          { arbitrary: fc.oneof(badType, noType).map((p) => ({ p, header: undefined })), weight: 2 },
          {
            arbitrary: headerPoison.map((header) => ({
              p: { body: base, poison: `header ${header?.[0]}`, expectField: header?.[0] } as PoisonedBody,
              header,
            })),
            weight: 2,
          },
        );
        await fc.assert(
          fc.asyncProperty(request, fc.constantFrom(...caseIds), memberArb(), async ({ p, header }, caseId, member) => {
            count(o);
            const tooBig = Buffer.byteLength(JSON.stringify(p.body) ?? '') > LIMIT_BYTES;
            await refused({
              label: `${type}: ${p.poison}`,
              method: 'post',
              path: fillPath(o, { id: caseId }),
              token: member.token,
              headers: header ? { [header[0]]: header[1] } : {},
              json: p.body,
              expect: tooBig ? [413] : [400],
              expectField: tooBig ? undefined : p.expectField,
            });
          }),
          { numRuns: runsFor(i, CASE_EVENT_TYPES.length, RUNS.events) },
        );
      }
    },
    TIMEOUT_MS,
  );

  it(
    'answers 401 to injection strings and random text as login credentials, without a trace in the database',
    async () => {
      await watch();
      const o = op('POST /auth/login');
      const text = (max: number) =>
        fc.oneof(
          hostileString,
          fc.string({ minLength: 3, maxLength: max }),
          fc.constantFrom('admin@partnership.test', 'admin@elsewhere.test'),
        );
      await fc.assert(
        fc.asyncProperty(text(320), text(200), loginHeaders, async (email, password, headers) => {
          count(o);
          await refused({
            label: 'credentials',
            method: 'post',
            path: o.path,
            headers,
            json: { email, password },
            expect: [401, 429],
          });
        }),
        { numRuns: RUNS.credentials },
      );
    },
    TIMEOUT_MS,
  );

  /** Values a query parameter of this schema refuses. */
  function badParamValue(q: Parameter): fc.Arbitrary<string> {
    const s = resolve(doc, q.schema ?? { type: 'string' });
    const huge = fc.integer({ min: 2000, max: 8000 }).map((n) => 'x'.repeat(n));
    if (s.enum)
      return fc.oneof(
        fc.string().filter((v) => !s.enum!.includes(v)),
        hostileString,
        huge,
        fc.constant(String(s.enum[0]).toUpperCase()).filter((v) => !s.enum!.includes(v)),
      );
    if (isDateSchema(s)) return fc.oneof(fc.constantFrom(...IMPOSSIBLE_DATES), hostileString, huge);
    if (s.type === 'boolean')
      return fc.oneof(
        fc.string().filter((v) => v !== 'true' && v !== 'false'),
        fc.constantFrom('TRUE', '1', 'yes', 'on', ''),
      );
    if (s.type === 'number' || s.type === 'integer') {
      const bounds: fc.Arbitrary<string>[] = [];
      if (s.minimum !== undefined) bounds.push(fc.integer({ min: -1e9, max: s.minimum - 1 }).map(String));
      if (s.maximum !== undefined) bounds.push(fc.integer({ min: s.maximum + 1, max: 1e12 }).map(String));
      return fc.oneof(
        ...bounds,
        fc.constantFrom(
          'abc',
          '1.5',
          '1e3',
          '0x10',
          '',
          '  ',
          'NaN',
          'Infinity',
          '\u0661\u0662',
          'one',
          '--1',
          '1,000',
          '9'.repeat(400),
        ),
        hostileString,
      );
    }
    if (s.type === 'string' && NAMING_QUERY_PARAMS.includes(q.name)) return fc.oneof(hostileString, huge);
    throw new Error(`query parameter ${q.name}: no bad values for ${JSON.stringify(s)}; teach badParamValue()`);
  }

  it(
    'refuses bad query strings on every route that takes one with a 400 naming the parameter',
    async () => {
      await watch();
      const targets = ops.filter((o) => o.queryParams.length > 0);
      expect(targets.length).toBeGreaterThan(0);
      for (const [i, o] of targets.entries()) {
        const names = new Set(o.queryParams.map((q) => q.name));
        const required = o.queryParams.filter((q) => q.required);
        /** The query's pairs; a pair marked raw goes into the query string as it is (a broken percent-encoding). */
        type Pair = [string, string, boolean?];
        type Poison = { pairs: (base: Pair[]) => Pair[]; label: string; field?: string };
        const encodable = o.queryParams.filter(
          (q) => q.schema?.enum || q.schema?.type !== 'string' || isDateSchema(q.schema),
        );
        const poisons: fc.Arbitrary<Poison>[] = [
          fc
            .tuple(
              fc
                .oneof(
                  fc.constantFrom(
                    ...NOTABLE_UNKNOWN_KEYS,
                    ...PROTO_KEYS,
                    '__proto__[polluted]',
                    'constructor[prototype][polluted]',
                    `${o.queryParams[0].name}[a]`,
                    `${o.queryParams[0].name}[]`,
                  ),
                  fc.string({ minLength: 1, maxLength: 20 }),
                )
                .filter((k) => !names.has(k)),
              fc.oneof(fc.string({ maxLength: 20 }), hostileString),
            )
            .map(([key, value]) => ({ pairs: (b) => [...b, [key, value]], label: `unknown ${key}`, field: key })),
          fc
            .constantFrom(...o.queryParams)
            .chain((q) => badParamValue(q).map((value) => [q.name, value] as const))
            .map(([name, value]) => ({
              pairs: (b) => [...b.filter(([k]) => k !== name), [name, value]],
              label: `bad ${name}`,
              field: name,
            })),
          fc.constantFrom(...o.queryParams).map((q) => {
            const value = String(validValue(doc, q.schema ?? { type: 'string' }));
            return {
              pairs: (b) => [...b.filter(([k]) => k !== q.name), [q.name, value], [q.name, value]],
              label: `${q.name} twice`,
              field: q.name,
            };
          }),
        ];
        if (encodable.length > 0) {
          poisons.push(
            fc
              .tuple(fc.constantFrom(...encodable), fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '%C0%AF'))
              .map(([q, value]) => ({
                pairs: (b) => [...b.filter(([k]) => k !== q.name), [q.name, value, true]],
                label: `${q.name} badly encoded`,
                field: q.name,
              })),
          );
        }
        if (required.length > 0) {
          poisons.push(
            fc
              .constantFrom(...required)
              .map((q) => ({ pairs: (b) => b.filter(([k]) => k !== q.name), label: `no ${q.name}`, field: q.name })),
          );
        }
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(...poisons),
            fc.array(fc.boolean(), { minLength: o.queryParams.length, maxLength: o.queryParams.length }),
            memberArb(),
            async (poison, optional, member) => {
              count(o);
              const pairs = poison.pairs(validQuery(o, optional));
              const query = `?${pairs.map(([k, v, raw]) => `${encodeURIComponent(k)}=${raw ? v : encodeURIComponent(v)}`).join('&')}`;
              await refused({
                label: poison.label,
                method: o.method,
                path: realPath(o) + query,
                token: member.token,
                expect: [400],
                expectField: poison.field,
              });
            },
          ),
          { numRuns: runsFor(i, targets.length, RUNS.queries) },
        );
      }
    },
    TIMEOUT_MS,
  );

  it(
    'answers 404 to hostile or unknown ids in the path of every route that takes one (400 for a broken encoding)',
    async () => {
      await watch();
      const targets = ops.filter((o) => o.pathParams.length > 0);
      expect(targets.length).toBeGreaterThan(0);
      const real = caseIds[0];
      const hostileId = fc
        .oneof(
          fc.uuid().map((id) => ({ id, raw: false })),
          fc.uuid().map((id) => ({ id: id.toUpperCase(), raw: false })),
          fc
            .constantFrom(
              `${real}x`,
              ` ${real}`,
              `${real}\n`,
              real.slice(0, -1),
              real.replace(/-/g, ''),
              `{${real}}`,
              `${real}' OR '1'='1`,
              `${real};DROP TABLE cases`,
            )
            .map((id) => ({ id, raw: false })),
          hostileString.map((id) => ({ id, raw: false })),
          fc.string({ minLength: 1, maxLength: 60 }).map((id) => ({ id, raw: false })),
          fc.integer({ min: 500, max: 6000 }).map((n) => ({ id: 'a'.repeat(n), raw: false })),
          fc.constantFrom('%E0%A4%A', '%zz', '%').map((id) => ({ id, raw: true })),
        )
        .filter(
          ({ id }) =>
            id !== '.' && id !== '..' && id !== 'me' && !caseIds.includes(id) && id !== reminderId && id !== userId,
        );
      for (const [i, o] of targets.entries()) {
        await fc.assert(
          fc.asyncProperty(hostileId, memberArb(), async ({ id, raw }, member) => {
            count(o);
            const values = Object.fromEntries(o.pathParams.map((p) => [p.name, id]));
            const forbidden = needsAdmin(o) && !member.roles.includes('admin') ? [403] : [];
            await refused({
              label: `id ${JSON.stringify(id.slice(0, 60))}`,
              method: o.method,
              path: fillPath(o, values, raw),
              token: member.token,
              json: validBody(o),
              expect: raw ? [400, 404, ...forbidden] : [404, ...forbidden],
            });
          }),
          { numRuns: runsFor(i, targets.length, RUNS.pathIds) },
        );
      }
    },
    TIMEOUT_MS,
  );

  it(
    'refuses malformed JSON (400), bodies over the limit (413), wrong content types, charsets and encodings on every route',
    async () => {
      await watch();
      const parsesToContainer = (s: string) => {
        try {
          const v: unknown = JSON.parse(s);
          return typeof v === 'object' && v !== null;
        } catch {
          return false;
        }
      };
      const malformed = fc
        .oneof(
          fc.constantFrom(
            '{',
            '}',
            '{"a":}',
            "{'a':1}",
            '{"a":1,}',
            '[1,]',
            '{"a":1}garbage',
            '{"a":"\\x"}',
            'NaN',
            'undefined',
            'null',
            'true',
            '42',
            '"text"',
            '{"a":1',
            '{{}}',
            '\u0000',
            '{"__proto__":',
            '// c\n{}',
            '{"a":1}{"b":2}',
            '\uFEFF\uFEFF{}',
            '{"a":"\\ud800"',
            '<xml/>',
            'a=1&b=2',
          ),
          fc.string({ minLength: 1, maxLength: 200 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 50 }),
        )
        .filter((s) => s.replace(/^\uFEFF/, '') !== '' && !parsesToContainer(s.replace(/^\uFEFF/, '')));
      const oversized = fc
        .tuple(fc.integer({ min: LIMIT_BYTES + 1, max: LIMIT_BYTES * 3 }), fc.boolean())
        .map(([n, valid]) => {
          const head = '{"pad":"';
          const body = head + 'x'.repeat(n - head.length - 2) + (valid ? '"}' : '""');
          return body;
        });
      const wrongTypes = [
        'text/plain',
        'text/plain; charset=utf-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xyz',
        'application/xml',
        'text/xml',
        'text/html',
        'application/javascript',
        'application/octet-stream',
        'application/vnd.api+json',
        'application/json-patch+json',
        'application/jsonx',
      ];
      const badCharsets = ['latin1', 'iso-8859-1', 'windows-1252', 'ascii', 'ucs-2', 'utf8', 'x-made-up'];
      const badEncodings = ['gzip', 'deflate', 'br', 'compress', 'x-gzip', 'zstd', 'identity, gzip', 'gzip, gzip'];

      type Kind =
        | { kind: 'malformed'; body: string }
        | { kind: 'oversized'; body: string }
        | { kind: 'type'; type: string }
        | { kind: 'charset'; charset: string }
        | { kind: 'encoding'; encoding: string };
      const kindArb = (o: Operation): fc.Arbitrary<Kind> =>
        fc.oneof(
          malformed.map((body): Kind => ({ kind: 'malformed', body })),
          oversized.map((body): Kind => ({ kind: 'oversized', body })),
          ...(o.body
            ? [
                fc.constantFrom(...wrongTypes).map((type): Kind => ({ kind: 'type', type })),
                fc.constantFrom(...badCharsets).map((charset): Kind => ({ kind: 'charset', charset })),
                fc.constantFrom(...badEncodings).map((encoding): Kind => ({ kind: 'encoding', encoding })),
              ]
            : []),
        );
      for (const [i, o] of ops.entries()) {
        await fc.assert(
          fc.asyncProperty(kindArb(o), fc.option(memberArb()), loginHeaders, async (k, member, ipHeaders) => {
            count(o);
            // Parser errors come before authentication; a wrong content type is found after it, so send a token then.
            const who = k.kind === 'type' || k.kind === 'charset' || k.kind === 'encoding' ? (member ?? admin) : member;
            const base: Omit<HostileRequest, 'expect' | 'raw'> = {
              label: k.kind,
              method: o.method,
              path: realPath(o) + queryString(validQuery(o)),
              token: o.isPublic ? undefined : who?.token,
              headers: o.isPublic ? { ...ipHeaders } : {},
            };
            const validJson = JSON.stringify(validBody(o) ?? {});
            const throttled = o.isPublic && o.key === 'POST /auth/login' ? [429] : [];
            // The body parser runs before authentication, so without a token the service answers 400 or 413 where the
            // contract's order (401 first) would say 401; either is accepted here (see the report of this suite).
            const unauthenticated = !o.isPublic && !base.token ? [401] : [];
            switch (k.kind) {
              case 'malformed':
                return refused({
                  ...base,
                  raw: { body: k.body, contentType: 'application/json' },
                  expect: [400, ...unauthenticated],
                });
              case 'oversized':
                return refused({
                  ...base,
                  raw: { body: k.body, contentType: 'application/json' },
                  expect: [413, ...unauthenticated],
                });
              case 'type':
                // The content is a valid request in JSON: read as JSON under another type, it would be accepted.
                return refused({
                  ...base,
                  raw: { body: validJson, contentType: k.type },
                  expect: [400, 415, ...throttled],
                });
              case 'charset':
                return refused({
                  ...base,
                  raw: { body: validJson, contentType: `application/json; charset=${k.charset}` },
                  expect: [415],
                });
              case 'encoding':
                return refused({
                  ...base,
                  headers: { ...base.headers, 'Content-Encoding': k.encoding },
                  raw: { body: validJson, contentType: 'application/json' },
                  expect: [400, 415],
                });
            }
          }),
          { numRuns: runsFor(i, ops.length, RUNS.rawBodies) },
        );
      }
    },
    TIMEOUT_MS,
  );

  it(
    'answers 401 to forged, expired, tampered and malformed tokens on every route that needs one',
    async () => {
      await watch();
      // Decided by the contract, not by the document: a route that forgot @ApiBearerAuth is still tried without a token.
      const secured = ops.filter((o) => !PUBLIC_ROUTES.includes(o.key));
      type Target = { key: string; method: Method; path: string; json?: unknown };
      const targets: Target[] = [
        ...secured.map((o) => ({
          key: o.key,
          method: o.method,
          path: realPath(o) + queryString(validQuery(o)),
          json: validBody(o),
        })),
        ...UNDOCUMENTED_TOKEN_ROUTES.map((path) => ({ key: `GET ${path}`, method: 'get' as const, path })),
      ];
      const forged = forgedAuthorization(await tokenFacts());
      for (const [i, target] of targets.entries()) {
        await fc.assert(
          fc.asyncProperty(forged, async ({ label, header }) => {
            covered.set(target.key, (covered.get(target.key) ?? 0) + 1);
            // A valid body and query: were the token let through, the request would succeed and change something.
            await refused({
              label: `token: ${label}`,
              method: target.method,
              path: target.path,
              authorization: header ?? null,
              json: target.json,
              expect: [401],
            });
          }),
          { numRuns: runsFor(i, targets.length, RUNS.tokens) },
        );
      }
    },
    TIMEOUT_MS,
  );

  async function tokenFacts(): Promise<TokenFacts> {
    const pid = (await t.http.get('/partnership').auth(admin.token, { type: 'bearer' })).body.id as string;
    return { secret: t.config.jwt.secret, realToken: admin.token, sub: admin.id, pid, otherPid: otherPartnershipId };
  }

  // TypeORM drops an undefined condition, so a lookup by a missing subject would return the first active user.
  it(
    'refuses a token signed with the real secret that names no subject or has no expiry',
    async () => {
      await watch();
      for (const { label, header } of subjectlessTokens(await tokenFacts())) {
        await refused({
          label: `token: ${label}`,
          method: 'get',
          path: '/users/me',
          authorization: header,
          expect: [401],
          uncounted: true,
        });
      }
    },
    TIMEOUT_MS,
  );

  it(
    'sent 1,000 hostile requests, reaching every route of the document',
    () => {
      const summary = Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b));
      if (process.env.FAULTS_SUMMARY)
        console.log(JSON.stringify({ sent, summary, covered: Object.fromEntries(covered) }));
      expect({ sent, summary }).toEqual({ sent: 1000, summary: expect.any(Object) });
      const missing = ops.map((o) => o.key).filter((key) => !covered.get(key));
      expect(missing).toEqual([]);
      expect(
        Object.keys(summary)
          .map(Number)
          .filter((s) => s < 400 || s >= 500),
      ).toEqual([]);
    },
    TIMEOUT_MS,
  );
});

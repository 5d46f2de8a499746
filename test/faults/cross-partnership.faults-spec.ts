/**
 * Two partnerships on one deployment. Every route of the app's OpenAPI document is called by every role of
 * partnership B (and by one member holding every role) with partnership A's ids in its path, body and headers: the
 * answer is a refusal (404, 403, or 400 when the body is refused before any lookup, in the contract's order 401, 400,
 * 404, 403), never a success and never a byte of A's data. B's lists never show A's cases, users or reminders, B
 * counts working days with its own closure days, and nothing of A changes.
 *
 * A route added to the document without a way to call it here fails the first test.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { CASE_EVENT_TYPES, type CaseEventType } from '@app/cases';
import { REPORT_READERS } from '@app/reports';
import { INCIDENT, setToday, step } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { changedTables, digestDatabase, errorShapeProblem } from './support/answers';
import {
  eventPayloadSchemas,
  fetchOpenApi,
  fillPath,
  operationsOf,
  validValue,
  type Method,
  type Operation,
  type Schema,
  type OpenApiDoc,
} from './support/openapi';
import {
  byLabel,
  createPartnership,
  everyRole,
  firstPartnership,
  type Member,
  type Partnership,
} from '../support/partnerships';

/** Generous: argon2 and a thousand requests run slowly on a busy machine; the suite stays well under this alone. */
const TIMEOUT_MS = 120_000;

/** Text written into A's records, to be looked for in B's answers. */
const A_ONLY = {
  name: 'Northshire A-only Safeguarding Partnership',
  summary: 'A-ONLY-SUMMARY: found at home (test data).',
  panelReference: 'A-ONLY-PANEL-REF-77',
  rationale: 'A-ONLY-RATIONALE criteria met',
  comment: 'A-ONLY-SIGNOFF-COMMENT',
  idempotencyKey: 'a-only-idempotency-key',
  annualReportUrl: 'https://a-only.example/annual-report-A-ONLY-2025',
};
/** A Monday A closes on (B does not). */
const A_CLOSURE_DAY = '2026-03-02';

interface Call {
  label: string;
  method: Method;
  path: string;
  json?: unknown;
  headers?: Record<string, string>;
  /** The statuses this member may get. */
  expect: (m: Member) => number[];
}

const isAdmin = (m: Member) => m.roles.includes('admin');
const isLeadPartnerOrAdmin = (m: Member) => m.roles.includes('admin') || m.roles.includes('lead-partner');
const readsReports = (m: Member) => m.roles.some((role) => (REPORT_READERS as readonly string[]).includes(role));

describe("Partnership B reaches nothing of partnership A's", () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let ops: Operation[];
  let a: Partnership;
  let aMembers: Member[];
  let b: Partnership;
  let bMembers: Member[];
  let payloads: Record<CaseEventType, Schema>;
  let aCases: { id: string; reference: string; version: number; history: number }[];
  let bCaseId: string;
  let aReminderIds: string[];
  let aFailedReminderId: string;
  let bFailedReminderId: string;
  /** The SHA-256 of A's business unit's calendar feed token (the token is A's secret; the hash is all a table holds). */
  let aFeedTokenHash: string;
  /** Strings only A's records hold: ids, references, emails, names and free text. */
  let markers: string[];

  beforeAll(async () => {
    // No reminder workers: rows change only through requests (and the suite checks they do not).
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off' } });
    a = await firstPartnership(t);
    aMembers = await everyRole(t, a, 'a-only.test', [
      'business-unit',
      'subgroup-member',
      'delegated-partner (local-authority)',
    ]);
    b = await createPartnership(t, 'Southshire B Safeguarding Partnership', 'admin@b-side.test');
    bMembers = await everyRole(t, b, 'b-side.test');
    doc = await fetchOpenApi(t);
    ops = operationsOf(doc);
    payloads = eventPayloadSchemas(doc);

    const aAuth = (m: Member) => ({ Authorization: `Bearer ${m.token}` });
    await t.http
      .patch('/partnership')
      .set(aAuth(a.admin))
      .send({ name: A_ONLY.name, closureDays: [A_CLOSURE_DAY] })
      .expect(200);
    a.name = A_ONLY.name;
    const bu = byLabel(aMembers, 'business-unit');
    const subgroup = byLabel(aMembers, 'subgroup-member');
    const la = byLabel(aMembers, 'delegated-partner (local-authority)');
    setToday(t, '2026-01-06');
    const open = async (member: Member) =>
      (
        await t.http
          .post('/cases')
          .set(aAuth(member))
          .send({ ...INCIDENT, laAwareOn: '2026-01-05', summary: A_ONLY.summary })
          .expect(201)
      ).body as { id: string; reference: string };
    const moving = await open(bu);
    const waiting = await open(bu);
    const third = await open(bu);
    // A's first case moves a little way: notified, partners told (with an idempotency key), recommended, one sign-off.
    setToday(t, '2026-01-07');
    await step(t, bu.token, moving.id, 'notification.submitted', {
      submittedOn: '2026-01-07',
      panelReference: A_ONLY.panelReference,
    });
    await t.http
      .post(`/cases/${moving.id}/events`)
      .set({ ...aAuth(bu), 'Idempotency-Key': A_ONLY.idempotencyKey })
      .send({ type: 'partners.informed', informedOn: '2026-01-07' })
      .expect(200);
    await step(t, subgroup.token, moving.id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: A_ONLY.rationale,
    });
    await step(t, la.token, moving.id, 'decision.signed-off', { decision: 'agree', comment: A_ONLY.comment });
    // A's annual report (a partnership duty, with its reminders), whose address only A's answers may show.
    await t.http
      .post('/partnership/duties/annual-report')
      .set(aAuth(bu))
      .send({ publishedOn: '2025-12-31', url: A_ONLY.annualReportUrl })
      .expect(201);

    // A's business unit has a calendar feed (issue 13).
    await t.http.post('/users/me/calendar-feed').set(aAuth(bu)).expect(201);
    aFeedTokenHash = (await t.get(DataSource).query('SELECT "tokenHash" FROM calendar_feeds'))[0].tokenHash;

    // B has a case of its own (so its lists are not empty) with the same reference as A's first.
    bCaseId = (
      await t.http
        .post('/cases')
        .auth(byLabel(bMembers, 'business-unit').token, { type: 'bearer' })
        .send({ ...INCIDENT, laAwareOn: '2026-01-05' })
        .expect(201)
    ).body.id;

    const ds = t.get(DataSource);
    const remindersOf = async (pid: string) =>
      (await ds.query('SELECT id FROM reminders WHERE "partnershipId" = ? ORDER BY id', [pid])).map(
        (r: { id: string }) => r.id,
      ) as string[];
    aReminderIds = await remindersOf(a.id);
    const bReminderIds = await remindersOf(b.id);
    // One failed reminder each: an admin may retry a failed one, so a retry across partnerships would succeed.
    [aFailedReminderId, bFailedReminderId] = [aReminderIds[0], bReminderIds[0]];
    await ds.query(`UPDATE reminders SET status = 'failed', attempts = 5, "lastError" = 'test' WHERE id IN (?, ?)`, [
      aFailedReminderId,
      bFailedReminderId,
    ]);

    aCases = [];
    for (const c of [moving, waiting, third]) {
      const view = (await t.http.get(`/cases/${c.id}`).set(aAuth(bu)).expect(200)).body;
      const history = (await t.http.get(`/cases/${c.id}/history`).set(aAuth(bu)).expect(200)).body;
      aCases.push({ id: c.id, reference: c.reference, version: view.version, history: history.length });
    }
    const bReferences = new Set(
      (
        (await t.http.get('/cases').auth(byLabel(bMembers, 'business-unit').token, { type: 'bearer' })).body.items as {
          reference: string;
        }[]
      ).map((c) => c.reference),
    );
    // aMembers holds A's admin too.
    const aOnly = [
      a.id,
      A_ONLY.name,
      ...aMembers.flatMap((m) => [m.id, m.email]),
      ...aCases.map((c) => c.id),
      ...aCases.map((c) => c.reference).filter((r) => !bReferences.has(r)),
      ...aReminderIds,
      A_ONLY.summary,
      A_ONLY.panelReference,
      A_ONLY.rationale,
      A_ONLY.comment,
      A_ONLY.annualReportUrl,
    ];
    markers = [...new Set(aOnly)];
    expect(markers.some((m) => /^CSPR-/.test(m))).toBe(true);
  }, TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  });

  const validEvent = (type: CaseEventType) => ({ type, ...(validValue(doc, payloads[type]) as object) });
  const newUser = () => ({
    email: `new-${randomUUID().slice(0, 8)}@b-side.test`,
    name: 'New person',
    password: 'a long enough password',
    roles: ['business-unit'],
  });

  /**
   * How to call each route of the document as B with A's ids. `own` routes take no id: B gets its own data (or 403
   * for a role that may not), and the answer must still hold nothing of A's.
   */
  function callsFor(op: Operation): Call[] {
    const path = (values: Record<string, string>) => fillPath(op, values);
    const base = { method: op.method };
    switch (op.key) {
      case 'POST /auth/login':
        return [
          {
            ...base,
            label: "A's admin's email, wrong password",
            path: op.path,
            json: { email: a.admin.email, password: 'not the password at all' },
            expect: () => [401, 429],
          },
        ];
      case 'POST /users':
        return [
          // Emails are unique across the deployment (login needs only the address): B's admin learns one is taken.
          {
            ...base,
            label: "A's user's email",
            path: op.path,
            json: { ...newUser(), email: aMembers[0].email },
            expect: (m) => (isAdmin(m) ? [409] : [403]),
          },
          {
            ...base,
            label: "a user for A's partnership",
            path: op.path,
            json: { ...newUser(), partnershipId: a.id },
            expect: () => [400],
          },
          {
            ...base,
            label: "A's user's id",
            path: op.path,
            json: { ...newUser(), id: aMembers[1].id },
            expect: () => [400],
          },
        ];
      // These routes take no query: one naming A's partnership or user is ignored, and B gets its own data.
      case 'GET /users':
        return [
          { ...base, label: 'own list', path: op.path, expect: (m) => (isAdmin(m) ? [200] : [403]) },
          {
            ...base,
            label: "own list, asked for A's",
            path: `${op.path}?partnershipId=${a.id}`,
            expect: (m) => (isAdmin(m) ? [200] : [403]),
          },
        ];
      // A's users by id: not found, whoever asks (the lookup comes before the role check).
      case 'PATCH /users/{id}':
      case 'POST /users/{id}/password':
        return [a.admin, aMembers[1]].flatMap((m) =>
          [m.id, m.id.toUpperCase()].map((id) => ({
            ...base,
            label: `A's ${m.label}${id === m.id ? '' : ', upper case'}`,
            path: path({ id }),
            json:
              op.key === 'PATCH /users/{id}'
                ? { active: false, roles: ['scrutineer'] }
                : { password: 'taken over, long' },
            expect: () => [404],
          })),
        );
      case 'POST /users/me/password':
        return [
          {
            ...base,
            label: "own, naming A's admin",
            path: op.path,
            json: { currentPassword: 'not the password', newPassword: 'a long enough password', id: a.admin.id },
            expect: () => [400],
          },
          {
            ...base,
            label: "own, with A's admin's email as the current password",
            path: op.path,
            json: { currentPassword: a.admin.email, newPassword: 'a long enough password' },
            expect: () => [400],
          },
        ];
      case 'GET /users/me':
        return [
          { ...base, label: "own, asked for A's admin", path: `${op.path}?id=${a.admin.id}`, expect: () => [200] },
        ];
      // Issue 13: each person's own calendar feed. B's turning theirs on names A's user in the body and is refused (so
      // nothing changes); the status is B's own; turning off a feed B does not have changes nothing.
      case 'GET /users/me/calendar-feed':
        return [
          { ...base, label: "own, asked for A's admin", path: `${op.path}?userId=${a.admin.id}`, expect: () => [200] },
        ];
      case 'POST /users/me/calendar-feed':
        return [
          {
            ...base,
            label: "for A's business unit",
            path: op.path,
            json: { userId: byLabel(aMembers, 'business-unit').id },
            expect: () => [400],
          },
        ];
      case 'DELETE /users/me/calendar-feed':
        return [{ ...base, label: 'own (off)', path: op.path, json: undefined, expect: () => [204] }];
      // A's feed, by what B could know of it: its stored hash, A's ids. Only the secret opens a feed.
      case 'GET /calendar-feeds/{token}.ics':
        return [aFeedTokenHash, a.id, byLabel(aMembers, 'business-unit').id].map((token) => ({
          ...base,
          label: "A's feed by its hash or an id of A's",
          path: path({ token }),
          expect: () => [404],
        }));
      case 'GET /partnership':
        return [{ ...base, label: "own, asked for A's", path: `${op.path}?id=${a.id}`, expect: () => [200] }];
      case 'GET /health':
        return [{ ...base, label: 'public', path: op.path, expect: () => [200] }];
      // The partnership's duties and roles take no query: B gets its own; a body naming A's partnership is refused.
      case 'GET /partnership/duties':
        return [
          { ...base, label: "own, asked for A's", path: `${op.path}?partnershipId=${a.id}`, expect: () => [200] },
        ];
      case 'GET /partnership/roles':
        return [
          {
            ...base,
            label: "own, asked for A's",
            path: `${op.path}?partnershipId=${a.id}`,
            expect: (m) => (isLeadPartnerOrAdmin(m) ? [200] : [403]),
          },
        ];
      case 'POST /partnership/duties/annual-report':
        return [
          {
            ...base,
            label: "A's partnership id as partnershipId",
            path: op.path,
            json: { partnershipId: a.id, publishedOn: '2026-01-02', url: 'https://b-side.example/report' },
            expect: () => [400],
          },
        ];
      case 'POST /partnership/duties/annual-report-copies':
        return [
          {
            ...base,
            label: "A's partnership id as partnershipId",
            path: op.path,
            json: { partnershipId: a.id, sentOn: '2026-01-05' },
            expect: () => [400],
          },
        ];
      case 'PATCH /partnership':
        return [
          {
            ...base,
            label: "A's partnership id",
            path: op.path,
            json: { id: a.id, name: 'Taken over' },
            expect: () => [400],
          },
          {
            ...base,
            label: "A's partnership id as partnershipId",
            path: op.path,
            json: { partnershipId: a.id, closureDays: [] },
            expect: () => [400],
          },
        ];
      // Issue 13: the reports count the caller's partnership's cases only; a query naming A's is refused.
      case 'GET /reports/practice-reviews':
      case 'GET /reports/practice-reviews.csv':
      case 'GET /reports/practice-reviews.xlsx':
        return [
          { ...base, label: 'own figures', path: op.path, expect: (m) => (readsReports(m) ? [200] : [403]) },
          { ...base, label: "asked for A's", path: `${op.path}?partnershipId=${a.id}`, expect: () => [400] },
        ];
      case 'GET /reports/practice-reviews/cases':
        return [
          {
            ...base,
            label: 'own cases behind the notifications of this year',
            path: `${op.path}?row=notifications.serious-incident&column=whole`,
            expect: (m) => (readsReports(m) ? [200] : [403]),
          },
          {
            ...base,
            label: "asked for A's",
            path: `${op.path}?row=notifications.serious-incident&column=whole&partnershipId=${a.id}`,
            expect: () => [400],
          },
        ];
      case 'GET /calendar/working-days/add':
        return [{ ...base, label: 'own calendar', path: `${op.path}?from=2026-02-27&days=1`, expect: () => [200] }];
      case 'GET /calendar/working-days/between':
        return [
          { ...base, label: 'own calendar', path: `${op.path}?from=2026-02-27&to=2026-03-03`, expect: () => [200] },
        ];
      case 'GET /calendar/bank-holidays':
        return [{ ...base, label: 'holidays', path: `${op.path}?year=2026`, expect: () => [200] }];
      case 'POST /cases':
        return [
          {
            ...base,
            label: "a case for A's partnership",
            path: op.path,
            json: { ...INCIDENT, laAwareOn: '2026-01-05', partnershipId: a.id },
            expect: () => [400],
          },
        ];
      // Issue 12 item 6: bringing in running cases names no partnership but the caller's; naming A's is refused.
      case 'POST /cases/import':
        return [
          {
            ...base,
            label: "an imported case for A's partnership",
            path: op.path,
            json: { ...INCIDENT, laAwareOn: '2026-01-05', partnershipId: a.id, history: [] },
            expect: () => [400],
          },
          {
            ...base,
            label: "an imported event naming A's case",
            path: op.path,
            json: {
              ...INCIDENT,
              laAwareOn: '2026-01-05',
              history: [{ type: 'notification.submitted', submittedOn: '2026-01-06', caseId: aCases[0].id }],
            },
            expect: () => [400],
          },
        ];
      case 'GET /cases/import/template.csv':
        return [{ ...base, label: 'the template, the same for everyone', path: op.path, expect: () => [200] }];
      case 'POST /cases/import.csv':
        return [
          {
            ...base,
            label: "A's partnership in a body that is not a CSV file",
            path: op.path,
            json: { partnershipId: a.id },
            expect: () => [400],
          },
        ];
      case 'GET /cases':
        return [
          { ...base, label: 'own list', path: op.path, expect: () => [200] },
          {
            ...base,
            label: "A's partnership as a filter",
            path: `${op.path}?partnershipId=${a.id}`,
            expect: () => [400],
          },
        ];
      case 'GET /cases/{id}':
      case 'GET /cases/{id}/record':
      case 'GET /cases/{id}/history':
        return aCases.flatMap((c) => [
          { ...base, label: `A's case ${c.reference}`, path: path({ id: c.id }), expect: () => [404] },
          {
            ...base,
            label: `A's case ${c.reference}, upper case`,
            path: path({ id: c.id.toUpperCase() }),
            expect: () => [404],
          },
        ]);
      case 'POST /cases/{id}/events':
        // Every event type, valid, with A's version as If-Match and the Idempotency-Key A used on the same case.
        return aCases.slice(0, 2).flatMap((c) =>
          CASE_EVENT_TYPES.map((type) => ({
            ...base,
            label: `${type} on A's case ${c.reference}`,
            path: path({ id: c.id }),
            json: validEvent(type),
            headers: { 'If-Match': String(c.version), 'Idempotency-Key': A_ONLY.idempotencyKey },
            expect: () => [404],
          })),
        );
      case 'GET /admin/reminders':
        return [
          { ...base, label: 'own list', path: op.path, expect: (m) => (isAdmin(m) ? [200] : [403]) },
          { ...base, label: "A's case as a filter", path: `${op.path}?caseId=${aCases[0].id}`, expect: () => [400] },
          {
            ...base,
            label: "A's partnership as a filter",
            path: `${op.path}?status=failed&partnershipId=${a.id}`,
            expect: () => [400],
          },
        ];
      case 'POST /admin/reminders/{id}/retry':
        // Roles are checked before the lookup on admin routes, so only an admin reaches the 404.
        return [aFailedReminderId, ...aReminderIds.slice(1, 3)].map((id) => ({
          ...base,
          label: `A's reminder ${id === aFailedReminderId ? '(failed)' : ''}`,
          path: path({ id }),
          expect: (m: Member) => (isAdmin(m) ? [404] : [403]),
        }));
      default:
        return [];
    }
  }

  async function call(member: Member, c: Call): Promise<Response> {
    let r = t.http[c.method](c.path).auth(member.token, { type: 'bearer' });
    for (const [name, value] of Object.entries(c.headers ?? {})) r = r.set(name, value);
    if (c.json !== undefined) r = r.send(c.json as object);
    return r;
  }

  /** A's markers in the answer, except those the request itself carried (an email B sent is echoed back). */
  function leaks(res: Response, c: Call): string[] {
    const sent = c.path + JSON.stringify(c.json ?? {}) + JSON.stringify(c.headers ?? {});
    const text = (res.text ?? '').toLowerCase();
    return markers.filter((m) => !sent.toLowerCase().includes(m.toLowerCase()) && text.includes(m.toLowerCase()));
  }

  it(
    'knows how to call every route of the OpenAPI document',
    () => {
      const unknown = ops.filter((op) => callsFor(op).length === 0).map((op) => op.key);
      expect(unknown).toEqual([]);
      expect(ops.length).toBeGreaterThanOrEqual(17);
    },
    TIMEOUT_MS,
  );

  it(
    "finds A's ids and text in A's own answers (so their absence from B's answers means something)",
    async () => {
      const bu = byLabel(aMembers, 'business-unit');
      const texts = [
        (await t.http.get(`/cases/${aCases[0].id}`).auth(bu.token, { type: 'bearer' })).text,
        (await t.http.get(`/cases/${aCases[0].id}/record`).auth(bu.token, { type: 'bearer' })).text,
        (await t.http.get(`/cases/${aCases[0].id}/history`).auth(bu.token, { type: 'bearer' })).text,
        (await t.http.get('/cases').auth(bu.token, { type: 'bearer' })).text,
        (await t.http.get('/users').auth(a.admin.token, { type: 'bearer' })).text,
        (await t.http.get('/partnership').auth(a.admin.token, { type: 'bearer' })).text,
        (await t.http.get('/partnership/duties').auth(a.admin.token, { type: 'bearer' })).text,
      ];
      const statuses = (doc.paths['/admin/reminders'].get.parameters ?? []).find((p) => p.name === 'status')?.schema
        ?.enum as string[];
      for (const status of statuses)
        texts.push(
          (await t.http.get(`/admin/reminders?status=${status}`).auth(a.admin.token, { type: 'bearer' })).text,
        );
      const text = texts.join('\n');
      const notShown = markers.filter((m) => !text.includes(m));
      // Everything is shown to A: ids, references, emails, names, text, and the summary (in the case record).
      expect(notShown).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "refuses every route to every role of B given A's ids (404, 403 or 400; never a success), showing none of A's data",
    async () => {
      const before = await digestDatabase(t);
      const failures: string[] = [];
      let calls = 0;
      for (const op of ops) {
        for (const c of callsFor(op)) {
          for (const member of bMembers) {
            const res = await call(member, c);
            calls++;
            const expected = c.expect(member);
            const where = `${op.key} as B's ${member.label} (${c.label})`;
            if (!expected.includes(res.status))
              failures.push(
                `${where}: ${res.status}, expected ${expected.join(' or ')}: ${(res.text ?? '').slice(0, 200)}`,
              );
            if (res.status >= 300) {
              const shape = errorShapeProblem(res);
              if (shape) failures.push(`${where}: ${shape}`);
            }
            const leaked = leaks(res, c);
            if (leaked.length) failures.push(`${where}: shows A's ${leaked.join(', ')}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(changedTables(before, await digestDatabase(t))).toEqual([]);
      // Every role, every route, every event type on two of A's cases.
      expect(calls).toBeGreaterThan(bMembers.length * CASE_EVENT_TYPES.length * 2);
    },
    TIMEOUT_MS,
  );

  it(
    "lists as B never include A's cases, users or reminders, but do include B's own",
    async () => {
      const aCaseIds = new Set(aCases.map((c) => c.id));
      const stages = (doc.paths['/cases'].get.parameters ?? []).find((p) => p.name === 'stage')?.schema
        ?.enum as string[];
      const statuses = (doc.paths['/admin/reminders'].get.parameters ?? []).find((p) => p.name === 'status')?.schema
        ?.enum as string[];
      expect(stages.length).toBeGreaterThan(0);
      expect(statuses.length).toBeGreaterThan(0);
      const caseQueries = [
        '',
        '?overdue=true',
        '?overdue=false',
        '?dueWithinDays=366',
        '?dueWithinWorkingDays=260',
        '?open=true',
        '?awaitingSignOff=true',
        '?limit=200',
        ...stages.map((s) => `?stage=${s}`),
      ];
      for (const member of bMembers) {
        for (const q of caseQueries) {
          const res = await t.http.get(`/cases${q}`).auth(member.token, { type: 'bearer' }).expect(200);
          const ids = (res.body.items as { id: string }[]).map((c) => c.id);
          expect({ member: member.label, q, a: ids.filter((id) => aCaseIds.has(id)) }).toEqual({
            member: member.label,
            q,
            a: [],
          });
          expect(res.body.total).toBe(ids.length);
        }
        const all = await t.http.get('/cases').auth(member.token, { type: 'bearer' });
        // A lead reviewer and nothing else lists only the cases they review: none of B's here (issue 12 item 5).
        const onlyReviewer = member.roles.every((role) => role === 'lead-reviewer');
        expect({ member: member.label, ids: all.body.items.map((c: { id: string }) => c.id) }).toEqual({
          member: member.label,
          ids: onlyReviewer ? [] : [bCaseId],
        });
      }
      const bAdmin = b.admin;
      const users = (await t.http.get('/users').auth(bAdmin.token, { type: 'bearer' }).expect(200)).body as {
        id: string;
        email: string;
      }[];
      expect(users.map((u) => u.email).sort()).toEqual(bMembers.map((m) => m.email).sort());
      for (const status of statuses) {
        const rows = (
          await t.http.get(`/admin/reminders?status=${status}`).auth(bAdmin.token, { type: 'bearer' }).expect(200)
        ).body as { id: string; caseId: string }[];
        expect({
          status,
          a: rows.filter((r) => aReminderIds.includes(r.id) || aCaseIds.has(r.caseId)).map((r) => r.id),
        }).toEqual({ status, a: [] });
        if (status === 'failed') expect(rows.map((r) => r.id)).toEqual([bFailedReminderId]);
        if (status === 'pending') expect(rows.length).toBeGreaterThan(0);
      }
    },
    TIMEOUT_MS,
  );

  it(
    "keeps the shared queue dashboard from B's admins, and read-only for the operator's (A's) admins",
    async () => {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await t.http.get(path).auth(b.admin.token, { type: 'bearer' });
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expect(leaks(res, { label: 'dashboard', path } as Call)).toEqual([]);
      }
      const pausedByB = await t.http
        .put('/admin/queues/api/queues/reminders/pause')
        .auth(b.admin.token, { type: 'bearer' });
      expect(pausedByB.status).toBe(403);
      expect((await t.http.get('/admin/queues/api/queues').auth(a.admin.token, { type: 'bearer' })).status).toBe(200);
      const pausedByA = await t.http
        .put('/admin/queues/api/queues/reminders/pause')
        .auth(a.admin.token, { type: 'bearer' });
      expect(pausedByA.status).toBe(405);
    },
    TIMEOUT_MS,
  );

  it(
    "counts B's working days with B's closure days, not A's",
    async () => {
      const ask = (m: Member) =>
        t.http.get('/calendar/working-days/add?from=2026-02-27&days=1').auth(m.token, { type: 'bearer' }).expect(200);
      expect((await ask(byLabel(aMembers, 'business-unit'))).body.date).toBe('2026-03-03');
      for (const member of bMembers)
        expect({ member: member.label, date: (await ask(member)).body.date }).toEqual({
          member: member.label,
          date: A_CLOSURE_DAY,
        });
      const between = await t.http
        .get('/calendar/working-days/between?from=2026-02-27&to=2026-03-03')
        .auth(b.admin.token, { type: 'bearer' })
        .expect(200);
      expect(between.body.workingDays).toBe(2);
    },
    TIMEOUT_MS,
  );

  it(
    "leaves A's cases, partnership and failed reminder as they were",
    async () => {
      const bu = byLabel(aMembers, 'business-unit');
      for (const c of aCases) {
        const view = (await t.http.get(`/cases/${c.id}`).auth(bu.token, { type: 'bearer' }).expect(200)).body;
        const history = (await t.http.get(`/cases/${c.id}/history`).auth(bu.token, { type: 'bearer' }).expect(200))
          .body;
        expect({ id: c.id, version: view.version, history: history.length }).toEqual({
          id: c.id,
          version: c.version,
          history: c.history,
        });
      }
      const partnership = (await t.http.get('/partnership').auth(a.admin.token, { type: 'bearer' }).expect(200)).body;
      expect(partnership).toMatchObject({ id: a.id, name: A_ONLY.name, closureDays: [A_CLOSURE_DAY], version: 2 });
      const failed = (
        await t.http.get('/admin/reminders?status=failed').auth(a.admin.token, { type: 'bearer' }).expect(200)
      ).body;
      expect(failed.map((r: { id: string }) => r.id)).toEqual([aFailedReminderId]);
    },
    TIMEOUT_MS,
  );
});

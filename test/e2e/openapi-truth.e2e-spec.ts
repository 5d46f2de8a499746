import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { AUDIT_EVENT_TYPES, CASE_EVENT_TYPES, EVENT_PAYLOADS, knownFields, takesOccurredOn } from '@app/cases';
import { Clock, ERROR_CODES } from '@app/common';
import { CASE_STAGES, CASE_STATES, isSignOffEvent, RESTRICTED_RECORD_PARTS } from '@app/workflows';
import { ReminderReconciler } from '@app/reminders';
import { getMetadataStorage } from 'class-validator';
import { committedReminders } from '../support/reminder-helpers';
import { OpenApiChecker, type HttpMethod, type OpenApiDocument } from '../support/openapi-checker';
import { SmtpPeer } from '../support/smtp-peer';
import { ADMIN_PASSWORD, TestApp } from '../support/test-app';

/** The fields of a payload class that class-validator lets a client leave out (`@IsOptional`). */
function optionalFields(cls: new () => object): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return new Set(metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName));
}

interface Property {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  example?: unknown;
  items?: Property;
}

interface Call {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

describe('The OpenAPI document tells the truth: every answer of a whole journey fits the schema it declares', () => {
  let t: TestApp;
  let smtp: SmtpPeer;
  let doc: OpenApiDocument;
  let checker: OpenApiChecker;

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    t = await TestApp.start({
      env: { MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, REMINDER_ATTEMPTS: '2', REMINDER_BACKOFF_MS: '20' },
    });
    const res = await t.http.get('/docs-json').expect(200);
    doc = res.body as OpenApiDocument;
    checker = new OpenApiChecker(doc);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const setNow = (iso: string) => {
    t.get(Clock).now = () => new Date(iso);
  };
  const setToday = (date: string) => setNow(`${date}T10:00:00Z`);

  /** Sends a request and holds its answer (and, when it was accepted, its body) against the document. */
  async function call(method: HttpMethod, url: string, { token, body, headers = {} }: Call = {}): Promise<Response> {
    let req = t.http[method](url);
    if (token) req = req.auth(token, { type: 'bearer' });
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await (body === undefined ? req : req.send(body as object));
    checker.checkResponse(method, url, res.status, res.body, res.headers['content-type']);
    if (res.status < 300 && body !== undefined) checker.checkRequestBody(method, url, body);
    return res;
  }
  async function expectStatus(status: number, method: HttpMethod, url: string, options: Call = {}) {
    const res = await call(method, url, options);
    if (res.status !== status)
      throw new Error(`${method.toUpperCase()} ${url}: ${res.status}, expected ${status}: ${res.text}`);
    return res.body;
  }
  const event = (
    token: string,
    id: string,
    type: string,
    payload: Record<string, unknown> = {},
    headers?: Record<string, string>,
  ) => expectStatus(200, 'post', `/cases/${id}/events`, { token, body: { type, ...payload }, headers });

  it('describes every event type of the registry as its own schema, with the payload fields and required fields', () => {
    const schemas = doc.components?.schemas ?? {};
    const op = doc.paths['/cases/{id}/events']?.post;
    const body = op?.requestBody?.content?.['application/json']?.schema as
      | { oneOf?: { $ref: string }[]; discriminator?: { propertyName: string; mapping?: Record<string, string> } }
      | undefined;
    expect(body?.discriminator?.propertyName).toBe('type');
    const mapping = body?.discriminator?.mapping ?? {};
    expect(Object.keys(mapping)).toEqual([...CASE_EVENT_TYPES]);
    expect(body?.oneOf?.map((s) => s.$ref)).toEqual(CASE_EVENT_TYPES.map((type) => mapping[type]));
    for (const type of CASE_EVENT_TYPES) {
      const cls = EVENT_PAYLOADS[type];
      const schema = schemas[mapping[type].replace('#/components/schemas/', '')] as
        { properties?: Record<string, { enum?: unknown[] }>; required?: string[] } | undefined;
      // Item 6: the envelope fields the event takes are in its schema too (all optional).
      const envelope = [
        ...(takesOccurredOn(type) ? ['occurredOn'] : []),
        ...(isSignOffEvent(type) ? ['onBehalfOf', 'delegationReason'] : []),
      ];
      const fields = [...knownFields(cls)];
      const optional = optionalFields(cls);
      expect({ type, properties: Object.keys(schema?.properties ?? {}).sort() }).toEqual({
        type,
        properties: ['type', ...fields, ...envelope].sort(),
      });
      expect({ type, required: [...(schema?.required ?? [])].sort() }).toEqual({
        type,
        required: ['type', ...fields.filter((f) => !optional.has(f))].sort(),
      });
      expect(schema?.properties?.type?.enum).toEqual([type]);
    }
  });

  it('answers a whole journey, errors included, with bodies the document declares for each route and status', async () => {
    // Access: the first admin, then one user of each kind the journey needs.
    setNow('2026-01-05T08:00:00Z');
    const admin = (
      await expectStatus(200, 'post', '/auth/login', {
        body: { email: 'admin@partnership.test', password: ADMIN_PASSWORD },
      })
    ).accessToken;
    const users: Record<string, string> = {};
    const member = async (key: string, roles: string[], agency?: string) => {
      const password = `pw-${randomUUID()}`;
      const email = `${key}@truth.test`;
      await expectStatus(201, 'post', '/users', {
        token: admin,
        body: { email, name: `User ${key}`, password, roles, ...(agency ? { agency } : {}) },
      });
      users[key] = (await expectStatus(200, 'post', '/auth/login', { body: { email, password } })).accessToken;
      return users[key];
    };
    const bu = await member('bu', ['business-unit']);
    const subgroup = await member('subgroup', ['subgroup-member']);
    const la = await member('la', ['delegated-partner'], 'local-authority');
    const police = await member('police', ['delegated-partner'], 'police');
    const health = await member('health', ['delegated-partner'], 'health');
    const scrutineer = await member('scrutineer', ['scrutineer']);
    const partners = [la, police, health];
    for (const token of [admin, bu, la, scrutineer]) await expectStatus(200, 'get', '/users/me', { token });
    await expectStatus(200, 'get', '/users', { token: admin });
    // Changing a user, resetting their password, and changing one's own.
    const adminId = (await expectStatus(200, 'get', '/users/me', { token: admin })).id as string;
    const scrutineerId = (await expectStatus(200, 'get', '/users/me', { token: scrutineer })).id as string;
    await expectStatus(200, 'patch', `/users/${scrutineerId}`, { token: admin, body: { name: 'Scrutineer, renamed' } });
    await expectStatus(204, 'post', `/users/${scrutineerId}/password`, {
      token: admin,
      body: { password: 'a password set by the admin' },
    });
    await expectStatus(204, 'post', '/users/me/password', {
      token: scrutineer,
      body: { currentPassword: 'a password set by the admin', newPassword: 'a password of my own choosing' },
    });
    await expectStatus(400, 'post', '/users/me/password', {
      token: scrutineer,
      body: { currentPassword: 'not it', newPassword: 'a password of my own choosing' },
    });
    await expectStatus(409, 'patch', `/users/${adminId}`, { token: admin, body: { active: false } });
    await expectStatus(404, 'patch', `/users/${randomUUID()}`, { token: admin, body: { active: false } });
    await expectStatus(403, 'patch', `/users/${scrutineerId}`, { token: bu, body: { active: false } });
    await expectStatus(404, 'post', `/users/${randomUUID()}/password`, {
      token: admin,
      body: { password: 'a password set by the admin' },
    });
    await expectStatus(200, 'get', '/partnership', { token: bu });
    await expectStatus(200, 'patch', '/partnership', {
      token: admin,
      body: {
        closureDays: ['2026-12-24'],
        reminderOffsets: [-5, -2, -1, 0, 1, 2, 5],
        ruleOverrides: [
          { rule: 'rapid-review', anchor: 'notificationSubmittedOn', reason: 'Panel guidance June 2025' },
        ],
      },
    });

    // Failed reminders: every mail refused until each attempt of the first warnings is spent.
    smtp.refuseNext = 1_000_000;
    const reminderCase = await expectStatus(201, 'post', '/cases', { token: bu, body: incident('2026-01-05') });
    setNow('2026-01-05T09:00:01Z');
    await t.get(ReminderReconciler).run();
    // Committed rows only, as the admin list below reads them.
    const reminders = committedReminders(t);
    const deadline = Date.now() + 15_000;
    while ((await reminders.countBy({ caseId: reminderCase.id, status: 'failed' })) === 0) {
      if (Date.now() > deadline) throw new Error('no reminder failed');
      await new Promise((r) => setTimeout(r, 50));
    }
    const failed = await expectStatus(200, 'get', '/admin/reminders', { token: admin });
    expect(failed.length).toBeGreaterThan(0);
    await expectStatus(200, 'get', '/admin/reminders?status=cancelled', { token: admin });
    await expectStatus(200, 'get', '/health');
    smtp.refuseNext = 0;
    await expectStatus(200, 'post', `/admin/reminders/${failed[0].id}/retry`, { token: admin });
    await expectStatus(422, 'post', `/admin/reminders/${failed[0].id}/retry`, { token: admin });
    await expectStatus(404, 'post', `/admin/reminders/${randomUUID()}/retry`, { token: admin });
    await expectStatus(403, 'get', '/admin/reminders', { token: bu });

    // The partnership's own duties (the annual report and its copies) and who holds which role.
    await expectStatus(200, 'get', '/partnership/duties', { token: scrutineer });
    const annualReport = { publishedOn: '2025-09-30', url: 'https://partnership.test/annual-report-2025' };
    await expectStatus(422, 'post', '/partnership/duties/annual-report-copies', {
      token: bu,
      body: { sentOn: '2025-10-01' },
    });
    await expectStatus(400, 'post', '/partnership/duties/annual-report', { token: bu, body: { publishedOn: 'soon' } });
    await expectStatus(403, 'post', '/partnership/duties/annual-report', { token: admin, body: annualReport });
    await expectStatus(201, 'post', '/partnership/duties/annual-report', { token: bu, body: annualReport });
    await expectStatus(422, 'post', '/partnership/duties/annual-report', { token: bu, body: annualReport });
    await expectStatus(201, 'post', '/partnership/duties/annual-report-copies', {
      token: bu,
      body: { sentOn: '2025-10-02' },
    });
    await expectStatus(200, 'get', '/partnership/duties', { token: bu });
    await expectStatus(200, 'get', '/partnership/roles', { token: admin });
    await expectStatus(403, 'get', '/partnership/roles', { token: bu });

    // An LCSPR case through every stage to closure, with a dispute, a pause and a delayed publication.
    setToday('2026-01-06');
    const opened = await expectStatus(201, 'post', '/cases', { token: bu, body: incident('2026-01-05') });
    const id = opened.id as string;
    await expectStatus(409, 'post', `/cases/${id}/events`, {
      token: bu,
      body: { type: 'rapid-review.submitted', submittedOn: '2026-01-06' },
    });
    await expectStatus(409, 'post', `/cases/${id}/events`, {
      token: bu,
      body: { type: 'partners.informed', informedOn: '2026-01-06' },
      headers: { 'If-Match': '99' },
    });
    setToday('2026-01-07');
    const key = { 'Idempotency-Key': `truth-${randomUUID()}` };
    await event(bu, id, 'notification.submitted', { submittedOn: '2026-01-07', panelReference: 'CSPRP-1' }, key);
    await event(bu, id, 'notification.submitted', { submittedOn: '2026-01-07', panelReference: 'CSPRP-1' }, key);
    await event(bu, id, 'partners.informed', { informedOn: '2026-01-07' }, { 'If-Match': '2' });
    await event(subgroup, id, 'agency-return.received', { agency: 'police' });
    await event(subgroup, id, 'rapid-review.meeting-held', { heldOn: '2026-01-07' });
    await event(subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met (test).',
    });
    setToday('2026-01-08');
    await event(la, id, 'decision.signed-off', { decision: 'agree', comment: 'Agreed' });
    await expectStatus(422, 'post', `/cases/${id}/events`, {
      token: la,
      body: { type: 'decision.signed-off', decision: 'agree' },
    });
    await event(police, id, 'decision.signed-off', { decision: 'disagree' });
    await event(subgroup, id, 'decision.escalated', { note: 'To lead partners' });
    await event(subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Second round (test).',
    });
    for (const partner of partners) await event(partner, id, 'decision.signed-off', { decision: 'agree' });
    await event(bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-08' });
    setToday('2026-01-20');
    await event(bu, id, 'panel.responded', { response: 'agrees', respondedOn: '2026-01-20', comment: 'Proceed' });
    await event(subgroup, id, 'lcspr.reviewer-appointed', { reviewerName: 'A. Reviewer', independent: true });
    await event(subgroup, id, 'lcspr.terms-agreed', { agreedOn: '2026-01-20' });
    await event(subgroup, id, 'lcspr.methodology-agreed', { agreedOn: '2026-01-20' });
    setToday('2026-03-02');
    await event(subgroup, id, 'lcspr.paused', { reason: 'inquest', detail: 'Inquest listed (test).' });
    setToday('2026-03-12');
    await event(subgroup, id, 'lcspr.resumed', { resumedOn: '2026-03-12' });
    setToday('2026-06-01');
    await event(subgroup, id, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
    for (const partner of partners) await event(partner, id, 'lcspr.final-report-signed-off', { decision: 'agree' });
    await event(bu, id, 'publication.scheduled', { plannedOn: '2026-07-15' });
    setToday('2026-07-01');
    await event(bu, id, 'publication.delayed', { reason: 'Trial (test).', newPlannedOn: '2026-07-20' });
    await event(bu, id, 'publication.panel-informed', { informedOn: '2026-07-01' });
    await event(bu, id, 'publication.report-sent', { sentOn: '2026-07-01' });
    setToday('2026-07-20');
    await event(bu, id, 'publication.published', {
      publishedOn: '2026-07-20',
      url: 'https://partnership.test/reports/1',
    });
    await event(subgroup, id, 'action.added', {
      actionId: 'A-1',
      description: 'Training (test).',
      owner: 'Head of service',
      dueOn: '2026-09-01',
    });
    await expectStatus(422, 'post', `/cases/${id}/events`, { token: subgroup, body: { type: 'case.closed' } });
    await event(subgroup, id, 'action.completed', { actionId: 'A-1', completedOn: '2026-07-20' });
    await event(subgroup, id, 'case.closed');

    // Item 6: running cases brought in, from JSON and from the CSV template's example row.
    const template = await call('get', '/cases/import/template.csv', { token: bu });
    expect(template.status).toBe(200);
    await expectStatus(201, 'post', '/cases/import.csv', {
      token: bu,
      body: template.text,
      headers: { 'Content-Type': 'text/csv' },
    });
    await expectStatus(201, 'post', '/cases/import', {
      token: bu,
      body: { ...incident('2026-07-13'), history: [{ type: 'notification.submitted', submittedOn: '2026-07-14' }] },
    });

    // The other ways out: a withdrawn notification; a national review; a withheld publication.
    const withdrawn = await expectStatus(201, 'post', '/cases', { token: bu, body: incident('2026-07-15') });
    await event(bu, withdrawn.id, 'notification.withdrawn', { reason: 'Criteria not met (test).' });
    const national = await toPanel(
      await expectStatus(201, 'post', '/cases', { token: bu, body: incident('2026-07-13') }),
    );
    await event(bu, national, 'panel.responded', { response: 'national-review', respondedOn: '2026-07-20' });
    await event(bu, national, 'national-review.published', { publishedOn: '2026-07-20' });
    const withheld = await toPanel(
      await expectStatus(201, 'post', '/cases', { token: bu, body: incident('2026-07-13') }),
    );
    await event(bu, withheld, 'panel.responded', { response: 'agrees', respondedOn: '2026-07-20' });
    await event(subgroup, withheld, 'lcspr.draft-received', { receivedOn: '2026-07-20' });
    for (const partner of partners)
      await event(partner, withheld, 'lcspr.final-report-signed-off', { decision: 'agree' });
    await event(bu, withheld, 'publication.scheduled', { plannedOn: '2026-09-01' });
    await event(bu, withheld, 'publication.withheld', { reason: 'Risk to a sibling (test).' });
    await event(bu, withheld, 'publication.panel-informed', { informedOn: '2026-07-20' });

    async function toPanel(view: { id: string }): Promise<string> {
      await event(bu, view.id, 'notification.submitted', { submittedOn: '2026-07-20' });
      await event(subgroup, view.id, 'rapid-review.recommended', {
        recommendation: 'lcspr',
        rationale: 'Criteria met (test).',
      });
      for (const partner of partners) await event(partner, view.id, 'decision.signed-off', { decision: 'agree' });
      await event(bu, view.id, 'rapid-review.submitted', { submittedOn: '2026-07-20' });
      return view.id;
    }

    // Issue 13: a calendar feed, turned on, read without a token, replaced (the old address 404) and turned off.
    expect(await expectStatus(200, 'get', '/users/me/calendar-feed', { token: bu })).toEqual({ active: false });
    const feedPath = (url: string) => new URL(url).pathname;
    const firstFeed = feedPath((await expectStatus(201, 'post', '/users/me/calendar-feed', { token: bu })).url);
    await expectStatus(400, 'post', '/users/me/calendar-feed', { token: bu, body: { userId: id } });
    await expectStatus(403, 'post', '/users/me/calendar-feed', { token: admin, body: {} });
    await expectStatus(200, 'get', firstFeed);
    const secondFeed = feedPath(
      (await expectStatus(201, 'post', '/users/me/calendar-feed', { token: bu, body: {} })).url,
    );
    await expectStatus(404, 'get', firstFeed);
    await expectStatus(200, 'get', secondFeed);
    await expectStatus(200, 'get', '/users/me/calendar-feed', { token: bu });
    await expectStatus(204, 'delete', '/users/me/calendar-feed', { token: bu });
    await expectStatus(404, 'get', secondFeed);

    // Reading: one case, its whole record (in full, and without the children and summary), its history, lists with
    // each filter.
    for (const caseId of [id, withdrawn.id, national, withheld]) {
      await expectStatus(200, 'get', `/cases/${caseId}`, { token: scrutineer });
      const record = await expectStatus(200, 'get', `/cases/${caseId}/record`, { token: scrutineer });
      expect(record.restricted).toEqual([]);
      expect((await expectStatus(200, 'get', `/cases/${caseId}/record`, { token: admin })).restricted).toEqual([
        'children',
        'summary',
      ]);
      await expectStatus(200, 'get', `/cases/${caseId}/history`, { token: scrutineer });
    }
    for (const query of ['', '?stage=learning', '?overdue=true', '?dueWithinDays=60&limit=2&offset=1']) {
      await expectStatus(200, 'get', `/cases${query}`, { token: scrutineer });
    }

    // The calendar.
    await expectStatus(200, 'get', '/calendar/working-days/add?from=2026-12-18&days=5', { token: bu });
    await expectStatus(200, 'get', '/calendar/working-days/between?from=2026-12-18&to=2027-01-04', { token: bu });
    await expectStatus(200, 'get', '/calendar/bank-holidays?year=2026', { token: bu });

    // Issue 13: the reports (the current financial year, and any two days), the cases behind a cell, refusals.
    await expectStatus(200, 'get', '/reports/practice-reviews', { token: scrutineer });
    const report = await expectStatus(200, 'get', '/reports/practice-reviews?from=2026-07-01&to=2026-09-30', {
      token: bu,
    });
    expect(report.columns.map((column: { key: string }) => column.key)).toEqual(['2026-27-q2', 'whole']);
    await expectStatus(200, 'get', '/reports/practice-reviews/cases?row=notifications.serious-incident&column=whole', {
      token: bu,
    });
    await expectStatus(200, 'get', '/reports/practice-reviews.csv?year=2026', { token: scrutineer });
    await expectStatus(200, 'get', '/reports/practice-reviews.xlsx?from=2026-07-01&to=2026-09-30', { token: bu });
    await expectStatus(400, 'get', '/reports/practice-reviews.csv?from=2026-07-01', { token: bu });
    await expectStatus(400, 'get', '/reports/practice-reviews?year=2026&from=2026-04-01', { token: bu });
    await expectStatus(400, 'get', '/reports/practice-reviews/cases?row=no-such-row&column=whole', { token: bu });
    await expectStatus(403, 'get', '/reports/practice-reviews', { token: admin });

    // Refusals, one of each kind, on routes of every area.
    await expectStatus(401, 'get', '/cases');
    await expectStatus(401, 'get', '/users/me', { token: 'not-a-token' });
    await expectStatus(401, 'post', '/auth/login', {
      body: { email: 'admin@partnership.test', password: 'wrong password' },
    });
    await expectStatus(400, 'post', '/cases', { token: bu, body: { ...incident('2026-02-30'), childName: 'refused' } });
    await expectStatus(400, 'post', `/cases/${id}/events`, { token: bu, body: { type: 'no.such-event' } });
    await expectStatus(400, 'post', `/cases/${id}/events`, {
      token: bu,
      body: { type: 'publication.scheduled', plannedOn: 'soon' },
    });
    await expectStatus(400, 'post', '/users', { token: admin, body: { email: 'x@truth.test' } });
    await expectStatus(400, 'patch', '/partnership', { token: admin, body: { closureDays: ['2026-02-30'] } });
    await expectStatus(400, 'get', '/cases?stage=nowhere', { token: bu });
    await expectStatus(400, 'get', '/calendar/working-days/add?from=2026-01-01&days=many', { token: bu });
    await expectStatus(400, 'get', '/admin/reminders?status=lost', { token: admin });
    await expectStatus(400, 'post', '/auth/login', { body: { email: 'admin@partnership.test' } });
    await expectStatus(404, 'get', `/cases/${randomUUID()}`, { token: bu });
    await expectStatus(404, 'get', '/cases/not-a-uuid/history', { token: bu });
    await expectStatus(404, 'get', `/cases/${randomUUID()}/record`, { token: bu });
    await expectStatus(404, 'post', `/cases/${randomUUID()}/events`, { token: bu, body: { type: 'case.closed' } });
    await expectStatus(403, 'post', `/cases/${withheld}/events`, {
      token: scrutineer,
      body: { type: 'action.added', actionId: 'B', description: 'x', owner: 'y', dueOn: '2026-09-01' },
    });
    await expectStatus(403, 'post', '/cases', { token: scrutineer, body: incident('2026-07-20') });
    await expectStatus(403, 'post', '/users', {
      token: bu,
      body: { email: 'y@truth.test', name: 'Y', password: 'pw-long-enough', roles: ['scrutineer'] },
    });
    await expectStatus(403, 'patch', '/partnership', { token: bu, body: { name: 'Renamed' } });
    await expectStatus(403, 'get', '/users', { token: bu });
    await expectStatus(409, 'post', '/users', {
      token: admin,
      body: { email: 'bu@truth.test', name: 'Again', password: 'pw-long-enough', roles: ['scrutineer'] },
    });
    await expectStatus(409, 'post', `/cases/${id}/events`, { token: subgroup, body: { type: 'case.closed' } });
    // Logins are limited per address: the eleventh in a minute from one address is refused.
    let throttled: Response | undefined;
    for (let i = 0; i < 12 && !throttled; i++) {
      const res = await call('post', '/auth/login', {
        body: { email: 'nobody@truth.test', password: 'wrong' },
        headers: { 'X-Forwarded-For': '203.0.113.9' },
      });
      if (res.status === 429) throttled = res;
    }
    expect(throttled?.status).toBe(429);

    // Every route answered with success at least once, every kind of refusal seen, and nothing contradicts the document.
    const succeeded = new Set(
      [...checker.answered].filter((a) => /\s2\d\d$/.test(a)).map((a) => a.replace(/\s\d+$/, '')),
    );
    expect(
      checker
        .allOperations()
        .map((o) => o.key)
        .filter((k) => !succeeded.has(k)),
    ).toEqual([]);
    const statuses = new Set([...checker.answered].map((a) => Number(a.split(' ').at(-1))));
    expect([400, 401, 403, 404, 409, 422, 429].filter((s) => !statuses.has(s))).toEqual([]);
    expect(checker.problems).toEqual([]);
  }, 120_000);

  it('types stages, states, event types and error codes from their single lists, and gives every date its format', () => {
    const schemas = (doc.components?.schemas ?? {}) as Record<string, { properties?: Record<string, Property> }>;
    const prop = (schema: string, name: string) => schemas[schema]?.properties?.[name] ?? {};
    expect(prop('CaseView', 'stage').enum).toEqual([...CASE_STAGES]);
    expect(prop('CaseView', 'state').enum).toEqual([...CASE_STATES]);
    expect(prop('CaseView', 'allowedEvents').items?.enum).toEqual([...CASE_EVENT_TYPES]);
    expect(prop('AuditEventView', 'type').enum).toEqual([...AUDIT_EVENT_TYPES]);
    expect(prop('AuditEventView', 'from')).toMatchObject({ nullable: true, enum: [...CASE_STATES, null] });
    expect(prop('AuditEventView', 'to').enum).toEqual([...CASE_STATES]);
    expect(prop('CaseRecordView', 'stage').enum).toEqual([...CASE_STAGES]);
    expect(prop('CaseRecordView', 'state').enum).toEqual([...CASE_STATES]);
    expect(prop('CaseRecordView', 'restricted').items?.enum).toEqual([...RESTRICTED_RECORD_PARTS]);
    expect(prop('ErrorResponse', 'code').enum).toEqual([...ERROR_CODES]);
    expect(doc.paths['/cases']?.get?.parameters?.find((p) => p.name === 'stage')?.schema?.enum).toEqual([
      ...CASE_STAGES,
    ]);

    // A date-only value (named ...On, or shown as YYYY-MM-DD) is `format: date`; an instant (named ...At) `date-time`.
    const missing: string[] = [];
    const checkDate = (where: string, name: string, p: Property) => {
      const s = p.type === 'array' && p.items ? p.items : p;
      if (s.type !== 'string' || (name === 'at' && s.format === 'date-time')) return;
      const example = Array.isArray(p.example) ? p.example[0] : p.example;
      if (
        (/On$/.test(name) || (typeof example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(example))) &&
        s.format !== 'date'
      )
        missing.push(`${where}.${name}: date`);
      if (/At$/.test(name) && s.format !== 'date-time') missing.push(`${where}.${name}: date-time`);
    };
    for (const [schema, { properties = {} }] of Object.entries(schemas)) {
      for (const [name, p] of Object.entries(properties)) checkDate(schema, name, p);
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const param of item.get?.parameters ?? [])
        checkDate(`GET ${path}?`, param.name, { ...param.schema, example: param.example ?? param.schema?.example });
    }
    expect(missing).toEqual([]);
  });

  it('declares 401 on every route that needs a token', () => {
    const missing = checker
      .allOperations()
      .filter((o) => (o.object.security ?? []).length > 0 && !o.object.responses?.['401'])
      .map((o) => o.key);
    expect(missing).toEqual([]);
  });
});

function incident(laAwareOn: string) {
  return {
    laAwareOn,
    incidentOn: laAwareOn,
    incidentType: 'serious-harm',
    abuseOrNeglect: 'suspected',
    lookedAfter: false,
    children: [{ ageYears: 4, sex: 'female', ethnicity: 'White British' }],
    summary: 'What happened (test data).',
  };
}

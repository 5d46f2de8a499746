import { IntegrityChecker } from '@app/cases';
/**
 * Issue 12 item 6 through HTTP: acts dated the day they happened, a sign-off recorded on a partner's behalf, a
 * corrected aware date moving its clocks, and running cases brought in with their history (JSON and CSV).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { DeadlineEntity } from '@app/cases';
import { ReminderEntity } from '@app/reminders';
import { TestApp } from '../support/test-app';
import { deadline, INCIDENT, makeTeam, openCase, sendEvent, setToday, step, Team } from '../support/case-helpers';
import { csrfTokenOf, pageClient, signInThroughForm } from '../support/page-session';

describe('Acts honestly dated: sign-offs on a partner’s behalf, corrections and imports', () => {
  let t: TestApp;
  let team: Team;
  /** A browser's session of the business unit (signed in once: sign-ins are limited to ten a minute). */
  let client: ReturnType<typeof pageClient>;
  const BU_EMAIL = 'bu-pages@partnership.test';
  const BU_PASSWORD = 'a long enough password for pages';

  beforeAll(async () => {
    // The pages' session cookie is Secure on https: this client speaks http.
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
    team = await makeTeam(t);
    const res = await t.http
      .post('/users')
      .auth(team.admin, { type: 'bearer' })
      .send({ email: BU_EMAIL, name: 'Bea Business', password: BU_PASSWORD, roles: ['business-unit'] });
    expect(res.status).toBe(201);
    client = pageClient(t);
    expect((await signInThroughForm(client, BU_EMAIL, BU_PASSWORD)).status).toBe(303);
  }, 60_000);
  afterAll(() => t.close());

  const history = async (id: string) =>
    (await t.http.get(`/cases/${id}/history`).auth(team.bu, { type: 'bearer' }).expect(200)).body;
  const record = async (id: string) =>
    (await t.http.get(`/cases/${id}/record`).auth(team.bu, { type: 'bearer' }).expect(200)).body;

  async function atDecision(): Promise<string> {
    setToday(t, '2026-01-06');
    const { id } = await openCase(t, team.bu);
    setToday(t, '2026-01-07');
    await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-07' });
    setToday(t, '2026-01-15');
    await step(t, team.subgroup, id, 'rapid-review.meeting-held', { heldOn: '2026-01-14' });
    await step(t, team.subgroup, id, 'rapid-review.recommended', { recommendation: 'no-lcspr', rationale: 'Test.' });
    return id;
  }

  it('a sign-off recorded on a partner’s behalf: the record and the history show it', async () => {
    const id = await atDecision();
    setToday(t, '2026-01-22');
    const reason = 'Delegation by exception: agreed at the partners meeting';
    // Who may record it, and with what.
    expect(
      (
        await sendEvent(t, team.subgroup, id, 'decision.signed-off', {
          decision: 'agree',
          onBehalfOf: 'police',
          delegationReason: reason,
        })
      ).status,
    ).toBe(403);
    const halfGiven = await sendEvent(t, team.bu, id, 'decision.signed-off', {
      decision: 'agree',
      onBehalfOf: 'police',
    });
    expect(halfGiven.status).toBe(400);
    expect(halfGiven.body.details).toEqual([
      { field: 'delegationReason', messages: ['delegationReason is required with onBehalfOf'] },
    ]);
    const early = await sendEvent(t, team.bu, id, 'decision.signed-off', {
      decision: 'agree',
      onBehalfOf: 'police',
      delegationReason: reason,
      occurredOn: '2026-01-14',
    });
    expect(early.status).toBe(422);
    expect(early.body.message).toBe(
      'occurredOn (2026-01-14) cannot be before the recommendation it signs (2026-01-15)',
    );

    const view = await step(t, team.bu, id, 'decision.signed-off', {
      decision: 'agree',
      onBehalfOf: 'police',
      delegationReason: reason,
      occurredOn: '2026-01-20',
    });
    expect(view.signOffs).toEqual([{ agency: 'police', decision: 'agree', by: 'bu', at: '2026-01-20' }]);
    // The police sign once per round: their own partner is now refused, and no longer awaited.
    expect((await sendEvent(t, team.police, id, 'decision.signed-off', { decision: 'agree' })).status).toBe(422);
    const awaited = await t.http.get('/cases?awaitingSignOff=true').auth(team.police, { type: 'bearer' }).expect(200);
    expect(awaited.body.items.map((c: { id: string }) => c.id)).not.toContain(id);

    const round = (await record(id)).decision.rounds[0];
    expect(round.signOffs[0]).toMatchObject({
      agency: 'police',
      by: 'bu',
      signedOn: '2026-01-20',
      onBehalf: { reason },
    });
    expect(round.notSignedBy).toEqual(['local-authority', 'health']);
    const signed = (await history(id)).at(-1);
    expect(signed).toMatchObject({
      type: 'decision.signed-off',
      occurredOn: '2026-01-20',
      actor: { name: 'bu', roles: ['business-unit'] },
      payload: { decision: 'agree', onBehalfOf: 'police', delegationReason: reason },
    });
    expect(signed.recordedAt).toBe(signed.at);
    expect(signed.at.slice(0, 10)).toBe('2026-01-22');
    expect(signed.payload).not.toHaveProperty('occurredOn');

    // The case page shows it, on the sign-off panel and in the timeline.
    const page = await client.get(`/case/${id}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain(`Recorded by bu on behalf of Police’s delegated partner: ${reason}`);
    expect(page.text).toContain('Happened 20 January 2026, recorded 22 January 2026');
  });

  it('a corrected aware date moving its clocks: deadlines and reminder rows move, the history keeps both dates', async () => {
    setToday(t, '2026-01-06');
    const { id } = await openCase(t, team.bu, '2026-01-05');
    const dataSource = t.get(DataSource);
    const dueOf = async (rule: string) =>
      (await dataSource.getRepository(DeadlineEntity).findOneByOrFail({ caseId: id, rule })).dueOn;
    const liveReminderDueDates = async (rule: string) => [
      ...new Set(
        (await dataSource.getRepository(ReminderEntity).findBy({ caseId: id, rule, status: 'pending' })).map(
          (r) => r.dueOn,
        ),
      ),
    ];
    // 5 working days after Monday 5 January 2026 is Monday 12 January; 15 after it Monday 26 January.
    expect(await dueOf('notify-panel')).toBe('2026-01-12');
    expect(await dueOf('rapid-review')).toBe('2026-01-26');
    expect(await liveReminderDueDates('notify-panel')).toEqual(['2026-01-12']);

    const refused = await sendEvent(t, team.bu, id, 'fact.corrected', {
      fact: 'laAwareOn',
      value: '2026-01-02',
      reason: 'The referral came in on Friday 2 January.',
      occurredOn: '2026-01-05',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      {
        field: 'occurredOn',
        messages: ['occurredOn is not taken by fact.corrected: it is dated the day it is recorded'],
      },
    ]);
    expect(
      (await sendEvent(t, team.bu, id, 'fact.corrected', { fact: 'laAwareOn', value: '2026-01-02', reason: 'r' }))
        .status,
    ).toBe(
      422, // before the incident (3 January 2026)
    );
    await step(t, team.bu, id, 'fact.corrected', {
      fact: 'incidentOn',
      value: '2026-01-01',
      reason: 'The injury was on New Year’s Day.',
    });
    const view = await step(t, team.bu, id, 'fact.corrected', {
      fact: 'laAwareOn',
      value: '2026-01-02',
      reason: 'The referral came in on Friday 2 January.',
    });
    // From Friday 2 January 2026: 5 working days is Friday 9 January, 15 is Friday 23 January.
    expect(deadline(view, 'notify-panel')).toMatchObject({ startedOn: '2026-01-02', dueOn: '2026-01-09' });
    expect(deadline(view, 'inform-partners')).toMatchObject({ startedOn: '2026-01-02', dueOn: '2026-01-09' });
    expect(deadline(view, 'rapid-review')).toMatchObject({ startedOn: '2026-01-02', dueOn: '2026-01-23' });
    expect(await dueOf('notify-panel')).toBe('2026-01-09');
    expect(await dueOf('rapid-review')).toBe('2026-01-23');
    expect(await liveReminderDueDates('notify-panel')).toEqual(['2026-01-09']);
    expect(await liveReminderDueDates('rapid-review')).toEqual(['2026-01-23']);

    const rec = await record(id);
    expect(rec.notification.laAwareOn).toBe('2026-01-02');
    expect(rec.incident.incidentOn).toBe('2026-01-01');
    expect(rec.corrections.map((c: Record<string, string>) => [c.fact, c.from, c.to, c.correctedOn])).toEqual([
      ['incidentOn', '2026-01-03', '2026-01-01', '2026-01-06'],
      ['laAwareOn', '2026-01-05', '2026-01-02', '2026-01-06'],
    ]);
    const corrected = (await history(id)).at(-1);
    expect(corrected).toMatchObject({
      type: 'fact.corrected',
      occurredOn: '2026-01-06',
      payload: {
        fact: 'laAwareOn',
        value: '2026-01-02',
        from: '2026-01-05',
        to: '2026-01-02',
        reason: 'The referral came in on Friday 2 January.',
      },
    });
    // The opening keeps the date it was opened with.
    expect((await history(id))[0].payload).toEqual({ laAwareOn: '2026-01-05' });
  });

  const imported = (laAwareOn = '2026-01-05') => ({
    ...INCIDENT,
    laAwareOn,
    history: [
      {
        type: 'notification.submitted',
        submittedOn: '2026-01-07',
        actor: { name: 'Former officer', role: 'business-unit' },
      },
      { type: 'partners.informed', informedOn: '2026-01-07' },
      { type: 'rapid-review.meeting-held', heldOn: '2026-01-14' },
      {
        type: 'rapid-review.recommended',
        recommendation: 'no-lcspr',
        rationale: 'No new learning.',
        occurredOn: '2026-01-15',
      },
      {
        type: 'decision.signed-off',
        decision: 'agree',
        occurredOn: '2026-01-19',
        actor: { name: 'Dee DCS', role: 'delegated-partner', agency: 'local-authority' },
      },
      { type: 'decision.signed-off', decision: 'agree', occurredOn: '2026-01-19', onBehalfOf: 'police' },
      {
        type: 'decision.signed-off',
        decision: 'agree',
        occurredOn: '2026-01-20',
        actor: { name: 'Nia Nurse', agency: 'health' },
      },
      { type: 'rapid-review.submitted', submittedOn: '2026-01-21' },
    ],
  });

  it('an imported case finishing its journey: brought in at the Panel’s response, then closed through normal events', async () => {
    setToday(t, '2026-02-02');
    const refusedBySubgroup = await t.http
      .post('/cases/import')
      .auth(team.subgroup, { type: 'bearer' })
      .send(imported());
    expect(refusedBySubgroup.status).toBe(403);
    const bad = imported();
    (bad.history[2] as Record<string, unknown>).heldOn = '2026-02-30';
    delete (bad.history[3] as Record<string, unknown>).occurredOn;
    const invalid = await t.http.post('/cases/import').auth(team.bu, { type: 'bearer' }).send(bad);
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field)).toEqual([
      'history[2].heldOn',
      'history[3].occurredOn',
    ]);
    const outOfTurn = imported();
    outOfTurn.history.splice(3, 1); // no recommendation: nothing to sign
    const refused = await t.http.post('/cases/import').auth(team.bu, { type: 'bearer' }).send(outOfTurn);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'history[3] (decision.signed-off): decision.signed-off is not possible while the case is in rapid-review.gathering',
    );
    const before = (await t.http.get('/cases').auth(team.bu, { type: 'bearer' }).expect(200)).body.total;

    const res = await t.http.post('/cases/import').auth(team.bu, { type: 'bearer' }).send(imported());
    expect(res.status).toBe(201);
    const id = res.body.id;
    expect(res.body).toMatchObject({ stage: 'panel-response', state: 'panel-response.awaiting-response', version: 9 });
    expect(res.body.decision).toEqual({ outcome: 'no-lcspr', decidedOn: '2026-01-20' });
    expect(deadline(res.body, 'notify-panel')).toMatchObject({ stoppedOn: '2026-01-07', status: 'met' });
    expect(deadline(res.body, 'rapid-review')).toMatchObject({
      dueOn: '2026-01-26',
      stoppedOn: '2026-01-21',
      status: 'met',
    });
    // The refused imports left nothing behind.
    expect((await t.http.get('/cases').auth(team.bu, { type: 'bearer' }).expect(200)).body.total).toBe(before + 1);

    const events = await history(id);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'case.imported',
      'notification.submitted',
      'partners.informed',
      'rapid-review.meeting-held',
      'rapid-review.recommended',
      'decision.signed-off',
      'decision.signed-off',
      'decision.signed-off',
      'rapid-review.submitted',
    ]);
    expect(events[0]).toMatchObject({ occurredOn: '2026-02-02', payload: { laAwareOn: '2026-01-05', events: 8 } });
    expect(events[0].imported).toBeUndefined();
    expect(
      events
        .slice(1)
        .every((e: { imported?: boolean; actor: { name: string } }) => e.imported && e.actor.name === 'bu'),
    ).toBe(true);
    expect(events.map((e: { occurredOn: string }) => e.occurredOn).slice(1)).toEqual([
      '2026-01-07',
      '2026-01-07',
      '2026-01-14',
      '2026-01-15',
      '2026-01-19',
      '2026-01-19',
      '2026-01-20',
      '2026-01-21',
    ]);
    expect(events[1].originalActor).toEqual({ name: 'Former officer', role: 'business-unit' });
    expect(events[5]).toMatchObject({
      originalActor: { name: 'Dee DCS', role: 'delegated-partner', agency: 'local-authority' },
      payload: {
        onBehalfOf: 'local-authority',
        delegationReason: 'Signed before the case was brought into the service (imported)',
      },
    });
    const signOffs = (await record(id)).decision.rounds[0].signOffs;
    expect(signOffs.map((s: Record<string, unknown>) => [s.agency, s.signedOn, s.by])).toEqual([
      ['local-authority', '2026-01-19', 'bu'],
      ['police', '2026-01-19', 'bu'],
      ['health', '2026-01-20', 'bu'],
    ]);

    // It carries on like any case.
    setToday(t, '2026-02-10');
    await step(t, team.bu, id, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-09' });
    await step(t, team.subgroup, id, 'action.added', {
      actionId: 'A-1',
      description: 'Share learning.',
      owner: 'LSCP',
      dueOn: '2026-03-31',
    });
    await step(t, team.subgroup, id, 'action.completed', { actionId: 'A-1', completedOn: '2026-02-10' });
    const closed = await step(t, team.bu, id, 'case.closed');
    expect(closed).toMatchObject({ stage: 'closed', version: 13 });
    // The integrity check finds nothing wrong with a case that opened with case.imported.
    const report = await t.get(IntegrityChecker).check({});
    expect(report.violations.filter((v) => v.caseId === id)).toEqual([]);
  });

  it('the CSV round trip: the template brings in its example case, and a bad cell is named by row and column', async () => {
    setToday(t, '2026-02-02');
    const template = await t.http.get('/cases/import/template.csv').auth(team.bu, { type: 'bearer' }).expect(200);
    expect(template.headers['content-type']).toMatch(/^text\/csv/);
    const rows: string[][] = parse(template.text);
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(0, 3)).toEqual(['laAwareOn', 'incidentOn', 'incidentType']);
    expect(rows[0].some((name) => /name/i.test(name) && !/reviewer/i.test(name))).toBe(false);

    const res = await t.http
      .post('/cases/import.csv')
      .auth(team.bu, { type: 'bearer' })
      .set('Content-Type', 'text/csv')
      .send(template.text);
    expect(res.status).toBe(201);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      stage: 'panel-response',
      decision: { outcome: 'lcspr', decidedOn: '2026-01-20' },
    });
    const events = await history(res.body[0].id);
    expect(events.filter((e: { type: string }) => e.type === 'agency-return.received')).toHaveLength(3);

    const [header, example] = rows;
    const broken = [...example];
    broken[header.indexOf('meetingHeldOn')] = '31/02/2026';
    const second = [...example];
    second[header.indexOf('child1Sex')] = 'girl';
    const bad = await t.http
      .post('/cases/import.csv')
      .auth(team.bu, { type: 'bearer' })
      .set('Content-Type', 'text/csv')
      .send(stringify([header, broken, second]));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'row 2, column meetingHeldOn', messages: [expect.stringMatching(/real date/)] },
      { field: 'row 3, column child1Sex', messages: [expect.stringMatching(/female, male, unknown/)] },
    ]);
  });

  it('the import page: a file with a problem is shown again with the row and the column, a good one lists the case', async () => {
    // The day the page session was last used (the first test): a session idle for longer has ended.
    setToday(t, '2026-01-22');
    const form = await client.get('/import-cases').set('Accept', 'text/html').expect(200);
    const template = (await t.http.get('/cases/import/template.csv').auth(team.bu, { type: 'bearer' })).text;
    const [header, example] = parse(template) as string[][];
    const broken = [...example];
    broken[header.indexOf('laAwareOn')] = 'soon';
    const refused = await client
      .post('/import-cases')
      .field('_csrf', csrfTokenOf(form.text))
      .attach('file', Buffer.from(stringify([header, broken])), { filename: 'cases.csv', contentType: 'text/csv' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toMatch(/Row 2, column laAwareOn: /);

    const accepted = await client
      .post('/import-cases')
      .field('_csrf', csrfTokenOf(refused.text))
      .attach('file', Buffer.from(template), { filename: 'cases.csv', contentType: 'text/csv' });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toMatch(/CSPR-2026-\d{4}/);
  });
});

import { PartnershipsService } from '@app/auth';
import { TestApp } from '../support/test-app';
import {
  deadline,
  makeTeam,
  openCase,
  sendEvent,
  setToday,
  step,
  Team,
  toAgreedDecision,
} from '../support/case-helpers';

describe('Case paths other than the full LCSPR', () => {
  let t: TestApp;
  let team: Team;
  beforeAll(async () => {
    t = await TestApp.start();
    team = await makeTeam(t);
  });
  afterAll(() => t.close());

  it('no LCSPR: the Panel agrees and the case goes to learning', async () => {
    const { id } = await openCase(t, team.bu);
    await toAgreedDecision(t, team, id, 'no-lcspr');
    setToday(t, '2026-01-21');
    await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    const view = await step(t, team.bu, id, 'panel.responded', { response: 'agrees', respondedOn: '2026-01-21' });
    expect(view).toMatchObject({ stage: 'learning', decision: { outcome: 'no-lcspr' } });
    expect(deadline(view, 'lcspr-publish')).toBeUndefined();
    expect((await step(t, team.bu, id, 'case.closed')).stage).toBe('closed');
  });

  it('a Panel challenge sends the case back for a new recommendation and new sign-offs', async () => {
    const { id } = await openCase(t, team.bu);
    await toAgreedDecision(t, team, id, 'no-lcspr');
    setToday(t, '2026-01-21');
    await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    setToday(t, '2026-01-28');
    let view = await step(t, team.bu, id, 'panel.responded', {
      response: 'challenges',
      respondedOn: '2026-01-28',
      comment: 'Reconsider',
    });
    expect(view).toMatchObject({ state: 'decision.reconsidering' });
    expect(view.decision).toBeUndefined();
    view = await step(t, team.subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'On reflection',
    });
    expect(view).toMatchObject({ state: 'decision.awaiting-sign-off', signOffs: [] });
    setToday(t, '2026-02-03');
    for (const partner of [team.la, team.police, team.health])
      view = await step(t, partner, id, 'decision.signed-off', { decision: 'agree' });
    expect(view.decision).toEqual({ outcome: 'lcspr', decidedOn: '2026-02-03' });
    await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-02-03' });
    expect(deadline(view, 'rapid-review')!.status).toBe('met');
    view = await step(t, team.bu, id, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-03' });
    expect(view.stage).toBe('lcspr');
    expect(deadline(view, 'lcspr-publish')).toMatchObject({ startedOn: '2026-02-03', dueOn: '2026-08-03' });
  });

  it('a dispute opens a new round or is escalated, and every round stays in the history', async () => {
    const { id } = await openCase(t, team.bu);
    setToday(t, '2026-01-07');
    await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-07' });
    await step(t, team.subgroup, id, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'r1' });
    await step(t, team.la, id, 'decision.signed-off', { decision: 'agree' });
    let view = await step(t, team.police, id, 'decision.signed-off', { decision: 'disagree', comment: 'Not met' });
    expect(view.state).toBe('decision.disputed');
    expect((await sendEvent(t, team.health, id, 'decision.signed-off', { decision: 'agree' })).status).toBe(409);
    view = await step(t, team.subgroup, id, 'decision.escalated', { note: 'To lead partners' });
    // Machine version 2 (issue 12 item 4): the case waits for the lead partners; a new recommendation still opens a round.
    expect(view.state).toBe('decision.escalated');
    view = await step(t, team.subgroup, id, 'rapid-review.recommended', {
      recommendation: 'no-lcspr',
      rationale: 'r2',
    });
    expect(view).toMatchObject({ state: 'decision.awaiting-sign-off', signOffs: [] });
    const history = await t.http.get(`/cases/${id}/history`).auth(team.bu, { type: 'bearer' }).expect(200);
    expect(history.body.filter((e: { type: string }) => e.type === 'decision.signed-off')).toHaveLength(2);
    expect(history.body.map((e: { type: string }) => e.type)).toContain('decision.escalated');
  });

  it('national review: taken by the Panel, then published, then learning', async () => {
    const { id } = await openCase(t, team.bu);
    await toAgreedDecision(t, team, id, 'lcspr');
    setToday(t, '2026-01-21');
    await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    let view = await step(t, team.bu, id, 'panel.responded', {
      response: 'national-review',
      respondedOn: '2026-01-21',
    });
    expect(view.stage).toBe('national-review');
    setToday(t, '2026-09-01');
    view = await step(t, team.bu, id, 'national-review.published', { publishedOn: '2026-09-01' });
    expect(view.stage).toBe('learning');
  });

  it('a withdrawn notification closes the case and cancels every clock', async () => {
    setToday(t, '2026-01-06');
    const { id } = await openCase(t, team.bu);
    const view = await step(t, team.bu, id, 'notification.withdrawn', { reason: 'Criteria not met' });
    expect(view).toMatchObject({ stage: 'closed', allowedEvents: [] });
    expect(view.deadlines.map((d: { status: string }) => d.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  async function toScheduledPublication(): Promise<string> {
    const { id } = await openCase(t, team.bu);
    await toAgreedDecision(t, team, id, 'lcspr');
    setToday(t, '2026-01-21');
    await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    await step(t, team.bu, id, 'panel.responded', { response: 'agrees', respondedOn: '2026-01-21' });
    setToday(t, '2026-06-01');
    await step(t, team.subgroup, id, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
    for (const p of [team.la, team.police, team.health])
      await step(t, p, id, 'lcspr.final-report-signed-off', { decision: 'agree' });
    await step(t, team.bu, id, 'publication.scheduled', { plannedOn: '2026-07-15' });
    return id;
  }

  it('publication delayed, the Panel told, then published on the new date', async () => {
    const id = await toScheduledPublication();
    setToday(t, '2026-07-01');
    let view = await step(t, team.bu, id, 'publication.delayed', { reason: 'Trial', newPlannedOn: '2026-10-01' });
    expect(view.state).toBe('publication.awaiting-panel-informed');
    expect(deadline(view, 'not-publishing')).toMatchObject({ status: 'open' });
    expect(
      (await sendEvent(t, team.bu, id, 'publication.published', { publishedOn: '2026-07-01', url: 'https://x.test' }))
        .status,
    ).toBe(409);
    setToday(t, '2026-07-02');
    view = await step(t, team.bu, id, 'publication.panel-informed', { informedOn: '2026-07-02' });
    expect(view.state).toBe('publication.scheduled');
    expect(deadline(view, 'not-publishing')).toMatchObject({ stoppedOn: '2026-07-02' });
    expect(deadline(view, 'pre-publication')).toMatchObject({ dueOn: '2026-09-22' });
    setToday(t, '2026-09-20');
    await step(t, team.bu, id, 'publication.report-sent', { sentOn: '2026-09-18' });
    setToday(t, '2026-10-01');
    view = await step(t, team.bu, id, 'publication.published', {
      publishedOn: '2026-10-01',
      url: 'https://partnership.test/r',
    });
    expect(view.stage).toBe('learning');
    expect(deadline(view, 'lcspr-publish')).toMatchObject({ status: 'late' });
  });

  it('publication withheld, with the Panel and Secretary of State told, leads to learning', async () => {
    const id = await toScheduledPublication();
    setToday(t, '2026-07-01');
    await step(t, team.bu, id, 'publication.withheld', { reason: 'Risk to sibling' });
    const view = await step(t, team.bu, id, 'publication.panel-informed', { informedOn: '2026-07-01' });
    expect(view.stage).toBe('learning');
    expect(deadline(view, 'lcspr-publish')!.status).toBe('cancelled');
  });

  it('keeps all three sign-offs sent at the same moment', async () => {
    const { id } = await openCase(t, team.bu);
    setToday(t, '2026-01-07');
    await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-07' });
    await step(t, team.subgroup, id, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'r' });
    const results = await Promise.all(
      [team.la, team.police, team.health].map((p) => sendEvent(t, p, id, 'decision.signed-off', { decision: 'agree' })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const view = (await t.http.get(`/cases/${id}`).auth(team.bu, { type: 'bearer' }).expect(200)).body;
    expect(view.state).toBe('decision.agreed');
    expect(view.signOffs.map((s: { agency: string }) => s.agency).sort()).toEqual([
      'health',
      'local-authority',
      'police',
    ]);
    const history = (await t.http.get(`/cases/${id}/history`).auth(team.bu, { type: 'bearer' })).body;
    expect(
      history.map((e: { type: string }) => e.type).filter((x: string) => x === 'decision.signed-off'),
    ).toHaveLength(3);
  });

  it('refuses a stale If-Match with 409 conflict and returns the first answer to a retried Idempotency-Key', async () => {
    setToday(t, '2026-01-07');
    const opened = await openCase(t, team.bu);
    const stale = await t.http
      .post(`/cases/${opened.id}/events`)
      .auth(team.bu, { type: 'bearer' })
      .set('If-Match', '7')
      .send({ type: 'partners.informed', informedOn: '2026-01-06' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    const send = () =>
      t.http
        .post(`/cases/${opened.id}/events`)
        .auth(team.bu, { type: 'bearer' })
        .set('Idempotency-Key', 'abc-123')
        .set('If-Match', '1')
        .send({ type: 'partners.informed', informedOn: '2026-01-06' });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const history = (await t.http.get(`/cases/${opened.id}/history`).auth(team.bu, { type: 'bearer' })).body;
    expect(history).toHaveLength(2);
  });

  it('answers 400 for a bad event body, 404 for a malformed or unknown id, and changes nothing', async () => {
    const opened = await openCase(t, team.bu);
    const bad = await sendEvent(t, team.bu, opened.id, 'notification.submitted', {
      submittedOn: '2026-02-30',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'submittedOn']);
    expect((await sendEvent(t, team.bu, opened.id, 'no.such-event')).status).toBe(400);
    expect((await sendEvent(t, team.bu, 'not-a-uuid', 'case.closed')).status).toBe(404);
    expect((await sendEvent(t, team.bu, '00000000-0000-4000-8000-000000000000', 'case.closed')).status).toBe(404);
    const view = (await t.http.get(`/cases/${opened.id}`).auth(team.bu, { type: 'bearer' })).body;
    expect(view.version).toBe(1);
  });

  it('refuses a child name and other unknown fields when a case is opened', async () => {
    const res = await t.http
      .post('/cases')
      .auth(team.bu, { type: 'bearer' })
      .send({
        laAwareOn: '2026-01-05',
        incidentOn: '2026-01-03',
        incidentType: 'death',
        abuseOrNeglect: 'known',
        lookedAfter: true,
        summary: 's',
        children: [{ ageYears: 3, sex: 'male', name: 'X' }],
      });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['children.0.name']);
    const proto = await t.http
      .post('/cases')
      .auth(team.bu, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"__proto__":{"x":1},"laAwareOn":"2026-01-05"}');
    expect(proto.status).toBe(400);
  });

  it('lists cases by stage, overdue and due soon', async () => {
    setToday(t, '2026-01-06');
    const fresh = await openCase(t, team.bu, '2026-01-05');
    setToday(t, '2026-01-14');
    const overdue = await t.http.get('/cases?overdue=true').auth(team.scrutineer, { type: 'bearer' }).expect(200);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(fresh.id);
    setToday(t, '2026-01-08');
    const soon = await t.http
      .get('/cases?dueWithinDays=5&stage=notification')
      .auth(team.bu, { type: 'bearer' })
      .expect(200);
    expect(soon.body.items.map((c: { id: string }) => c.id)).toContain(fresh.id);
    expect(soon.body.items.every((c: { stage: string }) => c.stage === 'notification')).toBe(true);
    expect(soon.body.total).toBe(soon.body.items.length);
    expect((await t.http.get('/cases?overdue=maybe').auth(team.bu, { type: 'bearer' })).status).toBe(400);
  });

  it('survives a restart in the middle of a case', async () => {
    const { id } = await openCase(t, team.bu);
    setToday(t, '2026-01-07');
    await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-07' });
    await t.restart();
    team = { ...team };
    setToday(t, '2026-01-08');
    const view = await step(t, team.subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'r',
    });
    expect(view).toMatchObject({ state: 'decision.awaiting-sign-off', version: 3 });
  });

  it('lets no other partnership see or change a case', async () => {
    const { id } = await openCase(t, team.bu);
    await t
      .get(PartnershipsService)
      .createWithAdmin('Elsewhere', { email: 'admin@elsewhere.test', password: 'elsewhere admin pw' });
    const otherAdmin = await t.login('admin@elsewhere.test', 'elsewhere admin pw');
    const otherBu = await t.userWithToken(otherAdmin, { email: 'bu@elsewhere.test', roles: ['business-unit'] });
    expect((await t.http.get(`/cases/${id}`).auth(otherBu.token, { type: 'bearer' })).status).toBe(404);
    expect((await t.http.get(`/cases/${id}/history`).auth(otherBu.token, { type: 'bearer' })).status).toBe(404);
    expect((await sendEvent(t, otherBu.token, id, 'notification.withdrawn', { reason: 'x' })).status).toBe(404);
    const list = await t.http.get('/cases').auth(otherBu.token, { type: 'bearer' }).expect(200);
    expect(list.body).toEqual({ items: [], total: 0 });
  });
});

import { DataSource } from 'typeorm';
import { AwaitedSignOffEntity } from '@app/cases';
import { MIGRATIONS } from '@app/database';
import { dbKind, TestApp } from '../support/test-app';
import { makeTeam, openCase, setToday, step, Team } from '../support/case-helpers';

type ListBody = { items: { id: string; stage: string }[]; total: number };

describe('GET /cases filters: open cases, working days, and what awaits my sign-off', () => {
  let t: TestApp;
  let team: Team;
  const ids = async (token: string, query: string) => {
    const body = (await t.http.get(`/cases${query}`).auth(token, { type: 'bearer' }).expect(200)).body as ListBody;
    return body.items.map((c) => c.id);
  };

  beforeAll(async () => {
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off' } });
    team = await makeTeam(t);
  });
  afterAll(() => t.close());

  it("counts due within N working days in the partnership's calendar, its closure days included", async () => {
    await t.http
      .patch('/partnership')
      .auth(team.admin, { type: 'bearer' })
      .send({ closureDays: ['2026-01-09'] })
      .expect(200);
    setToday(t, '2026-01-05');
    // Aware on Monday 5 January; with Friday 9 closed, notify-panel is due on Tuesday 13 January.
    const opened = await openCase(t, team.bu, '2026-01-05');
    setToday(t, '2026-01-07');
    // From Wednesday 7: Thursday 8 is working day 1, Monday 12 day 2, Tuesday 13 day 3.
    expect(await ids(team.bu, '?dueWithinWorkingDays=2')).not.toContain(opened.id);
    expect(await ids(team.bu, '?dueWithinWorkingDays=3')).toContain(opened.id);
    // Calendar days count the closure and the weekend alike: 13 January is 6 days ahead.
    expect(await ids(team.bu, '?dueWithinDays=5')).not.toContain(opened.id);
    expect(await ids(team.bu, '?dueWithinDays=6')).toContain(opened.id);
    for (const bad of ['-1', '261', 'soon', '2.5']) {
      const res = await t.http.get(`/cases?dueWithinWorkingDays=${bad}`).auth(team.bu, { type: 'bearer' });
      expect([bad, res.status, res.body.details?.[0]?.field]).toEqual([bad, 400, 'dueWithinWorkingDays']);
    }
    await t.http.patch('/partnership').auth(team.admin, { type: 'bearer' }).send({ closureDays: [] }).expect(200);
  });

  it('leaves closed cases out with open=true, and counts only what it lists', async () => {
    setToday(t, '2026-01-06');
    const open = await openCase(t, team.bu, '2026-01-05');
    const closed = await openCase(t, team.bu, '2026-01-05');
    await step(t, team.bu, closed.id, 'notification.withdrawn', { reason: 'Criteria not met (test).' });
    const all = await ids(team.bu, '?limit=200');
    expect(all).toEqual(expect.arrayContaining([open.id, closed.id]));
    const body = (await t.http.get('/cases?open=true&limit=200').auth(team.bu, { type: 'bearer' }).expect(200))
      .body as ListBody;
    expect(body.items.map((c) => c.id)).toContain(open.id);
    expect(body.items.map((c) => c.id)).not.toContain(closed.id);
    expect(body.items.every((c) => c.stage !== 'closed')).toBe(true);
    expect(body.total).toBe(body.items.length);
    expect(await ids(team.bu, '?open=true&stage=closed')).toEqual([]);
    expect((await t.http.get('/cases?open=yes').auth(team.bu, { type: 'bearer' })).status).toBe(400);
  });

  it("lists for a delegated partner the cases awaiting their agency's sign-off, until they have signed", async () => {
    setToday(t, '2026-01-06');
    const waiting = await openCase(t, team.bu, '2026-01-05');
    await step(t, team.bu, waiting.id, 'notification.submitted', { submittedOn: '2026-01-06' });
    await step(t, team.subgroup, waiting.id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met (test).',
    });
    const notYet = await openCase(t, team.bu, '2026-01-05');

    for (const partner of [team.la, team.police, team.health]) {
      const mine = await ids(partner, '?awaitingSignOff=true');
      expect(mine).toContain(waiting.id);
      expect(mine).not.toContain(notYet.id);
    }
    await step(t, team.police, waiting.id, 'decision.signed-off', { decision: 'agree' });
    expect(await ids(team.police, '?awaitingSignOff=true')).not.toContain(waiting.id);
    expect(await ids(team.la, '?awaitingSignOff=true')).toContain(waiting.id);
    // Nobody else signs off: the business unit and a lead partner (who has an agency) are awaited for nothing.
    expect(await ids(team.bu, '?awaitingSignOff=true')).toEqual([]);
    expect(await ids(team.leadPartner, '?awaitingSignOff=true')).toEqual([]);

    // A disagreement ends the round: no one is awaited until a new recommendation opens the next one.
    await step(t, team.health, waiting.id, 'decision.signed-off', { decision: 'disagree' });
    expect(await ids(team.la, '?awaitingSignOff=true')).not.toContain(waiting.id);
    const rows = await t.get(DataSource).getRepository(AwaitedSignOffEntity).findBy({ caseId: waiting.id });
    expect(rows).toEqual([]);
    await step(t, team.subgroup, waiting.id, 'rapid-review.recommended', {
      recommendation: 'no-lcspr',
      rationale: 'Reconsidered (test).',
    });
    expect(await ids(team.police, '?awaitingSignOff=true')).toContain(waiting.id);
  });

  it('fills the awaited sign-offs of the cases that exist when the table is made', async () => {
    setToday(t, '2026-01-06');
    const waiting = await openCase(t, team.bu, '2026-01-05');
    await step(t, team.bu, waiting.id, 'notification.submitted', { submittedOn: '2026-01-06' });
    await step(t, team.subgroup, waiting.id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met (test).',
    });
    await step(t, team.la, waiting.id, 'decision.signed-off', { decision: 'agree' });
    const repo = t.get(DataSource).getRepository(AwaitedSignOffEntity);
    const before = await repo.find({ order: { caseId: 'ASC', agency: 'ASC' } });
    expect(before.filter((r) => r.caseId === waiting.id).map((r) => r.agency)).toEqual(['health', 'police']);

    const Migration = MIGRATIONS[dbKind()].find((m) => new m().name!.startsWith('AwaitedSignOffs'))!;
    const runner = t.get(DataSource).createQueryRunner();
    try {
      await new Migration().down(runner);
      await new Migration().up(runner);
    } finally {
      await runner.release();
    }
    expect(await repo.find({ order: { caseId: 'ASC', agency: 'ASC' } })).toEqual(before);
  });
});

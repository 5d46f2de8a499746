import { DataSource } from 'typeorm';
import { DeadlineEntity, IntegrityChecker } from '@app/cases';
import { ReminderEntity } from '@app/reminders';
import { TestApp } from '../support/test-app';
import { deadline, makeTeam, openCase, setToday, Team } from '../support/case-helpers';

describe('Partnership settings that move due dates', () => {
  let t: TestApp;
  let team: Team;
  beforeAll(async () => {
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off' } });
    team = await makeTeam(t);
  });
  afterAll(() => t.close());

  it('rewrite the stored deadlines and reminders of open cases at once, with an audit event, so lists and the integrity check agree', async () => {
    setToday(t, '2026-01-06');
    const opened = await openCase(t, team.bu, '2026-01-05');
    expect(deadline(opened as never, 'notify-panel')!.dueOn).toBe('2026-01-12');

    await t.http
      .patch('/partnership')
      .auth(team.admin, { type: 'bearer' })
      .send({ closureDays: ['2026-01-07', '2026-01-08'] })
      .expect(200);

    const rows = await t.get(DataSource).getRepository(DeadlineEntity).findBy({ caseId: opened.id });
    expect(rows.find((d) => d.rule === 'notify-panel')!.dueOn).toBe('2026-01-14');
    const view = (await t.http.get(`/cases/${opened.id}`).auth(team.bu, { type: 'bearer' }).expect(200)).body;
    expect(deadline(view, 'notify-panel')!.dueOn).toBe('2026-01-14');
    expect(view.version).toBe(2);

    const history = (await t.http.get(`/cases/${opened.id}/history`).auth(team.bu, { type: 'bearer' }).expect(200))
      .body;
    expect(history.at(-1)).toMatchObject({
      type: 'deadlines.recomputed',
      from: 'notification.awaiting-notification',
      to: 'notification.awaiting-notification',
      payload: { reason: 'partnership-settings-changed' },
    });

    const pending = await t
      .get(DataSource)
      .getRepository(ReminderEntity)
      .findBy({ caseId: opened.id, rule: 'notify-panel', status: 'pending' });
    expect(pending.length).toBeGreaterThan(0);
    expect(new Set(pending.map((r) => r.dueOn))).toEqual(new Set(['2026-01-14']));

    setToday(t, '2026-01-13');
    const overdue = (await t.http.get('/cases?overdue=true').auth(team.bu, { type: 'bearer' }).expect(200)).body;
    expect(overdue.items.map((c: { id: string }) => c.id)).not.toContain(opened.id);

    const report = await t.get(IntegrityChecker).check();
    expect(report.violations).toEqual([]);
  });

  it('keeps who set an override and when while the list is sent back whole to change another rule', async () => {
    setToday(t, '2026-02-02');
    const first = { rule: 'inform-partners', length: 3, reason: 'Our protocol' };
    await t.http
      .patch('/partnership')
      .auth(team.admin, { type: 'bearer' })
      .send({ ruleOverrides: [first] })
      .expect(200);
    const other = await t.userWithToken(team.admin, { email: 'second-admin@partnership.test', roles: ['admin'] });
    setToday(t, '2026-03-03');
    const second = { rule: 'rapid-review', length: 20, reason: 'Our procedures' };
    const res = await t.http
      .patch('/partnership')
      .auth(other.token, { type: 'bearer' })
      .send({ ruleOverrides: [first, second] })
      .expect(200);
    const stamps = Object.fromEntries(
      res.body.ruleOverrides.map((o: { rule: string; changedBy: string; changedOn: string }) => [
        o.rule,
        [o.changedBy === other.id ? 'second admin' : 'first admin', o.changedOn],
      ]),
    );
    expect(stamps).toEqual({
      'inform-partners': ['first admin', '2026-02-02'],
      'rapid-review': ['second admin', '2026-03-03'],
    });
  });
});

import { TransactionRunner } from '@app/database';
import { DeadlineEntity } from '@app/cases';
import { runTs } from '../support/run-ts';
import { TestApp } from '../support/test-app';
import { makeTeam, openCase, setToday, type Team } from '../support/case-helpers';

/** The operator command, as `npm run deadlines:recompute` runs it, against the test app's database. */
async function recompute(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const { code, stdout, stderr } = await runTs('apps/api/src/cli/recompute-deadlines.ts', args, env);
  return { code, out: stdout + stderr };
}

describe('npm run deadlines:recompute, after an upgrade that corrects how due dates are computed', () => {
  let t: TestApp;
  let team: Team;

  beforeAll(async () => {
    t = await TestApp.start({ env: { QUEUE_WORKERS: 'off' } });
    team = await makeTeam(t);
  });
  afterAll(() => t.close());

  it('rewrites the stored due dates the running code computes differently, once, with an audit event on each case that moved', async () => {
    setToday(t, '2026-01-05');
    const moved = await openCase(t, team.bu, '2026-01-05');
    const untouched = await openCase(t, team.bu, '2026-01-05');
    const dueOf = async (caseId: string) =>
      (
        await t
          .get(TransactionRunner)
          .run((m) => m.getRepository(DeadlineEntity).findOneByOrFail({ caseId, rule: 'notify-panel' }))
      ).dueOn;
    expect(await dueOf(moved.id)).toBe('2026-01-12');
    // As an older release stored it: one working day early.
    await t
      .get(TransactionRunner)
      .run((m) =>
        m.getRepository(DeadlineEntity).update({ caseId: moved.id, rule: 'notify-panel' }, { dueOn: '2026-01-09' }),
      );

    const first = await recompute(['--reason', 'calendar-corrected'], t.env);
    expect(first).toEqual({ code: 0, out: "Recomputed every case's deadlines: 1 case(s) had due dates that moved.\n" });
    expect(await dueOf(moved.id)).toBe('2026-01-12');

    const history = async (caseId: string) =>
      (await t.http.get(`/cases/${caseId}/history`).auth(team.bu, { type: 'bearer' }).expect(200)).body as {
        type: string;
        payload: unknown;
      }[];
    expect((await history(moved.id)).filter((e) => e.type === 'deadlines.recomputed').map((e) => e.payload)).toEqual([
      { reason: 'calendar-corrected' },
    ]);
    expect((await history(untouched.id)).map((e) => e.type)).toEqual(['case.opened']);

    const again = await recompute([], t.env);
    expect(again.out).toBe("Recomputed every case's deadlines: 0 case(s) had due dates that moved.\n");
    expect((await history(moved.id)).filter((e) => e.type === 'deadlines.recomputed')).toHaveLength(1);
    // Two runs of the command, each a process of its own that compiles it with ts-node first.
  }, 120_000);

  it('refuses a reason that is not a short kebab-case word', async () => {
    const refused = await recompute(['--reason', 'Child X moved'], t.env);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('--reason is a short kebab-case word');
  }, 60_000);
});

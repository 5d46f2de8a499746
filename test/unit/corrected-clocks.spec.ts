/**
 * Item 6: a corrected aware date moves the clocks counted from it, with the REAL England and Wales calendar, against
 * dates worked out by hand (1 January 2026 is a bank holiday; 2 January 2026 a Friday and a working day in England).
 */
import { WorkingDayCalendar } from '../../libs/calendar/src';
import { caseMachineV2, computeDeadlines, dispatch, getRulebook, openCase, type CaseEvent } from '../../workflows';

const calendar = new WorkingDayCalendar();
const bu = { id: 'u-bu', name: 'Business Unit', roles: ['business-unit' as const] };

function deadlinesOf(snapshot: ReturnType<typeof openCase>, today: string) {
  const c = snapshot.context;
  return Object.fromEntries(
    computeDeadlines(getRulebook(2).rules, c.facts, c.clocks, today, calendar, c.itemClocks).map((d) => [
      d.rule,
      [d.startedOn, d.dueOn, d.status],
    ]),
  );
}

describe('a corrected aware date moving its clocks', () => {
  it('counts notify-panel, inform-partners and rapid-review from the corrected day', () => {
    const opened = openCase(caseMachineV2, { laAwareOn: '2026-01-05', signOffAgencies: ['local-authority'] });
    // From Monday 5 January 2026: 5 working days is Monday 12 January, 15 is Monday 26 January.
    expect(deadlinesOf(opened, '2026-01-06')).toEqual({
      'notify-panel': ['2026-01-05', '2026-01-12', 'open'],
      'inform-partners': ['2026-01-05', '2026-01-12', 'open'],
      'rapid-review': ['2026-01-05', '2026-01-26', 'open'],
    });
    const event = {
      type: 'fact.corrected',
      fact: 'laAwareOn',
      value: '2025-12-31',
      reason: 'The referral came in on New Year’s Eve.',
      incidentOn: '2025-12-30',
      actor: bu,
      today: '2026-01-06',
    } as CaseEvent;
    const result = dispatch(caseMachineV2, opened, event);
    if (!result.ok) throw new Error(result.refusal.message);
    // From Wednesday 31 December 2025, over the bank holiday of 1 January: 2, 5, 6, 7, 8 January is 5 working days;
    // then 9, 12-16 and 19-22 January make 15 (Thursday 22 January 2026). On Friday 9 January the first two are overdue.
    expect(deadlinesOf(result.snapshot, '2026-01-09')).toEqual({
      'notify-panel': ['2025-12-31', '2026-01-08', 'overdue'],
      'inform-partners': ['2025-12-31', '2026-01-08', 'overdue'],
      'rapid-review': ['2025-12-31', '2026-01-22', 'open'],
    });
  });
});

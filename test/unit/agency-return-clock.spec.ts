/**
 * Issue 12 item 1: an agency return's clock, from the request on the case to its due date, with the REAL England and
 * Wales calendar (Easter 2026: Good Friday 3 April and Easter Monday 6 April are bank holidays), worked out by hand.
 */
import { WorkingDayCalendar } from '../../libs/calendar/src';
import { DEFAULT_RELEVANT_AGENCIES } from '../../workflows/actors';
import { caseMachineV2, dispatch, openCase, type CaseEvent, type PersistedCaseSnapshot } from '../../workflows/case';
import { computeDeadlines, getRulebook, resolveRulebook } from '../../workflows/rulebook';

const calendar = new WorkingDayCalendar();
const bu = { id: 'u-bu', name: 'Business Unit', roles: ['business-unit' as const] };

function asked(agency: string, requestedOn: string, dueOn?: string): PersistedCaseSnapshot {
  const opened = openCase(caseMachineV2, {
    laAwareOn: '2026-04-01',
    signOffAgencies: ['local-authority', 'police', 'health'],
    relevantAgencies: [...DEFAULT_RELEVANT_AGENCIES],
  });
  const event = { type: 'agency-return.requested', agency, requestedOn, ...(dueOn ? { dueOn } : {}) };
  const result = dispatch(caseMachineV2, opened, { ...event, actor: bu, today: requestedOn } as CaseEvent);
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return result.snapshot;
}

const deadlinesOf = (snapshot: PersistedCaseSnapshot, today: string, rules = getRulebook(2).rules) =>
  computeDeadlines(rules, snapshot.context.facts, {}, today, calendar, snapshot.context.itemClocks).filter(
    (d) => d.rule === 'agency-return',
  );

describe('an agency return asked for before Easter 2026 (rulebook version 2)', () => {
  it('is due 5 working days after the request, the two bank holidays and the weekend skipped', () => {
    // Asked Thursday 2 April: Fri 3 (Good Friday), Sat, Sun, Mon 6 (Easter Monday) are not working days;
    // Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5).
    expect(deadlinesOf(asked('education', '2026-04-02'), '2026-04-13')).toEqual([
      { rule: 'agency-return', subject: 'education', startedOn: '2026-04-02', dueOn: '2026-04-13', status: 'open' },
    ]);
    expect(deadlinesOf(asked('education', '2026-04-02'), '2026-04-14')[0].status).toBe('overdue');
  });

  it('is due on the date agreed with the agency when one was given', () => {
    expect(deadlinesOf(asked('police', '2026-04-02', '2026-04-24'), '2026-04-14')).toEqual([
      { rule: 'agency-return', subject: 'police', startedOn: '2026-04-02', dueOn: '2026-04-24', status: 'open' },
    ]);
  });

  it('follows the partnership’s own period (10 working days) when it changed the rule', () => {
    const rules = resolveRulebook(getRulebook(2), [
      { rule: 'agency-return', length: 10, reason: 'Local practice' },
    ]).rules;
    // Mon 13 (5), Tue 14 (6), Wed 15 (7), Thu 16 (8), Fri 17 (9), Mon 20 (10).
    expect(deadlinesOf(asked('housing', '2026-04-02'), '2026-04-14', rules)[0].dueOn).toBe('2026-04-20');
  });
});

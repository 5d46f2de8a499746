import { baseDueDate, computeDeadline, computeDeadlines } from './deadlines';
import { ClockRuleError } from './errors';
import { resolveRulebook } from './overrides';
import { getRule, getRulebook } from './rules';
import type { CaseClocks, CaseFacts, ClockState, DeadlineCalendar, LocalDate, RuleDefinition } from './types';

/**
 * A fake calendar in which every day is a working day, so that these tests isolate the rulebook's own logic
 * (anchors, directions, pauses, statuses) from bank holidays. Spies let tests see which arithmetic was used.
 * The real calendar is exercised in test/unit/rulebook-deadlines.spec.ts.
 */
function everyDayCalendar() {
  const DAY = 86_400_000;
  const ms = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`);
  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
  const addDays = (date: LocalDate, days: number) => iso(ms(date) + days * DAY);
  return {
    isWorkingDay: jest.fn((_date: LocalDate) => true),
    addWorkingDays: jest.fn(addDays),
    workingDaysBetween: jest.fn((from: LocalDate, to: LocalDate) => Math.round((ms(to) - ms(from)) / DAY)),
    addCalendarDays: jest.fn(addDays),
    addCalendarMonths: jest.fn((date: LocalDate, months: number) => {
      const [year, month, day] = date.split('-').map(Number);
      const index = year * 12 + month - 1 + months;
      const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
      return iso(Date.UTC(Math.floor(index / 12), index % 12, Math.min(day, lastDay)));
    }),
  } satisfies DeadlineCalendar;
}

const rulebook = getRulebook(1);
const rule = (id: string): RuleDefinition => getRule(rulebook, id);
const clock = (startedOn: LocalDate, extra: Partial<ClockState> = {}): ClockState => ({
  startedOn,
  pauses: [],
  ...extra,
});

describe('baseDueDate', () => {
  const calendar = everyDayCalendar();

  it('counts working days after, working days before, and calendar months from the anchor', () => {
    expect(baseDueDate(rule('notify-panel'), '2026-03-02', calendar)).toBe('2026-03-07');
    expect(calendar.addWorkingDays).toHaveBeenLastCalledWith('2026-03-02', 5);
    expect(baseDueDate(rule('pre-publication'), '2026-03-10', calendar)).toBe('2026-03-03');
    expect(calendar.addWorkingDays).toHaveBeenLastCalledWith('2026-03-10', -7);
    expect(baseDueDate(rule('lcspr-publish'), '2026-08-31', calendar)).toBe('2027-02-28');
    expect(calendar.addCalendarMonths).toHaveBeenLastCalledWith('2026-08-31', 6);
  });

  it('gives the anchor itself for a rule of length 0 (not-publishing: by the planned date)', () => {
    expect(baseDueDate(rule('not-publishing'), '2026-03-10', calendar)).toBe('2026-03-10');
  });

  it('counts calendar days when a rule is in calendar days', () => {
    const inDays = resolveRulebook(rulebook, [
      { rule: 'inform-partners', unit: 'calendar-days', length: 3, reason: 'local' },
    ]);
    const informPartners = inDays.rules.find((candidate) => candidate.id === 'inform-partners') as RuleDefinition;
    expect(baseDueDate(informPartners, '2026-03-30', calendar)).toBe('2026-04-02');
    expect(calendar.addCalendarDays).toHaveBeenLastCalledWith('2026-03-30', 3);
  });
});

describe('computeDeadline: which clocks give a deadline', () => {
  const calendar = everyDayCalendar();

  it('gives none without a clock', () => {
    expect(
      computeDeadline(rule('notify-panel'), { laAwareOn: '2026-03-02' }, undefined, '2026-03-02', calendar),
    ).toBeUndefined();
  });

  it('gives none while the anchor fact is unknown', () => {
    expect(computeDeadline(rule('keep-published'), {}, clock('2026-03-02'), '2026-03-02', calendar)).toBeUndefined();
  });

  it('reports the clock start, not the anchor, as startedOn (pre-publication starts when publication is scheduled)', () => {
    const deadline = computeDeadline(
      rule('pre-publication'),
      { plannedPublicationOn: '2026-06-30' },
      clock('2026-05-01'),
      '2026-05-01',
      calendar,
    );
    expect(deadline).toEqual({ rule: 'pre-publication', startedOn: '2026-05-01', dueOn: '2026-06-23', status: 'open' });
  });

  it('computes a partnership rule when given its fact (annual report, 12 months on)', () => {
    const deadline = computeDeadline(
      rule('annual-report'),
      { lastAnnualReportPublishedOn: '2025-09-30' },
      clock('2025-09-30'),
      '2026-10-01',
      calendar,
    );
    expect(deadline).toEqual({
      rule: 'annual-report',
      startedOn: '2025-09-30',
      dueOn: '2026-09-30',
      status: 'overdue',
    });
  });
});

describe('computeDeadline: status', () => {
  const calendar = everyDayCalendar();
  const facts: CaseFacts = { laAwareOn: '2026-03-02' }; // notify-panel due 2026-03-07 with this calendar
  const notify = (state: Partial<ClockState>, today: LocalDate) =>
    computeDeadline(rule('notify-panel'), facts, clock('2026-03-02', state), today, calendar);

  it('open up to and including the due date, overdue the day after', () => {
    expect(notify({}, '2026-03-07')?.status).toBe('open');
    expect(notify({}, '2026-03-08')?.status).toBe('overdue');
  });

  it('met when stopped on or before the due date, late after it (whatever today is), with stoppedOn shown', () => {
    expect(notify({ stoppedOn: '2026-03-07' }, '2026-04-01')).toEqual({
      rule: 'notify-panel',
      startedOn: '2026-03-02',
      dueOn: '2026-03-07',
      stoppedOn: '2026-03-07',
      status: 'met',
    });
    expect(notify({ stoppedOn: '2026-03-08' }, '2026-03-08')?.status).toBe('late');
  });

  it('cancelled wins over everything else', () => {
    expect(notify({ cancelledOn: '2026-03-03', stoppedOn: '2026-03-20' }, '2026-04-01')?.status).toBe('cancelled');
    expect(notify({ cancelledOn: '2026-03-03' }, '2026-04-01')?.status).toBe('cancelled');
  });

  it('omits stoppedOn while the clock runs', () => {
    expect(notify({}, '2026-03-03')).not.toHaveProperty('stoppedOn');
  });

  describe('a minimum period (keep-published) is never overdue', () => {
    const keep = (state: Partial<ClockState>, today: LocalDate) =>
      computeDeadline(
        rule('keep-published'),
        { publishedOn: '2026-03-02' },
        clock('2026-03-02', state),
        today,
        calendar,
      );

    it('open until the due date, met from the due date on', () => {
      expect(keep({}, '2027-03-01')).toMatchObject({ dueOn: '2027-03-02', status: 'open' });
      expect(keep({}, '2027-03-02')?.status).toBe('met');
      expect(keep({}, '2030-01-01')?.status).toBe('met');
    });

    it('stopped (taken down) before the due date is late, on or after it is met', () => {
      expect(keep({ stoppedOn: '2026-12-01' }, '2026-12-01')?.status).toBe('late');
      expect(keep({ stoppedOn: '2027-03-02' }, '2027-03-02')?.status).toBe('met');
    });
  });
});

describe('computeDeadline: pauses', () => {
  it('a closed pause of a working-day rule moves the due date on by the working days paused', () => {
    const calendar = everyDayCalendar();
    const deadline = computeDeadline(
      rule('rapid-review'),
      { laAwareOn: '2026-03-02' },
      clock('2026-03-02', { pauses: [{ from: '2026-03-05', to: '2026-03-09', reason: 'inquest' }] }),
      '2026-03-10',
      calendar,
    );
    expect(calendar.workingDaysBetween).toHaveBeenCalledWith('2026-03-05', '2026-03-09');
    expect(deadline).toMatchObject({ dueOn: '2026-03-21', status: 'open' }); // 17 Mar + 4
  });

  it('a pause of a month rule moves the due date on by the calendar days paused, never by working days', () => {
    const calendar = everyDayCalendar();
    const deadline = computeDeadline(
      rule('lcspr-publish'),
      { decisionOn: '2026-01-30' },
      clock('2026-01-30', { pauses: [{ from: '2026-03-01', to: '2026-03-11' }] }),
      '2026-04-01',
      calendar,
    );
    expect(deadline).toMatchObject({ dueOn: '2026-08-09', status: 'open' }); // 30 Jul + 10 days
    expect(calendar.workingDaysBetween).not.toHaveBeenCalled();
  });

  it('several pauses add up; an open last pause counts up to today and makes the status paused', () => {
    const deadline = computeDeadline(
      rule('lcspr-publish'),
      { decisionOn: '2026-01-30' },
      clock('2026-01-30', { pauses: [{ from: '2026-03-01', to: '2026-03-11' }, { from: '2026-05-01' }] }),
      '2026-05-21',
      everyDayCalendar(),
    );
    expect(deadline).toMatchObject({ dueOn: '2026-08-29', status: 'paused' }); // 30 Jul + 10 + 20
  });

  it('an open pause that starts after today adds nothing yet', () => {
    const deadline = computeDeadline(
      rule('lcspr-publish'),
      { decisionOn: '2026-01-30' },
      clock('2026-01-30', { pauses: [{ from: '2026-05-01' }] }),
      '2026-04-30',
      everyDayCalendar(),
    );
    expect(deadline).toMatchObject({ dueOn: '2026-07-30', status: 'paused' });
  });

  it('a stopped clock is met or late against the extended due date', () => {
    const deadline = computeDeadline(
      rule('lcspr-publish'),
      { decisionOn: '2026-01-30' },
      clock('2026-01-30', { pauses: [{ from: '2026-03-01', to: '2026-03-11' }], stoppedOn: '2026-08-05' }),
      '2026-08-05',
      everyDayCalendar(),
    );
    expect(deadline).toMatchObject({ dueOn: '2026-08-09', status: 'met' });
  });

  it('refuses a pause of notify-panel, naming the rule, even before its anchor is known', () => {
    const paused = clock('2026-03-02', { pauses: [{ from: '2026-03-03' }] });
    expect(() => computeDeadline(rule('notify-panel'), {}, paused, '2026-03-04', everyDayCalendar())).toThrow(
      ClockRuleError,
    );
    expect(() => computeDeadline(rule('notify-panel'), {}, paused, '2026-03-04', everyDayCalendar())).toThrow(
      'The notify-panel clock cannot be paused',
    );
  });

  it.each([
    [
      'a pause ending before it starts',
      [{ from: '2026-03-10', to: '2026-03-05' }],
      /ends \(2026-03-05\) before it starts/,
    ],
    [
      'an open pause followed by another',
      [{ from: '2026-03-01' }, { from: '2026-03-10', to: '2026-03-12' }],
      /Only the last pause/,
    ],
    [
      'overlapping pauses',
      [
        { from: '2026-03-01', to: '2026-03-10' },
        { from: '2026-03-05', to: '2026-03-12' },
      ],
      /overlap/,
    ],
  ])('refuses %s', (_why, pauses, message) => {
    expect(() =>
      computeDeadline(
        rule('lcspr-publish'),
        { decisionOn: '2026-01-30' },
        clock('2026-01-30', { pauses }),
        '2026-04-01',
        everyDayCalendar(),
      ),
    ).toThrow(message);
  });
});

describe('computeDeadlines', () => {
  it('lists the case rules whose clock exists and whose anchor is known, in rulebook order, skipping partnership rules', () => {
    const clocks: CaseClocks = {
      'keep-published': clock('2026-09-01'),
      'rapid-review': clock('2026-03-02'),
      'notify-panel': clock('2026-03-02', { stoppedOn: '2026-03-04' }),
      'lcspr-publish': clock('2026-04-01'), // decisionOn not known yet: no deadline
      'annual-report': clock('2025-09-30'),
    };
    const facts: CaseFacts = { laAwareOn: '2026-03-02', publishedOn: '2026-09-01' };
    const deadlines = computeDeadlines(rulebook.rules, facts, clocks, '2026-03-10', everyDayCalendar());
    expect(deadlines).toEqual([
      { rule: 'notify-panel', startedOn: '2026-03-02', dueOn: '2026-03-07', stoppedOn: '2026-03-04', status: 'met' },
      { rule: 'rapid-review', startedOn: '2026-03-02', dueOn: '2026-03-17', status: 'open' },
      { rule: 'keep-published', startedOn: '2026-09-01', dueOn: '2027-09-01', status: 'open' },
    ]);
  });

  it('gives nothing for a case without clocks', () => {
    expect(computeDeadlines(rulebook.rules, { laAwareOn: '2026-03-02' }, {}, '2026-03-02', everyDayCalendar())).toEqual(
      [],
    );
  });
});

describe('item clocks and fixed due dates (rulebook version 2)', () => {
  const rulebook = getRulebook(2);
  const calendar = everyDayCalendar();

  it('counts an agency return 5 working days from the day its clock started, one deadline per subject', () => {
    const deadlines = computeDeadlines(rulebook.rules, { laAwareOn: '2026-12-18' }, {}, '2026-12-21', calendar, {
      'agency-return:police': { rule: 'agency-return', subject: 'police', startedOn: '2026-12-18', pauses: [] },
      'agency-return:education': {
        rule: 'agency-return',
        subject: 'education',
        startedOn: '2026-12-18',
        dueOn: '2027-01-08',
        pauses: [],
      },
    });
    // Every day a working day here: 18 December + 5 (test/unit/rulebook-deadlines.spec.ts counts real ones).
    expect(deadlines).toEqual([
      { rule: 'agency-return', subject: 'police', startedOn: '2026-12-18', dueOn: '2026-12-23', status: 'open' },
      // An agreed date replaces the count.
      { rule: 'agency-return', subject: 'education', startedOn: '2026-12-18', dueOn: '2027-01-08', status: 'open' },
    ]);
  });

  it('gives an action the due date it was set, overdue the day after and met when stopped on it', () => {
    const clock = {
      rule: 'action-due' as const,
      subject: 'A-1',
      startedOn: '2026-03-02',
      dueOn: '2026-04-30',
      pauses: [],
    };
    const run = (today: string, stoppedOn?: string) =>
      computeDeadlines(rulebook.rules, {}, {}, today, calendar, {
        'action-due:A-1': { ...clock, ...(stoppedOn ? { stoppedOn } : {}) },
      });
    expect(run('2026-04-30')[0]).toMatchObject({ dueOn: '2026-04-30', status: 'open' });
    expect(run('2026-05-01')[0]).toMatchObject({ dueOn: '2026-04-30', status: 'overdue' });
    expect(run('2026-05-05', '2026-04-30')[0]).toMatchObject({ status: 'met', stoppedOn: '2026-04-30' });
  });

  it('never computes item clocks under rulebook version 1, which has no item rules', () => {
    expect(
      computeDeadlines(getRulebook(1).rules, { laAwareOn: '2026-03-02' }, {}, '2026-03-03', calendar, {
        'agency-return:police': { rule: 'agency-return', subject: 'police', startedOn: '2026-03-02', pauses: [] },
      }),
    ).toEqual([]);
  });
});

/**
 * The rulebook with the REAL England and Wales calendar: every case rule for one case, checked against dates
 * worked out by hand (bank holidays from GOV.UK: 25, 26 Dec 2025 and 1 Jan 2026 fall in the period).
 */
import { WorkingDayCalendar } from '../../libs/calendar/src';
import {
  CaseClocks,
  CaseFacts,
  ClockRuleError,
  ClockState,
  computeDeadline,
  computeDeadlines,
  DeadlineCalendar,
  getRule,
  getRulebook,
  LocalDate,
  resolveRulebook,
} from '../../workflows/rulebook';
import { ev, play, reach, steps } from '../../workflows/case/case-test-kit.spec';

// Compile-time check: the calendar satisfies the rulebook's interface without either importing the other.
const calendar: DeadlineCalendar = new WorkingDayCalendar();
const rulebook = getRulebook(1);
const clock = (startedOn: LocalDate, extra: Partial<ClockState> = {}): ClockState => ({
  startedOn,
  pauses: [],
  ...extra,
});

/**
 * One case. The publication dates are chosen to reuse the worked examples of rules.md §2.3, not as a realistic
 * timeline (a real LCSPR is published after the decision).
 */
const facts: CaseFacts = {
  laAwareOn: '2025-12-19', // Friday
  notificationSubmittedOn: '2025-12-30', // Tuesday
  decisionOn: '2026-01-30', // Friday
  plannedPublicationOn: '2026-01-05', // Monday
  publishedOn: '2026-01-05',
};

describe('every case rule for one case, with the real calendar', () => {
  const clocks: CaseClocks = {
    'notify-panel': clock('2025-12-19', { stoppedOn: '2025-12-29' }),
    'inform-partners': clock('2025-12-19', { stoppedOn: '2026-01-02' }),
    'rapid-review': clock('2025-12-19'),
    'lcspr-publish': clock('2026-01-30'),
    'pre-publication': clock('2025-12-01', { stoppedOn: '2025-12-22' }),
    'not-publishing': clock('2025-12-01', { cancelledOn: '2026-01-05' }),
    'keep-published': clock('2026-01-05'),
  };
  const today = '2026-01-12'; // Monday

  it('computes each due date and status', () => {
    expect(computeDeadlines(rulebook.rules, facts, clocks, today, calendar)).toEqual([
      // Fri 19 Dec + 5 WD: 22, 23, 24 Dec (1-3), 25, 26 Dec bank holidays, weekend, 29 (4), 30 Dec (5).
      // Stopped Mon 29 Dec, before the due date: met.
      { rule: 'notify-panel', startedOn: '2025-12-19', dueOn: '2025-12-30', stoppedOn: '2025-12-29', status: 'met' },
      // Same clock; partners told Fri 2 Jan 2026, after Tue 30 Dec: late.
      {
        rule: 'inform-partners',
        startedOn: '2025-12-19',
        dueOn: '2025-12-30',
        stoppedOn: '2026-01-02',
        status: 'late',
      },
      // Fri 19 Dec + 15 WD: 22, 23, 24, 29, 30 Dec (1-5), 31 Dec (6), 1 Jan bank holiday, Fri 2 Jan (7),
      // 5-9 Jan (8-12), 12, 13, 14 Jan (13-15) = Wed 14 Jan 2026. Today is 12 Jan: open.
      { rule: 'rapid-review', startedOn: '2025-12-19', dueOn: '2026-01-14', status: 'open' },
      // Fri 30 Jan 2026 + 6 calendar months = Thu 30 Jul 2026.
      { rule: 'lcspr-publish', startedOn: '2026-01-30', dueOn: '2026-07-30', status: 'open' },
      // Mon 5 Jan 2026 - 7 WD: 2 Jan (1), 1 Jan bank holiday, 31, 30, 29 Dec (2-4), 26, 25 Dec bank holidays,
      // 24, 23, 22 Dec (5-7) = Mon 22 Dec 2025. Report sent that day: met.
      { rule: 'pre-publication', startedOn: '2025-12-01', dueOn: '2025-12-22', stoppedOn: '2025-12-22', status: 'met' },
      // Mon 5 Jan 2026 + 12 calendar months = Tue 5 Jan 2027; a minimum period still running: open.
      { rule: 'keep-published', startedOn: '2026-01-05', dueOn: '2027-01-05', status: 'open' },
      // 0 WD before the planned date is the planned date itself; cancelled once the report was published.
      { rule: 'not-publishing', startedOn: '2025-12-01', dueOn: '2026-01-05', status: 'cancelled' },
    ]);
  });

  it('a partnership closed on Christmas Eve gets one more day for notify-panel (Wed 31 Dec 2025)', () => {
    const closedOnChristmasEve = new WorkingDayCalendar({ closureDays: ['2025-12-24'] });
    const deadline = computeDeadline(
      getRule(rulebook, 'notify-panel'),
      facts,
      clock('2025-12-19'),
      '2025-12-31',
      closedOnChristmasEve,
    );
    expect(deadline).toMatchObject({ dueOn: '2025-12-31', status: 'open' });
  });
});

describe('rapid-review counted from the notification (partnership override)', () => {
  const resolved = resolveRulebook(rulebook, [
    {
      rule: 'rapid-review',
      anchor: 'notificationSubmittedOn',
      reason: 'Our procedures follow the Panel guidance of June 2025',
    },
  ]);
  const rapidReview = resolved.rules.find((rule) => rule.id === 'rapid-review');

  it('is due Wed 21 Jan 2026: Tue 30 Dec 2025 + 15 WD, skipping 1 Jan (rules.md §2.3)', () => {
    // 31 Dec (1), 2 Jan (2), 5-9 Jan (3-7), 12-16 Jan (8-12), 19, 20, 21 Jan (13-15).
    const deadlines = computeDeadlines(
      resolved.rules,
      facts,
      { 'rapid-review': clock('2025-12-19') },
      '2026-01-12',
      calendar,
    );
    expect(deadlines).toEqual([{ rule: 'rapid-review', startedOn: '2025-12-19', dueOn: '2026-01-21', status: 'open' }]);
    expect(rapidReview?.override?.defaults.anchor).toBe('laAwareOn');
  });

  it('gives no rapid-review deadline until the notification date is known', () => {
    const { notificationSubmittedOn: _unknown, ...beforeNotification } = facts;
    expect(
      computeDeadlines(
        resolved.rules,
        beforeNotification,
        { 'rapid-review': clock('2025-12-19') },
        '2025-12-22',
        calendar,
      ),
    ).toEqual([]);
  });
});

describe('pre-publication before a publication planned on a non-working day', () => {
  it('is due Thu 19 Nov 2026 for a publication on Sun 29 Nov 2026: Fri 27 Nov is the 1st working day before it', () => {
    const planned: CaseFacts = { ...facts, plannedPublicationOn: '2026-11-29', publishedOn: undefined };
    const [deadline] = computeDeadlines(
      rulebook.rules.filter((rule) => rule.id === 'pre-publication'),
      planned,
      { 'pre-publication': clock('2026-11-02') },
      '2026-11-02',
      calendar,
    );
    expect(deadline).toEqual({ rule: 'pre-publication', startedOn: '2026-11-02', dueOn: '2026-11-19', status: 'open' });
  });
});

describe('pause and resume of lcspr-publish (calendar days)', () => {
  const lcspr = getRule(rulebook, 'lcspr-publish');

  it('paused Sun 1 Mar, resumed Wed 11 Mar 2026: 10 calendar days, due Sun 9 Aug 2026 instead of Thu 30 Jul', () => {
    const deadline = computeDeadline(
      lcspr,
      facts,
      clock('2026-01-30', { pauses: [{ from: '2026-03-01', to: '2026-03-11', reason: 'criminal-proceedings' }] }),
      '2026-04-01',
      calendar,
    );
    // Calendar days, not working days: the due date may fall on a weekend.
    expect(deadline).toMatchObject({ dueOn: '2026-08-09', status: 'open' });
  });

  it('while still paused on Fri 20 Mar 2026 the due date has moved 19 days (Tue 18 Aug) and the status is paused', () => {
    const deadline = computeDeadline(
      lcspr,
      facts,
      clock('2026-01-30', { pauses: [{ from: '2026-03-01' }] }),
      '2026-03-20',
      calendar,
    );
    expect(deadline).toMatchObject({ dueOn: '2026-08-18', status: 'paused' });
  });

  it('a paused working-day rule (rapid-review) moves on by working days: paused Mon 5 to Fri 9 Jan 2026 is 4 WD', () => {
    // Due Wed 14 Jan + 4 WD = Tue 20 Jan 2026.
    const deadline = computeDeadline(
      getRule(rulebook, 'rapid-review'),
      facts,
      clock('2025-12-19', { pauses: [{ from: '2026-01-05', to: '2026-01-09' }] }),
      '2026-01-12',
      calendar,
    );
    expect(deadline).toMatchObject({ dueOn: '2026-01-20', status: 'open' });
  });
});

describe('met, late, overdue and cancelled for notify-panel (due Tue 30 Dec 2025)', () => {
  const notify = getRule(rulebook, 'notify-panel');
  const status = (state: Partial<ClockState>, today: LocalDate) =>
    computeDeadline(notify, facts, clock('2025-12-19', state), today, calendar)?.status;

  it.each([
    ['open on the due date itself', {}, '2025-12-30', 'open'],
    ['overdue the day after', {}, '2025-12-31', 'overdue'],
    ['met when notified on the due date', { stoppedOn: '2025-12-30' }, '2026-02-01', 'met'],
    ['late when notified the day after', { stoppedOn: '2025-12-31' }, '2025-12-31', 'late'],
    ['cancelled when the notification is withdrawn', { cancelledOn: '2025-12-22' }, '2026-02-01', 'cancelled'],
  ])('%s', (_why, state, today, expected) => {
    expect(status(state, today)).toBe(expected);
  });

  it('refuses a pause of notify-panel', () => {
    expect(() => status({ pauses: [{ from: '2025-12-22', to: '2025-12-23' }] }, '2025-12-23')).toThrow(ClockRuleError);
  });
});

describe('keep-published from 29 February', () => {
  const keep = getRule(rulebook, 'keep-published');
  const deadline = (today: LocalDate) =>
    computeDeadline(keep, { publishedOn: '2028-02-29' }, clock('2028-02-29'), today, calendar);

  it('is due Wed 28 Feb 2029 (12 months on, clamped to the end of February)', () => {
    expect(deadline('2029-02-27')).toMatchObject({ dueOn: '2029-02-28', status: 'open' });
  });

  it('is met from 28 Feb 2029 on and never overdue', () => {
    expect(deadline('2029-02-28')?.status).toBe('met');
    expect(deadline('2031-06-01')?.status).toBe('met');
  });
});

describe('an agency return asked for before Christmas (rulebook version 2, the real calendar)', () => {
  it('is due 5 working days after the request, skipping the weekend and both bank holidays', () => {
    // Requested Fri 18 Dec 2026: Mon 21, Tue 22, Wed 23, Thu 24 Dec; Fri 25 (Christmas), Sat, Sun, Mon 28 Dec
    // (Boxing Day substitute) are not working days; the 5th is Tue 29 Dec 2026.
    const [deadline] = computeDeadlines(getRulebook(2).rules, {}, {}, '2026-12-30', calendar, {
      'agency-return:police': { rule: 'agency-return', subject: 'police', startedOn: '2026-12-18', pauses: [] },
    });
    expect(deadline).toEqual({
      rule: 'agency-return',
      subject: 'police',
      startedOn: '2026-12-18',
      dueOn: '2026-12-29',
      status: 'overdue',
    });
  });
});

describe('an LCSPR extended over Easter (issue 12 item 5: rulebook version 2, the machine, the real calendar)', () => {
  // Decided Fri 23 Jan 2026 (the test kit's timeline), paused Mon 2 Mar to Mon 16 Mar (14 calendar days).
  const paused = play(reach('lcspr.in-progress'), steps.pause(), steps.resume());
  const extended = play(
    paused,
    ev({ type: 'lcspr.extended', reason: 'inquest listed', newCompletionOn: '2026-09-30' }, '2026-04-02'),
  );
  const deadlinesOf = (s: typeof paused, today: LocalDate) =>
    computeDeadlines(getRulebook(2).rules, s.context.facts, s.context.clocks, today, calendar);
  const rule = (s: typeof paused, id: string, today: LocalDate) => deadlinesOf(s, today).find((d) => d.rule === id);

  it('was due 6 months after the decision plus the 14 days paused: Thu 6 Aug 2026', () => {
    // 23 Jan + 6 months = Thu 23 Jul 2026; + 14 calendar days = Thu 6 Aug 2026.
    expect(rule(paused, 'lcspr-publish', '2026-04-01')).toMatchObject({ dueOn: '2026-08-06', status: 'open' });
  });

  it('is due on the agreed date once extended: the pause before the extension no longer moves it', () => {
    expect(rule(extended, 'lcspr-publish', '2026-04-02')).toMatchObject({ dueOn: '2026-09-30', status: 'open' });
  });

  it('gives 5 working days to tell the Panel, skipping Good Friday and Easter Monday: due Mon 13 Apr 2026', () => {
    // Agreed Thu 2 Apr 2026: Fri 3 Apr (Good Friday), the weekend and Mon 6 Apr (Easter Monday) are not working
    // days; Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 Apr (5).
    expect(rule(extended, 'lcspr-extension-notice', '2026-04-13')).toEqual({
      rule: 'lcspr-extension-notice',
      startedOn: '2026-04-02',
      dueOn: '2026-04-13',
      status: 'open',
    });
    expect(rule(extended, 'lcspr-extension-notice', '2026-04-14')?.status).toBe('overdue');
  });

  it('is met when the Panel is told on Fri 10 Apr, and a pause after the extension moves the agreed date on', () => {
    const told = play(extended, ev({ type: 'lcspr.extension-notified', informedOn: '2026-04-10' }, '2026-04-10'));
    expect(rule(told, 'lcspr-extension-notice', '2026-04-20')).toMatchObject({
      stoppedOn: '2026-04-10',
      status: 'met',
    });
    // Paused Fri 1 May to Mon 11 May 2026: 10 calendar days after the extension, so 30 Sep becomes Sat 10 Oct 2026.
    const pausedAgain = play(
      told,
      ev({ type: 'lcspr.paused', reason: 'inquest', detail: 'coroner' }, '2026-05-01'),
      ev({ type: 'lcspr.resumed', resumedOn: '2026-05-11' }, '2026-05-11'),
    );
    expect(rule(pausedAgain, 'lcspr-publish', '2026-05-12')).toMatchObject({ dueOn: '2026-10-10', status: 'open' });
  });
});

/**
 * Issue 12 item 2: the Secretary of State's and Ofsted's notification of a looked-after child's death (5 working days
 * after the local authority became aware), and the Panel's clocks of such a death later found to be a serious
 * incident, counted from the day abuse or neglect came to be suspected (the clocks' own `anchors`).
 */
describe('notify-sos-ofsted and the Panel clocks of a death later found to be a serious incident', () => {
  const rules = getRulebook(2).rules;

  it('falls 5 working days after the local authority became aware, over Christmas', () => {
    // Fri 19 Dec 2025: Mon 22 (1), Tue 23 (2), Wed 24 (3), Thu 25 and Fri 26 bank holidays, Mon 29 (4), Tue 30 (5).
    const [deadline] = computeDeadlines(
      rules,
      { laAwareOn: '2025-12-19' },
      { 'notify-sos-ofsted': clock('2025-12-19') },
      '2025-12-31',
      calendar,
    );
    expect(deadline).toEqual({
      rule: 'notify-sos-ofsted',
      startedOn: '2025-12-19',
      dueOn: '2025-12-30',
      status: 'overdue',
    });
  });

  it('falls 5 working days after the local authority became aware, over Easter', () => {
    // Thu 2 Apr 2026: Good Friday 3 Apr and Easter Monday 6 Apr are bank holidays; Tue 7 (1) ... Mon 13 Apr (5).
    const [deadline] = computeDeadlines(
      rules,
      { laAwareOn: '2026-04-02' },
      { 'notify-sos-ofsted': clock('2026-04-02', { stoppedOn: '2026-04-13' }) },
      '2026-04-14',
      calendar,
    );
    expect(deadline).toMatchObject({ dueOn: '2026-04-13', stoppedOn: '2026-04-13', status: 'met' });
  });

  it("counts the Panel's clocks from their own anchor, the Secretary of State's from the case's fact", () => {
    // Aware of the death Fri 20 Mar 2026: 23 (1), 24, 25, 26, Fri 27 Mar (5).
    // Abuse suspected Thu 2 Apr 2026: the Panel within 5 working days, Mon 13 Apr (Easter as above); the rapid review
    // within 15: 7, 8, 9, 10, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, Mon 27 Apr (15).
    const anchored = clock('2026-04-02', { anchors: { laAwareOn: '2026-04-02' } });
    const deadlines = computeDeadlines(
      rules,
      { laAwareOn: '2026-03-20' },
      {
        'notify-panel': anchored,
        'rapid-review': anchored,
        'notify-sos-ofsted': clock('2026-03-20', { stoppedOn: '2026-03-26' }),
      },
      '2026-04-02',
      calendar,
    );
    expect(deadlines.map(({ rule, dueOn, status }) => [rule, dueOn, status])).toEqual([
      ['notify-panel', '2026-04-13', 'open'],
      ['rapid-review', '2026-04-27', 'open'],
      ['notify-sos-ofsted', '2026-03-27', 'met'],
    ]);
  });

  it("lets a partnership's override still move an anchored rapid review to the notification date", () => {
    // Counted from the notification sent Wed 8 Apr 2026: 15 working days later is Wed 29 Apr 2026.
    const resolved = resolveRulebook(getRulebook(2), [
      { rule: 'rapid-review', anchor: 'notificationSubmittedOn', reason: 'Counted from the notification (test)' },
    ]);
    const [deadline] = computeDeadlines(
      resolved.rules.filter((rule) => rule.id === 'rapid-review'),
      { laAwareOn: '2026-03-20', notificationSubmittedOn: '2026-04-08' },
      { 'rapid-review': clock('2026-04-02', { anchors: { laAwareOn: '2026-04-02' } }) },
      '2026-04-09',
      calendar,
    );
    expect(deadline.dueOn).toBe('2026-04-29');
  });
});

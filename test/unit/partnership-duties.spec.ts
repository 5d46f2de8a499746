/**
 * The partnership's own duties with the REAL England and Wales calendar, against dates worked out by hand: the annual
 * report at least once in every 12 months (rules.md rule 22), its copies to the Panel and the What Works Centre within
 * 7 days of publication (rule 23).
 */
import { WorkingDayCalendar } from '../../libs/calendar/src';
import {
  copiesCompletedOn,
  DeadlineCalendar,
  getRule,
  getRulebook,
  partnershipDeadlines,
  resolveRulebook,
} from '../../workflows/rulebook';

const calendar: DeadlineCalendar = new WorkingDayCalendar();
const rules = getRulebook().rules;

describe('the annual-report-copies rule', () => {
  it('is a partnership rule of version 2: 7 calendar days after the last annual report was published, unconfirmed (rule 23)', () => {
    expect(getRule(getRulebook(2), 'annual-report-copies')).toMatchObject({
      scope: 'partnership',
      anchor: 'lastAnnualReportPublishedOn',
      length: 7,
      unit: 'calendar-days',
      direction: 'after',
      kind: 'deadline',
      pausable: false,
      source: { confidence: 'U', section: expect.stringContaining('rules.md rule 23') },
    });
  });
});

describe('partnershipDeadlines', () => {
  it('knows no due date before the partnership has recorded a published report', () => {
    expect(partnershipDeadlines(rules, {}, '2026-03-01', calendar)).toEqual([]);
  });

  it('published Saturday 31 January 2026: copies due Saturday 7 February 2026, the next report 31 January 2027', () => {
    expect(partnershipDeadlines(rules, { lastPublishedOn: '2026-01-31' }, '2026-02-02', calendar)).toEqual([
      { rule: 'annual-report', startedOn: '2026-01-31', dueOn: '2027-01-31', status: 'open' },
      { rule: 'annual-report-copies', startedOn: '2026-01-31', dueOn: '2026-02-07', status: 'open' },
    ]);
  });

  it('counts the copies in calendar days, bank holidays included: published 24 December 2026, due 31 December', () => {
    const [, copies] = partnershipDeadlines(rules, { lastPublishedOn: '2026-12-24' }, '2026-12-24', calendar);
    expect(copies.dueOn).toBe('2026-12-31');
  });

  it('from 29 February 2028, the next report is due 28 February 2029 (the month has no 29th) and copies 7 March 2028', () => {
    const deadlines = partnershipDeadlines(rules, { lastPublishedOn: '2028-02-29' }, '2028-03-01', calendar);
    expect(deadlines.map((d) => [d.rule, d.dueOn])).toEqual([
      ['annual-report', '2029-02-28'],
      ['annual-report-copies', '2028-03-07'],
    ]);
  });

  it('is open on the due day and overdue the day after', () => {
    const on = (today: string) =>
      partnershipDeadlines(rules, { lastPublishedOn: '2026-01-31' }, today, calendar).map((d) => d.status);
    expect(on('2026-02-07')).toEqual(['open', 'open']);
    expect(on('2026-02-08')).toEqual(['open', 'overdue']);
    expect(on('2027-01-31')).toEqual(['open', 'overdue']);
    expect(on('2027-02-01')).toEqual(['overdue', 'overdue']);
  });

  it('meets the copies duty on the day the second copy went, and only once both have gone', () => {
    const copies = (copiesSentOn: Record<string, string>, today = '2026-02-20') =>
      partnershipDeadlines(rules, { lastPublishedOn: '2026-01-31', copiesSentOn }, today, calendar)[1];
    expect(copies({ panel: '2026-02-02' })).toMatchObject({ status: 'overdue' });
    expect(copies({ panel: '2026-02-02' })).not.toHaveProperty('stoppedOn');
    expect(copies({ panel: '2026-02-02', 'what-works-centre': '2026-02-07' })).toMatchObject({
      status: 'met',
      stoppedOn: '2026-02-07',
    });
    expect(copies({ 'what-works-centre': '2026-02-03', panel: '2026-02-08' })).toMatchObject({
      status: 'late',
      stoppedOn: '2026-02-08',
    });
  });

  it("follows the partnership's override of a rule's length", () => {
    const overridden = resolveRulebook(getRulebook(), [
      { rule: 'annual-report-copies', length: 5, unit: 'working-days', reason: 'Our arrangements say so' },
    ]).rules;
    // Friday 30 January 2026 + 5 working days = Friday 6 February 2026.
    const [, copies] = partnershipDeadlines(overridden, { lastPublishedOn: '2026-01-30' }, '2026-02-02', calendar);
    expect(copies.dueOn).toBe('2026-02-06');
  });
});

describe('copiesCompletedOn', () => {
  it('is the later of the two days, once both copies are recorded', () => {
    expect(copiesCompletedOn({ copiesSentOn: { panel: '2026-02-05' } })).toBeUndefined();
    expect(copiesCompletedOn({ copiesSentOn: { panel: '2026-02-05', 'what-works-centre': '2026-02-03' } })).toBe(
      '2026-02-05',
    );
  });
});

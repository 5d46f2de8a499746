import {
  buildReport,
  FEWER_THAN_5,
  NOT_APPLICABLE,
  reportCellCases,
  reportRowIds,
  type Report,
  type ReportCell,
} from './build-report';
import { sampleFacts } from '../../../test/support/report-samples';
import type { ActionFact, CaseFacts, ChildFact } from './case-facts';
import { AGE_BANDS, ETHNIC_GROUPS, NOT_A_DFE_CODE, NOT_RECORDED, REPORT_FIGURES } from './report-figures';
import { financialYear, reportColumns, reportPeriod, type ReportPeriod } from './report-periods';

/** The financial year 2026-27; the report read on 1 June 2027, after it ended. */
const FY = financialYear(2026);
const AFTER = '2027-06-01';
const COLUMNS = reportColumns(FY).map(({ key }) => key);

let made = 0;
/** One case's facts, numbered in the order made: nothing happened unless given. */
function facts(given: Partial<CaseFacts> = {}): CaseFacts {
  made += 1;
  return sampleFacts(`CSPR-2026-${String(made).padStart(4, '0')}`, given);
}
const action = (given: Partial<ActionFact> & { dueOn: string }): ActionFact => ({
  id: 'A1',
  addedOn: '2026-01-10',
  ...given,
});
const child = (given: Partial<ChildFact> = {}): ChildFact => ({ sex: 'female', ageYears: 3, ...given });
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

function cellsOf(report: Report, rowId: string): ReportCell[] {
  for (const section of report.sections)
    for (const figure of section.figures) {
      const row = figure.rows.find(({ id }) => id === rowId);
      if (row) return row.cells;
    }
  throw new Error(`no row ${rowId}`);
}
/** A row's displays, Q1, Q2, Q3, Q4, Year. */
const shown = (report: Report, rowId: string) => cellsOf(report, rowId).map(({ display }) => display);
const report = (all: CaseFacts[], period: ReportPeriod = FY, today = AFTER) => buildReport(all, period, today);
/** How many items the drill-down of each column lists. */
const listed = (all: CaseFacts[], rowId: string, today = AFTER, period: ReportPeriod = FY) =>
  reportColumns(period).map(({ key }) => reportCellCases(all, period, today, rowId, key)!.cases.length);

/** Each figure's row, and a case whose one counted act happens on `on`. */
const DATED: [string, (on: string) => Partial<CaseFacts>][] = [
  ['rapid-reviews-completed', (on) => ({ rapidReviewSentOn: on })],
  ['rapid-reviews-on-time', (on) => ({ rapidReviewSentOn: on, rapidReviewDueOn: on })],
  ['active-practice-reviews', (on) => ({ practiceReview: [{ from: on, to: on }] })],
  ['notifications.serious-incident', (on) => ({ panelNotifiedOn: on })],
  ['notifications.looked-after-death', (on) => ({ nature: 'looked-after-death', sosOfstedNotifiedOn: on })],
  ['notifications.care-leaver-death', (on) => ({ nature: 'care-leaver-death', sosOfstedNotifiedOn: on })],
  ['notified-within-5-working-days', (on) => ({ panelNotifiedOn: on, panelNotificationDueOn: on })],
  ['rapid-review-working-days.median', (on) => ({ rapidReviewSentOn: on, rapidReviewWorkingDays: 9 })],
  ['decisions.lcspr', (on) => ({ decisions: [{ on, outcome: 'lcspr' }] })],
  ['decisions.no-lcspr', (on) => ({ decisions: [{ on, outcome: 'no-lcspr' }] })],
  ['decisions.national-review', (on) => ({ decisions: [{ on, outcome: 'national-review' }] })],
  ['panel-responses.agrees', (on) => ({ panelResponses: [{ on, response: 'agrees' }] })],
  ['panel-responses.challenges', (on) => ({ panelResponses: [{ on, response: 'challenges' }] })],
  ['lcsprs-commissioned', (on) => ({ lcsprCommissionedOn: on })],
  ['lcsprs-paused', (on) => ({ pauses: [{ on, reason: 'inquest' }] })],
  ['lcsprs-extended', (on) => ({ extensions: [{ on, reason: 'More time.' }] })],
  ['lcsprs-completed', (on) => ({ lcsprCompletedOn: on })],
  ['lcsprs-published', (on) => ({ publishedOn: on })],
  ['lcsprs-published-within-6-months', (on) => ({ publishedOn: on, lcsprDecidedOn: on })],
  ['lcsprs-published-by-due-date', (on) => ({ publishedOn: on, lcsprDueOn: on })],
  ['publications-delayed', (on) => ({ delays: [{ on, reason: 'A trial.' }] })],
  ['publications-withheld', (on) => ({ withholdings: [{ on, reason: 'A sibling.' }] })],
  ['actions-due', (on) => ({ actions: [action({ dueOn: on })] })],
  ['actions-done', (on) => ({ actions: [action({ dueOn: '2027-12-01', completedOn: on })] })],
  ['actions-escalated', (on) => ({ actions: [action({ dueOn: '2026-01-01', completedOn: on, escalatedOn: on })] })],
  ['harm-categories.neglect', (on) => ({ panelNotifiedOn: on, harmCategories: ['neglect'] })],
  ['contributing-factors.online-harm', (on) => ({ panelNotifiedOn: on, contributingFactors: ['online-harm'] })],
  ['children-by-sex.male', (on) => ({ sosOfstedNotifiedOn: on, children: [child({ sex: 'male' })] })],
  ['children-by-age.1-4', (on) => ({ panelNotifiedOn: on, children: [child({ ageYears: 4 })] })],
  ['children-by-ethnicity.white', (on) => ({ panelNotifiedOn: on, children: [child({ ethnicity: 'WBRI' })] })],
  ['children-by-disability.disabled', (on) => ({ panelNotifiedOn: on, children: [child({ disability: 'disabled' })] })],
];

describe('buildReport: which quarter each figure counts an act in', () => {
  it('has a dated case for every figure (but the overdue actions, read on a day)', () => {
    const figures = new Set(DATED.map(([rowId]) => rowId.split('.')[0]));
    expect(REPORT_FIGURES.map(({ id }) => id).filter((id) => !figures.has(id))).toEqual(['actions-overdue']);
  });

  describe.each(DATED)('%s', (rowId, make) => {
    it.each([
      ['2026-04-01', [1, 0, 0, 0, 1]],
      ['2026-06-30', [1, 0, 0, 0, 1]],
      ['2026-07-01', [0, 1, 0, 0, 1]],
      ['2026-12-31', [0, 0, 1, 0, 1]],
      ['2027-01-01', [0, 0, 0, 1, 1]],
      ['2027-03-31', [0, 0, 0, 1, 1]],
      ['2026-03-31', [0, 0, 0, 0, 0]],
      ['2027-04-01', [0, 0, 0, 0, 0]],
    ])('counts an act on %s in the columns %j', (on, expected) => {
      expect(listed([facts(make(on))], rowId)).toEqual(expected);
    });

    it('shows the count of several cases in the cell, as a number unless the small-number rule hides it', () => {
      const all = times(3, () => facts(make('2026-08-15')));
      const figure = REPORT_FIGURES.find(({ id }) => id === rowId.split('.')[0])!;
      const three = figure.statistics ? '9' : figure.smallNumbers ? FEWER_THAN_5 : '3';
      expect(shown(report(all), rowId)).toEqual([
        figure.notApplicableWithout ? NOT_APPLICABLE : '0',
        three,
        figure.notApplicableWithout ? NOT_APPLICABLE : '0',
        figure.notApplicableWithout ? NOT_APPLICABLE : '0',
        three,
      ]);
    });
  });

  it('counts a rapid review sent after its due date as completed, not on time', () => {
    const late = facts({ rapidReviewSentOn: '2026-05-02', rapidReviewDueOn: '2026-05-01' });
    const onTheDay = facts({ rapidReviewSentOn: '2026-05-01', rapidReviewDueOn: '2026-05-01' });
    const noDeadline = facts({ rapidReviewSentOn: '2026-05-01' });
    const r = report([late, onTheDay, noDeadline]);
    expect(shown(r, 'rapid-reviews-completed')).toEqual(['3', '0', '0', '0', '3']);
    expect(shown(r, 'rapid-reviews-on-time')).toEqual(['1', 'n/a', 'n/a', 'n/a', '1']);
  });

  it('counts a Panel notification after its due date as made, not within 5 working days', () => {
    const late = facts({ panelNotifiedOn: '2026-05-09', panelNotificationDueOn: '2026-05-08' });
    expect(shown(report([late]), 'notifications.serious-incident')).toEqual(['1', '0', '0', '0', '1']);
    expect(shown(report([late]), 'notified-within-5-working-days')).toEqual(['0', 'n/a', 'n/a', 'n/a', '0']);
  });

  it('counts a case opened as a death and later notified to the Panel once in each notification’s row', () => {
    const both = facts({
      nature: 'looked-after-death',
      sosOfstedNotifiedOn: '2026-05-01',
      panelNotifiedOn: '2026-05-20',
    });
    const r = report([both, facts({ sosOfstedNotifiedOn: '2026-05-01' })]);
    expect(shown(r, 'notifications.looked-after-death')).toEqual(['1', '0', '0', '0', '1']);
    expect(shown(r, 'notifications.serious-incident')).toEqual(['1', '0', '0', '0', '1']);
  });

  it('counts an LCSPR published six calendar months after the decision as within 6 months, a day later not', () => {
    const onTheDay = facts({ lcsprDecidedOn: '2026-08-31', publishedOn: '2027-02-28' });
    const dayLate = facts({ lcsprDecidedOn: '2026-08-31', publishedOn: '2027-03-01' });
    const r = report([onTheDay, dayLate]);
    expect(shown(r, 'lcsprs-published')).toEqual(['0', '0', '0', '2', '2']);
    expect(shown(r, 'lcsprs-published-within-6-months')).toEqual(['n/a', 'n/a', 'n/a', '1', '1']);
  });

  it('counts an LCSPR published after its moved due date as not published by it', () => {
    const late = facts({ lcsprDecidedOn: '2026-04-01', lcsprDueOn: '2026-11-01', publishedOn: '2026-11-02' });
    expect(shown(report([late]), 'lcsprs-published-by-due-date')).toEqual(['n/a', 'n/a', '0', 'n/a', '0']);
  });
});

describe('buildReport: "n/a" where the figure measured over counts nothing', () => {
  const NOT_APPLICABLE_ROWS = [
    'rapid-reviews-on-time',
    'notified-within-5-working-days',
    'rapid-review-working-days.median',
    'rapid-review-working-days.shortest',
    'rapid-review-working-days.longest',
    'lcsprs-published-within-6-months',
    'lcsprs-published-by-due-date',
  ];

  it('reads "n/a" with no value in exactly the measured figures of an empty report, 0 everywhere else', () => {
    const r = report([]);
    for (const rowId of reportRowIds()) {
      const expected: ReportCell = NOT_APPLICABLE_ROWS.includes(rowId)
        ? { column: expect.any(String), value: null, display: NOT_APPLICABLE, notApplicable: true }
        : { column: expect.any(String), value: 0, display: '0' };
      for (const cell of cellsOf(r, rowId)) expect({ rowId, cell }).toEqual({ rowId, cell: expected });
    }
  });

  it('reads "n/a" in the quarters without a rapid review, and a number in the quarter with one', () => {
    const r = report([facts({ rapidReviewSentOn: '2026-10-01', rapidReviewWorkingDays: 14 })]);
    expect(shown(r, 'rapid-reviews-on-time')).toEqual(['n/a', 'n/a', '0', 'n/a', '0']);
    expect(shown(r, 'rapid-review-working-days.median')).toEqual(['n/a', 'n/a', '14', 'n/a', '14']);
  });

  it('reads "n/a" for the Panel notifications on time where only the Secretary of State and Ofsted were notified', () => {
    const death = facts({ nature: 'looked-after-death', sosOfstedNotifiedOn: '2026-05-01' });
    expect(shown(report([death]), 'notified-within-5-working-days')).toEqual(['n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
  });

  it('reads "n/a" for the publications on time where an LCSPR was completed but none published', () => {
    const r = report([facts({ lcsprCompletedOn: '2026-05-01', lcsprDecidedOn: '2026-01-01' })]);
    expect(shown(r, 'lcsprs-published-within-6-months')).toEqual(['n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
  });
});

/** For each row of each figure about children: a case that puts one item in that row. */
function oneIn(figureId: string, key: string, on: string): CaseFacts {
  const notified = { panelNotifiedOn: on };
  switch (figureId) {
    case 'harm-categories':
      return facts({ ...notified, harmCategories: key === NOT_RECORDED ? [] : [key] });
    case 'contributing-factors':
      return facts({ ...notified, contributingFactors: key === NOT_RECORDED ? [] : [key] });
    case 'children-by-sex':
      return facts({ ...notified, children: [child({ sex: key })] });
    case 'children-by-age':
      return facts({ ...notified, children: [child({ ageYears: AGE_BANDS.find((band) => band.key === key)!.max })] });
    case 'children-by-ethnicity': {
      const ethnicity =
        key === NOT_RECORDED
          ? undefined
          : (ETHNIC_GROUPS.find((group) => group.key === key)?.codes[0] ?? 'White British');
      return facts({ ...notified, children: [child({ ethnicity })] });
    }
    case 'children-by-disability': {
      const disability = key === NOT_RECORDED ? undefined : key === NOT_A_DFE_CODE ? 'None known' : key;
      return facts({ ...notified, children: [child({ disability })] });
    }
  }
  throw new Error(`no maker for ${figureId}`);
}

describe('buildReport: the small-number rule', () => {
  const smallRows = REPORT_FIGURES.filter(({ smallNumbers }) => smallNumbers).flatMap((figure) =>
    figure.rows!.map(({ key }) => [`${figure.id}.${key}`, figure.id, key] as const),
  );

  it('applies to the figures about children and their circumstances, and only those', () => {
    expect(REPORT_FIGURES.filter(({ smallNumbers }) => smallNumbers).map(({ id }) => id)).toEqual([
      'harm-categories',
      'contributing-factors',
      'children-by-sex',
      'children-by-age',
      'children-by-ethnicity',
      'children-by-disability',
    ]);
  });

  it.each(smallRows)('%s: shows 0, hides 1 to 4 as "fewer than 5" with no value, shows 5', (rowId, figureId, key) => {
    const cellFor = (n: number) => {
      const all = times(n, () => oneIn(figureId, key, '2026-05-01'));
      const whole = cellsOf(report(all), rowId).at(-1)!;
      expect(listed(all, rowId).at(-1)).toBe(n);
      return whole;
    };
    expect(cellFor(0)).toEqual({ column: 'whole', value: 0, display: '0' });
    for (const n of [1, 2, 3, 4])
      expect(cellFor(n)).toEqual({ column: 'whole', value: null, display: FEWER_THAN_5, suppressed: true });
    expect(cellFor(5)).toEqual({ column: 'whole', value: 5, display: '5' });
  });

  it('counts the children of one case one by one: four of a case are "fewer than 5", five of two cases are 5', () => {
    const four = facts({ panelNotifiedOn: '2026-05-01', children: times(4, () => child()) });
    const one = facts({ panelNotifiedOn: '2026-05-01', children: [child()] });
    expect(shown(report([four]), 'children-by-sex.female')).toEqual([FEWER_THAN_5, '0', '0', '0', FEWER_THAN_5]);
    expect(shown(report([four, one]), 'children-by-sex.female')).toEqual(['5', '0', '0', '0', '5']);
  });

  it('never hides a small count of any other figure', () => {
    for (const [rowId, make] of DATED) {
      const figure = REPORT_FIGURES.find(({ id }) => id === rowId.split('.')[0])!;
      if (figure.smallNumbers || figure.statistics) continue;
      const cells = cellsOf(report([facts(make('2026-05-01'))]), rowId);
      expect({ rowId, cells: cells.filter(({ suppressed }) => suppressed) }).toEqual({ rowId, cells: [] });
      expect({ rowId, q1: cells[0] }).toEqual({ rowId, q1: { column: '2026-27-q1', value: 1, display: '1' } });
    }
  });

  it('counts a case with no harm category recorded as "Not recorded", and one with two in both rows', () => {
    const none = facts({ panelNotifiedOn: '2026-05-01' });
    const two = facts({ panelNotifiedOn: '2026-05-01', harmCategories: ['neglect', 'physical-abuse'] });
    expect(listed([none, two], 'harm-categories.not-recorded')).toEqual([1, 0, 0, 0, 1]);
    expect(listed([none, two], 'harm-categories.neglect')).toEqual([1, 0, 0, 0, 1]);
    expect(listed([none, two], 'harm-categories.physical-abuse')).toEqual([1, 0, 0, 0, 1]);
  });

  it('puts free-text ethnicity and disability apart from the DfE codes and from none, and every age in its band', () => {
    const odd = facts({
      panelNotifiedOn: '2026-05-01',
      children: [
        child({ ethnicity: 'White British', disability: 'None known' }),
        child({ ethnicity: 'wbri', disability: undefined }),
        child({ ethnicity: ' ', disability: 'disabled' }),
      ],
    });
    expect(listed([odd], 'children-by-ethnicity.not-a-dfe-code').at(-1)).toBe(2);
    expect(listed([odd], 'children-by-ethnicity.not-recorded').at(-1)).toBe(1);
    expect(listed([odd], 'children-by-disability.not-a-dfe-code').at(-1)).toBe(1);
    expect(listed([odd], 'children-by-disability.not-recorded').at(-1)).toBe(1);
    expect(listed([odd], 'children-by-disability.disabled').at(-1)).toBe(1);
    for (let age = 0; age <= 24; age++) {
      const band = AGE_BANDS.find(({ min, max }) => age >= min && age <= max)!;
      const one = facts({ panelNotifiedOn: '2026-05-01', children: [child({ ageYears: age })] });
      expect({ age, listed: listed([one], `children-by-age.${band.key}`).at(-1) }).toEqual({ age, listed: 1 });
    }
  });

  it('counts a case’s children in the quarter of its first notification only, once in the year', () => {
    const twice = facts({
      nature: 'looked-after-death',
      sosOfstedNotifiedOn: '2026-06-29',
      panelNotifiedOn: '2026-07-02',
      harmCategories: ['neglect'],
      children: [child({ sex: 'male' })],
    });
    expect(listed([twice], 'children-by-sex.male')).toEqual([1, 0, 0, 0, 1]);
    expect(listed([twice], 'harm-categories.neglect')).toEqual([1, 0, 0, 0, 1]);
    const acrossYears = facts({
      sosOfstedNotifiedOn: '2026-03-31',
      panelNotifiedOn: '2026-04-01',
      children: [child()],
    });
    expect(listed([acrossYears], 'children-by-sex.female')).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('buildReport: active practice reviews (each case once in a column)', () => {
  const twoSpells = facts({
    practiceReview: [
      { from: '2026-07-01', to: '2026-07-31' },
      { from: '2026-09-01', to: '2026-12-15' },
    ],
  });

  it('counts a case with two spells in one quarter once there and once in the year', () => {
    expect(shown(report([twoSpells]), 'active-practice-reviews')).toEqual(['0', '1', '1', '0', '1']);
  });

  it('lists a case with two spells in a cell once, as it is counted once', () => {
    const cell = reportCellCases([twoSpells], FY, AFTER, 'active-practice-reviews', 'whole')!;
    expect(cell.cases).toEqual([
      { caseId: twoSpells.caseId, reference: twoSpells.reference, on: '2026-07-01', detail: 'until 2026-07-31' },
    ]);
  });

  it('counts a spell in every quarter it touches, both end days included, and an open one in every later quarter', () => {
    const endsQ1 = facts({ practiceReview: [{ from: '2025-11-01', to: '2026-06-30' }] });
    const startsQ2 = facts({ practiceReview: [{ from: '2026-09-30', to: '2026-10-01' }] });
    const open = facts({ practiceReview: [{ from: '2026-12-31' }] });
    const endedBefore = facts({ practiceReview: [{ from: '2025-11-01', to: '2026-03-31' }] });
    expect(listed([endsQ1], 'active-practice-reviews')).toEqual([1, 0, 0, 0, 1]);
    expect(listed([startsQ2], 'active-practice-reviews')).toEqual([0, 1, 1, 0, 1]);
    expect(listed([open], 'active-practice-reviews')).toEqual([0, 0, 1, 1, 1]);
    expect(listed([endedBefore], 'active-practice-reviews')).toEqual([0, 0, 0, 0, 0]);
    expect(shown(report([endsQ1, startsQ2, open, endedBefore]), 'active-practice-reviews')).toEqual([
      '1',
      '1',
      '2',
      '1',
      '3',
    ]);
  });
});

describe('buildReport: working days taken by rapid reviews', () => {
  const sent = (...days: number[]) =>
    days.map((rapidReviewWorkingDays) => facts({ rapidReviewSentOn: '2026-05-01', rapidReviewWorkingDays }));
  const stats = (r: Report) =>
    ['median', 'shortest', 'longest'].map((key) => cellsOf(r, `rapid-review-working-days.${key}`).at(-1));

  it('gives the middle value of an odd number, the shortest and the longest', () => {
    expect(stats(report(sent(15, 10, 12)))).toEqual([
      { column: 'whole', value: 12, display: '12' },
      { column: 'whole', value: 10, display: '10' },
      { column: 'whole', value: 15, display: '15' },
    ]);
  });

  it('gives an even number halfway between the middle two, a half shown to one decimal place', () => {
    expect(stats(report(sent(20, 10, 13, 11)))[0]).toEqual({ column: 'whole', value: 12, display: '12' });
    expect(stats(report(sent(20, 10, 12, 11)))[0]).toEqual({ column: 'whole', value: 11.5, display: '11.5' });
    expect(stats(report(sent(9, 100)))).toEqual([
      { column: 'whole', value: 54.5, display: '54.5' },
      { column: 'whole', value: 9, display: '9' },
      { column: 'whole', value: 100, display: '100' },
    ]);
  });

  it('sorts the values as numbers, not as text', () => {
    expect(stats(report(sent(9, 10, 100)))[0]).toEqual({ column: 'whole', value: 10, display: '10' });
  });

  it('opens every statistic row to the same rapid reviews, each with its working days', () => {
    const all = sent(12, 15);
    const cases = (key: string) =>
      reportCellCases(all, FY, AFTER, `rapid-review-working-days.${key}`, 'whole')!.cases.map(({ detail }) => detail);
    expect(cases('median')).toEqual(['12 working days', '15 working days']);
    expect(cases('shortest')).toEqual(cases('median'));
    expect(cases('longest')).toEqual(cases('median'));
  });
});

describe('buildReport: actions', () => {
  it('reads overdue actions on each quarter’s last day once over, on today for the one under way, and n/a before', () => {
    const today = '2026-11-29';
    const lateThenDone = facts({ actions: [action({ id: 'A1', dueOn: '2026-06-15', completedOn: '2026-08-01' })] });
    const dueInQ3 = facts({ actions: [action({ id: 'A2', dueOn: '2026-11-01' })] });
    const dueLater = facts({ actions: [action({ id: 'A3', dueOn: '2026-12-15' })] });
    const r = report([lateThenDone, dueInQ3, dueLater], FY, today);
    expect(r.asOf).toBe(today);
    expect(shown(r, 'actions-overdue')).toEqual(['1', '0', '1', 'n/a', '1']);
    expect(listed([lateThenDone, dueInQ3, dueLater], 'actions-overdue', today)).toEqual([1, 0, 1, 0, 1]);
    expect(shown(report([lateThenDone, dueInQ3, dueLater], FY, '2027-06-01'), 'actions-overdue')).toEqual([
      '1',
      '0',
      '2',
      '2',
      '2',
    ]);
  });

  it('does not count an action overdue on a day before it was added to the plan', () => {
    const addedLate = facts({ actions: [action({ id: 'A9', addedOn: '2026-10-15', dueOn: '2026-06-15' })] });
    expect(listed([addedLate], 'actions-overdue', '2026-11-29')).toEqual([0, 0, 1, 0, 1]);
  });

  it('does not count an action overdue on its due day, nor one completed or cancelled by the day read', () => {
    const dueOnTheDay = facts({ actions: [action({ dueOn: '2026-06-30' })] });
    const doneOnTheDay = facts({ actions: [action({ dueOn: '2026-06-01', completedOn: '2026-06-30' })] });
    const cancelled = facts({ actions: [action({ dueOn: '2026-06-01', cancelledOn: '2026-06-10' })] });
    const doneNextDay = facts({ actions: [action({ dueOn: '2026-06-01', completedOn: '2026-07-01' })] });
    const q1 = (f: CaseFacts) => listed([f], 'actions-overdue')[0];
    expect([dueOnTheDay, doneOnTheDay, cancelled, doneNextDay].map(q1)).toEqual([0, 0, 0, 1]);
  });

  it('does not count an action cancelled before its due date as due, but one cancelled after it', () => {
    const cancelledBefore = facts({ actions: [action({ dueOn: '2026-08-01', cancelledOn: '2026-07-20' })] });
    const cancelledAfter = facts({ actions: [action({ dueOn: '2026-08-01', cancelledOn: '2026-08-02' })] });
    expect(listed([cancelledBefore], 'actions-due')).toEqual([0, 0, 0, 0, 0]);
    expect(listed([cancelledAfter], 'actions-due')).toEqual([0, 1, 0, 0, 1]);
    // As the definition says: cancelled on the due day, it was never left undone past it.
    const cancelledOnTheDay = facts({ actions: [action({ dueOn: '2026-08-01', cancelledOn: '2026-08-01' })] });
    expect(listed([cancelledOnTheDay], 'actions-due')).toEqual([0, 0, 0, 0, 0]);
    expect(REPORT_FIGURES.find(({ id }) => id === 'actions-due')!.definition).toContain('cancelled on or before');
  });

  it('counts each action of a case, and names the action in the list of cases', () => {
    const two = facts({
      actions: [action({ id: 'A1', dueOn: '2026-05-01' }), action({ id: 'A2', dueOn: '2026-05-01' })],
    });
    expect(shown(report([two]), 'actions-due')).toEqual(['2', '0', '0', '0', '2']);
    expect(reportCellCases([two], FY, AFTER, 'actions-due', '2026-27-q1')!.cases.map(({ detail }) => detail)).toEqual([
      'A1',
      'A2',
    ]);
  });
});

describe('reportCellCases', () => {
  it('lists exactly the items of one cell, by day then reference, references only', () => {
    const b = facts({ reference: 'CSPR-2026-0002', rapidReviewSentOn: '2026-08-01' });
    const a = facts({ reference: 'CSPR-2026-0001', rapidReviewSentOn: '2026-08-01' });
    const earlier = facts({ reference: 'CSPR-2026-0009', rapidReviewSentOn: '2026-07-03' });
    const otherQuarter = facts({ reference: 'CSPR-2026-0003', rapidReviewSentOn: '2026-06-30' });
    const cell = reportCellCases([b, a, earlier, otherQuarter], FY, AFTER, 'rapid-reviews-completed', '2026-27-q2')!;
    expect(cell.cases).toEqual([
      { caseId: earlier.caseId, reference: 'CSPR-2026-0009', on: '2026-07-03' },
      { caseId: a.caseId, reference: 'CSPR-2026-0001', on: '2026-08-01' },
      { caseId: b.caseId, reference: 'CSPR-2026-0002', on: '2026-08-01' },
    ]);
    expect(cell.row).toEqual({
      id: 'rapid-reviews-completed',
      label: 'Number of Rapid Reviews completed',
      figure: 'rapid-reviews-completed',
      figureLabel: 'Number of Rapid Reviews completed',
      unit: 'rapid reviews',
    });
    expect(cell.column).toEqual({ key: '2026-27-q2', label: 'Q2', from: '2026-07-01', to: '2026-09-30', whole: false });
  });

  it('lists only the items of the row asked for', () => {
    const all = [
      facts({ decisions: [{ on: '2026-05-01', outcome: 'lcspr' }] }),
      facts({ decisions: [{ on: '2026-05-02', outcome: 'no-lcspr' }] }),
    ];
    const cell = reportCellCases(all, FY, AFTER, 'decisions.no-lcspr', 'whole')!;
    expect(cell.cases.map(({ on }) => on)).toEqual(['2026-05-02']);
    expect(cell.row).toMatchObject({ label: 'No LCSPR', figure: 'decisions', figureLabel: 'Decisions by outcome' });
  });

  it.each([
    ['an unknown figure', 'no-such-figure', 'whole'],
    ['an unknown row of a figure with rows', 'decisions.maybe', 'whole'],
    ['a figure with rows asked for without one', 'decisions', 'whole'],
    ['a row of a figure without rows', 'rapid-reviews-completed.lcspr', 'whole'],
    ['an empty row', '', 'whole'],
    ['a quarter not in the period', 'rapid-reviews-completed', '2025-26-q4'],
    ['an unknown column', 'rapid-reviews-completed', 'year'],
  ])('gives nothing for %s', (_label, rowId, column) => {
    expect(reportCellCases([facts({ rapidReviewSentOn: '2026-05-01' })], FY, AFTER, rowId, column)).toBeUndefined();
  });

  it('answers for a custom period’s own columns', () => {
    const period = reportPeriod('2026-06-15', '2026-07-15');
    const all = [facts({ rapidReviewSentOn: '2026-06-14' }), facts({ rapidReviewSentOn: '2026-06-15' })];
    expect(listed(all, 'rapid-reviews-completed', AFTER, period)).toEqual([1, 0, 1]);
    expect(reportCellCases(all, period, AFTER, 'rapid-reviews-completed', '2026-27-q1')!.column).toMatchObject({
      from: '2026-06-15',
      to: '2026-06-30',
    });
  });
});

describe('reportRowIds', () => {
  const all = DATED.map(([, make]) => facts(make('2026-05-01')));
  const r = report(all);

  it('are unique, and are the rows of the report in its order', () => {
    const ids = reportRowIds();
    expect(new Set(ids).size).toBe(ids.length);
    const inReport = r.sections.flatMap(({ figures }) => figures.flatMap(({ rows }) => rows.map(({ id }) => id)));
    expect(inReport).toEqual(ids);
  });

  it.each(reportRowIds())('%s answers for every column, listing as many items as a counted cell counts', (rowId) => {
    const figure = REPORT_FIGURES.find(({ id }) => id === rowId.split('.')[0])!;
    for (const [index, column] of COLUMNS.entries()) {
      const cell = reportCellCases(all, FY, AFTER, rowId, column);
      expect(cell).toBeDefined();
      const reported = cellsOf(r, rowId)[index];
      if (reported.value !== null && !figure.statistics) expect(cell!.cases).toHaveLength(reported.value);
      if (reported.suppressed) expect(cell!.cases.length).toBeGreaterThan(0);
      if (reported.suppressed) expect(cell!.cases.length).toBeLessThan(5);
    }
  });
});

describe('buildReport: the report around the figures', () => {
  it('gives the period with its title, the day it was read on, the columns and every section in order', () => {
    const r = report([], FY, '2026-11-29');
    expect(r.period).toEqual({ ...FY, title: '2026-27 (1 April 2026 to 31 March 2027)' });
    expect(r.asOf).toBe('2026-11-29');
    expect(r.columns.map(({ key }) => key)).toEqual(COLUMNS);
    expect(r.sections.flatMap(({ figures }) => figures.map(({ id }) => id))).toEqual(
      REPORT_FIGURES.map(({ id }) => id),
    );
  });
});

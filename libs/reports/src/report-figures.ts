/**
 * Every figure the practice-review reports give: the one list the JSON, the page, the CSV, the workbook and
 * `docs/reports.md` are made from. A figure lists the items it counts in a window of days (each with its case and
 * the day that puts it there), so every number can be opened to the cases behind it.
 */
import { addCalendarMonths, compareLocalDates, type LocalDate } from '@app/calendar';
import {
  CHILD_SEXES,
  CONTRIBUTING_FACTORS,
  DISABILITY_ANSWERS,
  ETHNICITY_CODES,
  HARM_CATEGORIES,
  optionLabel,
  PANEL_RESPONSES,
  RECOMMENDATIONS,
} from '@app/cases';
import type { CaseFacts, Interval } from './case-facts';

/** The days a column covers, and the day its state-at-the-end figures are read on (its last day, or today if sooner). */
export interface FigureWindow {
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
}

/** One thing a figure counts: which case, on what day, in which of the figure's rows. */
export interface FigureItem {
  row?: string;
  on: LocalDate;
  /**
   * A short note for the drill-down list: a number of working days, a due date, an action's id, a pause's reason, or
   * the reason for an extension, delay or withholding as the case records it (text its readers already read on the
   * record; the report's figures and downloads never carry it).
   */
  detail?: string;
  /** The number a statistic row is computed from. */
  value?: number;
}

export interface FigureRowDefinition {
  key: string;
  label: string;
}

export const REPORT_SECTIONS = [
  { id: 'appendix', title: 'Rapid reviews and practice reviews (the annual report’s appendix)' },
  { id: 'notifications', title: 'Notifications' },
  { id: 'rapid-review-time', title: 'Time taken by rapid reviews' },
  { id: 'decisions', title: 'Decisions and the Panel’s responses' },
  { id: 'lcsprs', title: 'Local child safeguarding practice reviews' },
  { id: 'publication', title: 'Publication' },
  { id: 'actions', title: 'Action plans' },
  { id: 'characteristics', title: 'Harm, contributing factors and the children' },
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number]['id'];

export interface ReportFigure {
  id: string;
  section: ReportSectionId;
  label: string;
  /** What is counted, in plain words: shown on the page and in `docs/reports.md`. */
  definition: string;
  /** What one item is: `cases`, `children`, `actions` ... */
  unit: string;
  /**
   * The restricted part of the record the cases behind the figure would reveal (which case has a child of which age,
   * sex, ethnicity or disability): only readers of that part may open them.
   */
  reveals?: 'children';
  /** Counts between 1 and 4 are shown as "fewer than 5" (figures about children). */
  smallNumbers?: boolean;
  /** Rows by value (a breakdown); without it the figure is one row. */
  rows?: readonly FigureRowDefinition[];
  /** The figure reads "n/a" in a column where this figure (or row, `figure.row`) counts nothing. */
  notApplicableWithout?: string;
  /**
   * The figure reads a state on the column's days (a review under way, an action overdue), not acts: it is counted up
   * to today in a column under way, and reads "n/a" in a column not yet begun.
   */
  readsState?: boolean;
  /** Count each case once in a column (a case active all year is one active review). */
  distinctCases?: boolean;
  /** Rows computed from the items' values instead of counting them. */
  statistics?: readonly StatisticDefinition[];
  items(facts: CaseFacts, window: FigureWindow): FigureItem[];
}

export interface StatisticDefinition extends FigureRowDefinition {
  compute(values: number[]): number;
}

const within = (date: LocalDate | undefined, { from, to }: FigureWindow): date is LocalDate =>
  date !== undefined && date >= from && date <= to;
const onOrBefore = (date: LocalDate | undefined, limit: LocalDate | undefined): boolean =>
  date !== undefined && limit !== undefined && date <= limit;
const overlaps = (spell: Interval, { from, asOf }: FigureWindow) =>
  spell.from <= asOf && (spell.to === undefined || spell.to >= from);
const rowsOf = (values: readonly string[], extra: FigureRowDefinition[] = []): FigureRowDefinition[] => [
  ...values.map((key) => ({ key, label: optionLabel(key) })),
  ...extra,
];
const dated = (on: LocalDate | undefined, detail?: string): FigureItem[] =>
  on === undefined ? [] : [{ on, ...(detail === undefined ? {} : { detail }) }];
const inWindow = (items: FigureItem[], window: FigureWindow) => items.filter((item) => within(item.on, window));

export const NOT_RECORDED = 'not-recorded';
const NOT_RECORDED_ROW = { key: NOT_RECORDED, label: 'Not recorded' };
/** A value recorded as text by a client of the first contract, not one of the DfE's codes. */
export const NOT_A_DFE_CODE = 'not-a-dfe-code';
const NOT_A_DFE_CODE_ROW = { key: NOT_A_DFE_CODE, label: 'Recorded, not one of the DfE’s codes' };
const codedOrNot = (value: string | undefined, coded: (value: string) => string | undefined): string =>
  value === undefined || value.trim() === '' ? NOT_RECORDED : (coded(value) ?? NOT_A_DFE_CODE);

/** The DfE's major ethnic groups: a code's group is its first letter (`CHNE`, `OOTH`, `REFU`, `NOBT` stand alone). */
const ETHNIC_GROUP_LETTERS = [
  { key: 'white', label: 'White', letter: 'W' },
  { key: 'mixed', label: 'Mixed or multiple ethnic groups', letter: 'M' },
  { key: 'asian', label: 'Asian or Asian British', letter: 'A' },
  { key: 'black', label: 'Black or Black British', letter: 'B' },
  { key: 'chinese', label: 'Chinese', letter: 'C' },
  { key: 'other', label: 'Any other ethnic group', letter: 'O' },
  { key: 'refused', label: 'Refused', letter: 'R' },
  { key: 'not-obtained', label: 'Information not yet obtained', letter: 'N' },
] as const;
export const ETHNIC_GROUPS: readonly (FigureRowDefinition & { codes: readonly string[] })[] = ETHNIC_GROUP_LETTERS.map(
  ({ key, label, letter }) => ({ key, label, codes: ETHNICITY_CODES.filter((code) => code.startsWith(letter)) }),
);

/** Age bands of the DfE's statistics, and 18 to 24 for care leavers. */
export const AGE_BANDS = [
  { key: 'under-1', label: 'Under 1', min: 0, max: 0 },
  { key: '1-4', label: '1 to 4', min: 1, max: 4 },
  { key: '5-9', label: '5 to 9', min: 5, max: 9 },
  { key: '10-15', label: '10 to 15', min: 10, max: 15 },
  { key: '16-17', label: '16 and 17', min: 16, max: 17 },
  { key: '18-24', label: '18 to 24 (care leavers)', min: 18, max: 24 },
] as const;

/**
 * The day a case was first notified (to the Panel, or to the Secretary of State and Ofsted), when it falls in the
 * window: a case notified both ways counts in one quarter and one year only, on the first.
 */
function notifiedIn(facts: CaseFacts, window: FigureWindow): LocalDate | undefined {
  const first = [facts.panelNotifiedOn, facts.sosOfstedNotifiedOn]
    .filter((on): on is LocalDate => on !== undefined)
    .sort(compareLocalDates)[0];
  return within(first, window) ? first : undefined;
}

function childItems(
  facts: CaseFacts,
  window: FigureWindow,
  rowOf: (child: CaseFacts['children'][number]) => string,
): FigureItem[] {
  const on = notifiedIn(facts, window);
  if (on === undefined) return [];
  return facts.children.map((child) => ({ row: rowOf(child), on }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const DECISION_LABELS: Record<string, string> = {
  lcspr: 'An LCSPR',
  'no-lcspr': 'No LCSPR',
  'national-review': 'A national review',
};
const PANEL_RESPONSE_LABELS: Record<string, string> = {
  agrees: 'Agrees',
  challenges: 'Challenges',
  'national-review': 'A national review',
};
const DISABILITY_LABELS: Record<string, string> = {
  disabled: 'Disabled',
  'not-disabled': 'Not disabled',
  'disability-not-known': 'Not known',
};

const SMALL = 'Counts from 1 to 4 are shown as “fewer than 5”.';

export const REPORT_FIGURES: readonly ReportFigure[] = [
  {
    id: 'rapid-reviews-completed',
    section: 'appendix',
    label: 'Number of Rapid Reviews completed',
    definition:
      'Rapid reviews sent to the Panel, counted on the day the rapid review was first sent (`rapid-review.submitted`). ' +
      'A rapid review sent again after the Panel challenged the decision is not counted again.',
    unit: 'rapid reviews',
    items: (facts, window) => inWindow(dated(facts.rapidReviewSentOn), window),
  },
  {
    id: 'rapid-reviews-on-time',
    section: 'appendix',
    label: 'Number of Rapid Reviews completed on time',
    definition:
      'Of the rapid reviews completed, those first sent on or before the due date of the case’s stored ' +
      '`rapid-review` deadline: 15 working days after the local authority became aware (after any correction of ' +
      'that date). “n/a” where no rapid review was completed.',
    unit: 'rapid reviews',
    notApplicableWithout: 'rapid-reviews-completed',
    items: (facts, window) =>
      onOrBefore(facts.rapidReviewSentOn, facts.rapidReviewDueOn)
        ? inWindow(dated(facts.rapidReviewSentOn, `due ${facts.rapidReviewDueOn}`), window)
        : [],
  },
  {
    id: 'active-practice-reviews',
    section: 'appendix',
    label: 'Number of active SPRs',
    definition:
      'Cases with a local child safeguarding practice review (LCSPR) under way on any day of the period: from the ' +
      'day the case entered the LCSPR stage (the Panel agreed with the decision to hold one) to the day it left the ' +
      'publication stage (the report was published; for a report withheld, the day the Panel and the Secretary of ' +
      'State were told) or was closed, both days included. A paused review is active. Each case counts once in a ' +
      'column. A quarter under way is counted up to today; one not yet begun reads “n/a”.',
    unit: 'cases',
    readsState: true,
    distinctCases: true,
    items: (facts, window) =>
      facts.practiceReview
        .filter((spell) => overlaps(spell, window))
        .map((spell) => ({ on: spell.from, detail: spell.to ? `until ${spell.to}` : 'under way' })),
  },
  {
    id: 'notifications',
    section: 'notifications',
    label: 'Notifications made',
    definition:
      'Serious incidents notified to the Panel, counted on the day the notification was sent ' +
      '(`notification.submitted`); and the deaths of looked-after children and of care leavers under 25 notified to ' +
      'the Secretary of State and Ofsted (`sos-ofsted.notified`), by what the case was opened as.',
    unit: 'notifications',
    rows: [
      { key: 'serious-incident', label: 'Serious incidents notified to the Panel' },
      {
        key: 'looked-after-death',
        label: 'Deaths of looked-after children notified to the Secretary of State and Ofsted',
      },
      { key: 'care-leaver-death', label: 'Deaths of care leavers notified to the Secretary of State and Ofsted' },
    ],
    items: (facts, window) => [
      ...inWindow(dated(facts.panelNotifiedOn), window).map((item) => ({ ...item, row: 'serious-incident' })),
      ...(facts.nature === 'serious-incident'
        ? []
        : inWindow(dated(facts.sosOfstedNotifiedOn), window).map((item) => ({ ...item, row: facts.nature }))),
    ],
  },
  {
    id: 'notified-within-5-working-days',
    section: 'notifications',
    label: 'Serious incidents notified to the Panel within 5 working days',
    definition:
      'Of the serious incidents notified to the Panel, those sent on or before the due date of the case’s stored ' +
      '`notify-panel` deadline: 5 working days after the local authority became aware. “n/a” where none was notified.',
    unit: 'notifications',
    notApplicableWithout: 'notifications.serious-incident',
    items: (facts, window) =>
      onOrBefore(facts.panelNotifiedOn, facts.panelNotificationDueOn)
        ? inWindow(dated(facts.panelNotifiedOn, `due ${facts.panelNotificationDueOn}`), window)
        : [],
  },
  {
    id: 'rapid-review-working-days',
    section: 'rapid-review-time',
    label: 'Working days taken by rapid reviews',
    definition:
      'For the rapid reviews completed: the working days from the day their clock started (the day the local ' +
      'authority became aware, or, for a death moved onto the serious incident path, the day the criteria were met) ' +
      'to the day the rapid review was first sent to the Panel, counted as the partnership’s calendar counts them (weekends, ' +
      'bank holidays of England and Wales and the partnership’s closure days are not working days). The median ' +
      '(of an even number, halfway between the middle two), the shortest and the longest. “n/a” where none was ' +
      'completed.',
    unit: 'working days',
    notApplicableWithout: 'rapid-reviews-completed',
    statistics: [
      { key: 'median', label: 'Median', compute: median },
      { key: 'shortest', label: 'Shortest', compute: (values) => Math.min(...values) },
      { key: 'longest', label: 'Longest', compute: (values) => Math.max(...values) },
    ],
    items: (facts, window) =>
      facts.rapidReviewWorkingDays === undefined
        ? []
        : inWindow(dated(facts.rapidReviewSentOn, `${facts.rapidReviewWorkingDays} working days`), window).map(
            (item) => ({ ...item, value: facts.rapidReviewWorkingDays }),
          ),
  },
  {
    id: 'decisions',
    section: 'decisions',
    label: 'Decisions by outcome',
    definition:
      'Decisions of the delegated safeguarding partners, counted on the day they were reached: a round of sign-offs ' +
      'in which every partner agreed (the day of the last sign-off), or an escalation the lead partners resolved (the ' +
      'day they reached it). A case reconsidered after the Panel’s challenge counts again when it is decided again.',
    unit: 'decisions',
    rows: rowsOf(RECOMMENDATIONS).map((row) => ({ ...row, label: DECISION_LABELS[row.key] ?? row.label })),
    items: (facts, window) =>
      inWindow(
        facts.decisions.map(({ on, outcome }) => ({ on, row: outcome })),
        window,
      ),
  },
  {
    id: 'panel-responses',
    section: 'decisions',
    label: 'The Panel’s responses',
    definition: 'The Panel’s responses to rapid reviews, counted on the day the Panel responded (`panel.responded`).',
    unit: 'responses',
    rows: rowsOf(PANEL_RESPONSES).map((row) => ({ ...row, label: PANEL_RESPONSE_LABELS[row.key] ?? row.label })),
    items: (facts, window) =>
      inWindow(
        facts.panelResponses.map(({ on, response }) => ({ on, row: response })),
        window,
      ),
  },
  {
    id: 'lcsprs-commissioned',
    section: 'lcsprs',
    label: 'LCSPRs commissioned',
    definition: 'LCSPRs whose lead reviewer was appointed in the period (the first `lcspr.reviewer-appointed`).',
    unit: 'reviews',
    items: (facts, window) => inWindow(dated(facts.lcsprCommissionedOn), window),
  },
  {
    id: 'lcsprs-paused',
    section: 'lcsprs',
    label: 'LCSPRs paused',
    definition: 'Pauses of an LCSPR begun in the period (for criminal proceedings, an inquest ...), with the reason.',
    unit: 'pauses',
    items: (facts, window) =>
      inWindow(
        facts.pauses.map(({ on, reason }) => ({ on, detail: optionLabel(reason) })),
        window,
      ),
  },
  {
    id: 'lcsprs-extended',
    section: 'lcsprs',
    label: 'LCSPRs extended',
    definition:
      'Extensions of an LCSPR agreed in the period (`lcspr.extended`, on the day agreed), each with its reason ' +
      '(in the list of cases).',
    unit: 'extensions',
    items: (facts, window) =>
      inWindow(
        facts.extensions.map(({ on, reason }) => ({ on, detail: reason })),
        window,
      ),
  },
  {
    id: 'lcsprs-completed',
    section: 'lcsprs',
    label: 'LCSPRs completed',
    definition:
      'LCSPRs whose final report every delegated partner agreed in the period (the day of the last sign-off): the ' +
      'case moves on to publication.',
    unit: 'reviews',
    items: (facts, window) => inWindow(dated(facts.lcsprCompletedOn), window),
  },
  {
    id: 'lcsprs-published',
    section: 'lcsprs',
    label: 'LCSPRs published',
    definition: 'LCSPR reports published in the period (`publication.published`, on the day published).',
    unit: 'reviews',
    items: (facts, window) => inWindow(dated(facts.publishedOn), window),
  },
  {
    id: 'lcsprs-published-within-6-months',
    section: 'lcsprs',
    label: 'LCSPRs published within 6 months of the decision',
    definition:
      'Of the LCSPRs published, those published within six calendar months of the decision to hold them (the day ' +
      'the stored `lcspr-publish` deadline started; from 31 August, the end of February), without allowing for ' +
      'pauses or extensions. “n/a” where none was published.',
    unit: 'reviews',
    notApplicableWithout: 'lcsprs-published',
    items: (facts, window) =>
      facts.lcsprDecidedOn && onOrBefore(facts.publishedOn, addCalendarMonths(facts.lcsprDecidedOn, 6))
        ? inWindow(dated(facts.publishedOn, `decided ${facts.lcsprDecidedOn}`), window)
        : [],
  },
  {
    id: 'lcsprs-published-by-due-date',
    section: 'lcsprs',
    label: 'LCSPRs published by their due date',
    definition:
      'Of the LCSPRs published, those published on or before the due date of the stored `lcspr-publish` deadline: ' +
      'six months from the decision, moved on by the days the review was paused and by agreed extensions. “n/a” ' +
      'where none was published.',
    unit: 'reviews',
    notApplicableWithout: 'lcsprs-published',
    items: (facts, window) =>
      onOrBefore(facts.publishedOn, facts.lcsprDueOn)
        ? inWindow(dated(facts.publishedOn, `due ${facts.lcsprDueOn}`), window)
        : [],
  },
  {
    id: 'publications-delayed',
    section: 'publication',
    label: 'Publications delayed',
    definition:
      'Decisions to delay publishing an LCSPR report, counted on the day decided (`publication.delayed`), each with ' +
      'its reason (in the list of cases).',
    unit: 'delays',
    items: (facts, window) =>
      inWindow(
        facts.delays.map(({ on, reason }) => ({ on, detail: reason })),
        window,
      ),
  },
  {
    id: 'publications-withheld',
    section: 'publication',
    label: 'Publications withheld',
    definition:
      'Decisions not to publish an LCSPR report, counted on the day decided (`publication.withheld`), each with its ' +
      'reason (in the list of cases).',
    unit: 'withholdings',
    items: (facts, window) =>
      inWindow(
        facts.withholdings.map(({ on, reason }) => ({ on, detail: reason })),
        window,
      ),
  },
  {
    id: 'actions-due',
    section: 'actions',
    label: 'Actions due',
    definition:
      'Action-plan actions whose due date (after any agreed change) falls in the period, unless cancelled on or ' +
      'before that day.',
    unit: 'actions',
    items: (facts, window) =>
      facts.actions
        .filter((action) => within(action.dueOn, window))
        .filter((action) => !onOrBefore(action.cancelledOn, action.dueOn))
        .map((action) => ({ on: action.dueOn, detail: action.id })),
  },
  {
    id: 'actions-done',
    section: 'actions',
    label: 'Actions done',
    definition: 'Action-plan actions completed in the period (`action.completed`, on the day completed).',
    unit: 'actions',
    items: (facts, window) => facts.actions.flatMap((action) => inWindow(dated(action.completedOn, action.id), window)),
  },
  {
    id: 'actions-overdue',
    section: 'actions',
    label: 'Actions overdue at the end of the period',
    definition:
      'Action-plan actions past their due date and neither completed nor cancelled on the last day of the period ' +
      '(or today, for a period not yet over; a quarter not yet begun reads “n/a”).',
    unit: 'actions',
    readsState: true,
    items: (facts, { asOf }) =>
      facts.actions
        .filter((action) => action.addedOn <= asOf && action.dueOn < asOf)
        .filter((action) => !onOrBefore(action.completedOn, asOf) && !onOrBefore(action.cancelledOn, asOf))
        .map((action) => ({ on: action.dueOn, detail: `${action.id}, due ${action.dueOn}` })),
  },
  {
    id: 'actions-escalated',
    section: 'actions',
    label: 'Actions escalated to the delegated partners',
    definition:
      'Overdue actions escalated to the delegated safeguarding partners in the period (the day the service first ' +
      'escalated each, `action.escalated`).',
    unit: 'actions',
    items: (facts, window) => facts.actions.flatMap((action) => inWindow(dated(action.escalatedOn, action.id), window)),
  },
  {
    id: 'harm-categories',
    section: 'characteristics',
    label: 'Cases by category of harm',
    definition: `The cases notified in the period, by each category of harm recorded (a case may have several). ${SMALL}`,
    unit: 'cases',
    smallNumbers: true,
    rows: rowsOf(HARM_CATEGORIES, [NOT_RECORDED_ROW]),
    items: (facts, window) => caseRows(facts, window, facts.harmCategories),
  },
  {
    id: 'contributing-factors',
    section: 'characteristics',
    label: 'Cases by contributing factor',
    definition: `The cases notified in the period, by each contributing factor recorded (a case may have several). ${SMALL}`,
    unit: 'cases',
    smallNumbers: true,
    rows: rowsOf(CONTRIBUTING_FACTORS, [NOT_RECORDED_ROW]),
    items: (facts, window) => caseRows(facts, window, facts.contributingFactors),
  },
  {
    id: 'children-by-sex',
    section: 'characteristics',
    label: 'Children by sex',
    definition: `The children of the cases notified in the period, by sex. ${SMALL}`,
    unit: 'children',
    reveals: 'children',
    smallNumbers: true,
    rows: rowsOf(CHILD_SEXES),
    items: (facts, window) => childItems(facts, window, (child) => child.sex),
  },
  {
    id: 'children-by-age',
    section: 'characteristics',
    label: 'Children by age',
    definition: `The children of the cases notified in the period, by their age in years at the incident. ${SMALL}`,
    unit: 'children',
    reveals: 'children',
    smallNumbers: true,
    rows: AGE_BANDS.map(({ key, label }) => ({ key, label })),
    items: (facts, window) =>
      childItems(
        facts,
        window,
        (child) => AGE_BANDS.find(({ min, max }) => child.ageYears >= min && child.ageYears <= max)?.key ?? '18-24',
      ),
  },
  {
    id: 'children-by-ethnicity',
    section: 'characteristics',
    label: 'Children by ethnic group',
    definition:
      'The children of the cases notified in the period, by the DfE’s major ethnic group of their recorded ethnicity ' +
      `code; “Recorded, not one of the DfE’s codes” for text recorded otherwise (by a client of the first contract), ` +
      `“Not recorded” where none was recorded. ${SMALL}`,
    unit: 'children',
    reveals: 'children',
    smallNumbers: true,
    rows: [...ETHNIC_GROUPS.map(({ key, label }) => ({ key, label })), NOT_A_DFE_CODE_ROW, NOT_RECORDED_ROW],
    items: (facts, window) =>
      childItems(facts, window, (child) =>
        codedOrNot(child.ethnicity, (code) => ETHNIC_GROUPS.find(({ codes }) => codes.includes(code))?.key),
      ),
  },
  {
    id: 'children-by-disability',
    section: 'characteristics',
    label: 'Children by disability',
    definition:
      'The children of the cases notified in the period, by whether they have a disability; “Recorded, not one of ' +
      'the DfE’s codes” for text recorded otherwise (by a client of the first contract), “Not recorded” where none ' +
      `was recorded. ${SMALL}`,
    unit: 'children',
    reveals: 'children',
    smallNumbers: true,
    rows: [
      ...rowsOf(DISABILITY_ANSWERS).map((row) => ({ ...row, label: DISABILITY_LABELS[row.key] ?? row.label })),
      NOT_A_DFE_CODE_ROW,
      NOT_RECORDED_ROW,
    ],
    items: (facts, window) =>
      childItems(facts, window, (child) =>
        codedOrNot(child.disability, (answer) =>
          (DISABILITY_ANSWERS as readonly string[]).includes(answer) ? answer : undefined,
        ),
      ),
  },
];

function caseRows(facts: CaseFacts, window: FigureWindow, values: readonly string[]): FigureItem[] {
  const on = notifiedIn(facts, window);
  if (on === undefined) return [];
  return (values.length === 0 ? [NOT_RECORDED] : values).map((row) => ({ row, on }));
}

export function reportFigure(id: string): ReportFigure | undefined {
  return REPORT_FIGURES.find((figure) => figure.id === id);
}

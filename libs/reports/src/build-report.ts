/**
 * A report: every figure of {@link REPORT_FIGURES} for each column of the period, computed from the cases' facts;
 * and the items behind any one of its cells. Pure.
 */
import type { CaseFacts } from './case-facts';
import { compareLocalDates, type LocalDate } from '@app/calendar';
import {
  REPORT_FIGURES,
  REPORT_SECTIONS,
  reportFigure,
  type FigureItem,
  type FigureWindow,
  type ReportFigure,
} from './report-figures';
import { periodTitle, reportColumns, type ReportColumn, type ReportPeriod } from './report-periods';

export const FEWER_THAN_5 = 'fewer than 5';
export const NOT_APPLICABLE = 'n/a';
/** The smallest count a figure about children shows as a number. */
export const SMALLEST_SHOWN = 5;

export interface ReportCell {
  column: string;
  /** The number, or null where it is not shown ("fewer than 5", "n/a"). */
  value: number | null;
  display: string;
  suppressed?: true;
  notApplicable?: true;
}

export interface ReportRow {
  /** `figure` or `figure.row`: what the list of cases behind a cell is asked for by. */
  id: string;
  label: string;
  cells: ReportCell[];
}

export interface ReportFigureView {
  id: string;
  label: string;
  definition: string;
  unit: string;
  smallNumbers: boolean;
  /** Whether this reader may open the cases behind its cells (not a figure about children for a role that does not read them). */
  casesListed: boolean;
  rows: ReportRow[];
}

export interface ReportSectionView {
  id: string;
  title: string;
  figures: ReportFigureView[];
}

export interface Report {
  period: ReportPeriod & { title: string };
  /** The day the report was computed on: a column not yet over is read as of this day. */
  asOf: LocalDate;
  columns: ReportColumn[];
  sections: ReportSectionView[];
}

/** One case behind a cell. */
export interface ReportCase {
  caseId: string;
  reference: string;
  on: LocalDate;
  detail?: string;
}

export interface ReportCellCases {
  row: { id: string; label: string; figure: string; figureLabel: string; unit: string };
  column: ReportColumn;
  cases: ReportCase[];
}

/** Whether a reader from whom `withheld` parts of the record are withheld may open the cases behind `figure`. */
export function casesListedFor(figure: ReportFigure, withheld: readonly string[]): boolean {
  return figure.reveals === undefined || !withheld.includes(figure.reveals);
}

/** The figure a row id belongs to. */
export function figureOfRow(rowId: string): ReportFigure | undefined {
  return reportFigure(splitRowId(rowId)[0]);
}

/** The report; `withheld` names the parts of the record withheld from its reader (see {@link casesListedFor}). */
export function buildReport(
  facts: readonly CaseFacts[],
  period: ReportPeriod,
  today: LocalDate,
  withheld: readonly string[] = [],
): Report {
  const columns = reportColumns(period);
  const windows = columns.map((column) => windowOf(column, today));
  const counted = new Map<string, number[]>();
  const figureView = (figure: ReportFigure): ReportFigureView => {
    const perColumn = itemsByColumn(figure, facts, columns, windows);
    counted.set(
      figure.id,
      perColumn.map((items) => items.length),
    );
    for (const { key } of figure.rows ?? [])
      counted.set(
        rowIdOf(figure, key),
        perColumn.map((items) => items.filter((item) => item.row === key).length),
      );
    const notApplicable = (index: number) =>
      (figure.notApplicableWithout !== undefined && counted.get(figure.notApplicableWithout)?.[index] === 0) ||
      (figure.readsState === true && notBegun(columns[index], today));
    const rows = rowDefinitions(figure).map(({ key, label }) => ({
      id: rowIdOf(figure, key),
      label,
      cells: columns.map((column, index): ReportCell => {
        if (notApplicable(index))
          return { column: column.key, value: null, display: NOT_APPLICABLE, notApplicable: true };
        const statistic = figure.statistics?.find((s) => s.key === key);
        const items = perColumn[index].filter((item) => statistic || key === undefined || item.row === key);
        if (statistic) {
          const value = statistic.compute(items.map((item) => item.value!));
          return { column: column.key, value, display: formatNumber(value) };
        }
        const value = figure.distinctCases ? new Set(items.map((item) => item.caseId)).size : items.length;
        if (figure.smallNumbers && value > 0 && value < SMALLEST_SHOWN)
          return { column: column.key, value: null, display: FEWER_THAN_5, suppressed: true };
        return { column: column.key, value, display: String(value) };
      }),
    }));
    return {
      id: figure.id,
      label: figure.label,
      definition: figure.definition,
      unit: figure.unit,
      smallNumbers: Boolean(figure.smallNumbers),
      casesListed: casesListedFor(figure, withheld),
      rows,
    };
  };

  // Figures are built in the list's order, so one that reads "n/a" without another finds its counts.
  const views = new Map(REPORT_FIGURES.map((figure) => [figure.id, figureView(figure)]));
  return {
    period: { ...period, title: periodTitle(period) },
    asOf: today,
    columns,
    sections: REPORT_SECTIONS.map(({ id, title }) => ({
      id,
      title,
      figures: REPORT_FIGURES.filter((figure) => figure.section === id).map((figure) => views.get(figure.id)!),
    })),
  };
}

/**
 * The cases behind one cell: the items of row `rowId` in column `columnKey`, by day then reference. Undefined when
 * the period has no such column or the report no such row.
 */
export function reportCellCases(
  facts: readonly CaseFacts[],
  period: ReportPeriod,
  today: LocalDate,
  rowId: string,
  columnKey: string,
): ReportCellCases | undefined {
  const [figureId, key] = splitRowId(rowId);
  const figure = reportFigure(figureId);
  const column = reportColumns(period).find(({ key: k }) => k === columnKey);
  if (!figure || !column) return undefined;
  const row = rowDefinitions(figure).find((definition) => definition.key === key);
  if (!row) return undefined;
  const statistic = figure.statistics?.some((s) => s.key === key);
  const counted = figure.readsState && notBegun(column, today) ? [] : itemsOf(figure, facts, windowOf(column, today));
  const cases = counted
    .filter((item) => statistic || key === undefined || item.row === key)
    .map(({ caseId, reference, on, detail }) => ({ caseId, reference, on, ...(detail ? { detail } : {}) }))
    .sort((a, b) => compareLocalDates(a.on, b.on) || a.reference.localeCompare(b.reference));
  // A figure that counts each case once lists each case once (its first item), so the list matches the count.
  const listed = new Set<string>();
  const unique = cases.filter(({ caseId }) => !figure.distinctCases || (!listed.has(caseId) && listed.add(caseId)));
  return {
    row: { id: rowId, label: row.label, figure: figure.id, figureLabel: figure.label, unit: figure.unit },
    column,
    cases: unique,
  };
}

/** Every row id a report has: what `reportCellCases` answers for. */
export function reportRowIds(): string[] {
  return REPORT_FIGURES.flatMap((figure) => rowDefinitions(figure).map(({ key }) => rowIdOf(figure, key)));
}

/** `figure`, or `figure.row` for a row of a breakdown or a statistic. */
function rowIdOf(figure: ReportFigure, key: string | undefined): string {
  return key === undefined ? figure.id : `${figure.id}.${key}`;
}

function splitRowId(rowId: string): [string, string | undefined] {
  const dot = rowId.indexOf('.');
  return dot < 0 ? [rowId, undefined] : [rowId.slice(0, dot), rowId.slice(dot + 1)];
}

function rowDefinitions(figure: ReportFigure): { key?: string; label: string }[] {
  if (figure.statistics) return figure.statistics.map(({ key, label }) => ({ key, label }));
  if (figure.rows) return [...figure.rows];
  return [{ label: figure.label }];
}

type CountedItem = FigureItem & { caseId: string; reference: string };

function itemsOf(figure: ReportFigure, facts: readonly CaseFacts[], window: FigureWindow): CountedItem[] {
  return facts.flatMap((caseFacts) =>
    figure
      .items(caseFacts, window)
      .map((item) => ({ ...item, caseId: caseFacts.caseId, reference: caseFacts.reference })),
  );
}

/**
 * Each column's items. A figure that counts acts gives, in a window, the items of a wider one whose day falls in it;
 * so it is asked once, for the whole period, and its items are sorted into the quarters by day. A figure that reads a
 * state is asked for each column (its state is read on a different day in each).
 */
function itemsByColumn(
  figure: ReportFigure,
  facts: readonly CaseFacts[],
  columns: readonly ReportColumn[],
  windows: readonly FigureWindow[],
): CountedItem[][] {
  if (figure.readsState) return windows.map((window) => itemsOf(figure, facts, window));
  const whole = columns.findIndex((column) => column.whole);
  const items = itemsOf(figure, facts, windows[whole]);
  return columns.map((column) =>
    column.whole ? items : items.filter((item) => item.on >= column.from && item.on <= column.to),
  );
}

const notBegun = (column: ReportColumn, today: LocalDate) => today < column.from;

function windowOf(column: ReportColumn, today: LocalDate): FigureWindow {
  return { from: column.from, to: column.to, asOf: today < column.to ? today : column.to };
}

/** Whole numbers as they are; a median halfway between two, to one decimal place. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

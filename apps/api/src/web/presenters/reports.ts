/**
 * The reports pages: the period asked for (a GET form: a financial year, or any two days), the report's sections as
 * GOV.UK tables whose every number opens the cases behind it, and the list of those cases. Pure.
 */
import {
  financialYearLabel,
  periodTitle,
  type Report,
  type ReportCellCases,
  type ReportPeriod,
  type ReportSectionView,
} from '@app/reports';
import { readDateInput, type FormErrors } from '../forms';
import { govukDate } from '../page-dates';
import { casePath } from './case-page';
import { escapeHtml } from './html';

export const REPORTS_PATH = '/reports';
export const REPORT_CASES_PATH = '/reports/cases';
export const REPORT_CSV_PATH = '/reports/download.csv';
export const REPORT_XLSX_PATH = '/reports/download.xlsx';

/** The years offered besides the current one. */
export const PREVIOUS_YEARS_OFFERED = 6;

/** The period as the reports service is asked for it. */
export type ReportPeriodQuery = { year: number } | { from: string; to: string };

export interface ReportPeriodForm {
  /** Which radio is chosen. */
  choice: 'year' | 'dates';
  year: string;
  /** The date inputs' parts as typed (or as the period's days, for a period given by a link). */
  typed: Record<string, string>;
}

export type ReadReportPeriod =
  { query: ReportPeriodQuery; form: ReportPeriodForm } | { errors: FormErrors; form: ReportPeriodForm };

type QueryValues = Readonly<Record<string, unknown>>;
const text = (query: QueryValues, name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DATE_INPUTS = { from: 'First day', to: 'Last day' } as const;

/**
 * The period a reports page is asked for: `year=2025`, `from=2025-05-01&to=2025-09-30` (the links the pages make),
 * or the form's radios (`period=year` and the year, or `period=dates` and the two date inputs); none: the current
 * financial year. What the form alone can tell is wrong comes back as errors by the field.
 */
export function readReportPeriod(query: QueryValues, currentYear: number): ReadReportPeriod {
  const typedDates = Object.fromEntries(
    Object.keys(query)
      .filter((key) => /^(from|to)-(day|month|year)$/.test(key))
      .map((key) => [key, text(query, key)]),
  );
  const year = text(query, 'year');
  const [from, to] = [text(query, 'from'), text(query, 'to')];
  const byLink = ISO_DATE.test(from) && ISO_DATE.test(to);
  const choice =
    text(query, 'period') === 'dates' || (text(query, 'period') !== 'year' && (byLink || hasAny(typedDates)))
      ? 'dates'
      : 'year';
  const form: ReportPeriodForm = {
    choice,
    year: choice === 'year' && year !== '' ? year : String(currentYear),
    typed: byLink ? { ...dateParts('from', from), ...dateParts('to', to) } : typedDates,
  };

  if (choice === 'year') {
    if (year === '') return { query: { year: currentYear }, form };
    if (!/^\d{4}$/.test(year)) return { errors: { year: { text: 'Select a financial year', href: '#year' } }, form };
    return { query: { year: Number(year) }, form };
  }
  if (byLink) return { query: { from, to }, form };

  const errors: FormErrors = {};
  const days: Partial<Record<keyof typeof DATE_INPUTS, string>> = {};
  for (const [name, label] of Object.entries(DATE_INPUTS) as [keyof typeof DATE_INPUTS, string][]) {
    const { value, error } = readDateInput(query, name, label);
    if (error) errors[name] = error;
    else if (value === undefined)
      errors[name] = { text: `Enter the ${label.toLowerCase()} of the period`, href: `#${name}-day` };
    else days[name] = value;
  }
  if (days.from && days.to && days.from > days.to)
    errors.to = { text: 'Last day must be the same as or after the first day', href: '#to-day' };
  if (Object.keys(errors).length > 0) return { errors, form };
  return { query: { from: days.from!, to: days.to! }, form };
}

/** The API's refusal of a period (a 400 on `year`, `from` or `to`) in the page's words, by the field. */
export function periodRefusal(fields: readonly { field: string; messages: string[] }[]): FormErrors {
  const errors: FormErrors = {};
  for (const { field, messages } of fields) {
    const message = messages[0];
    if (field === 'year') errors.year ??= { text: 'Select a financial year', href: '#year' };
    else if (field === 'from' || field === 'to') {
      const label = DATE_INPUTS[field];
      const text = message.includes('must be a real date')
        ? `${label} must be a real date between 1 January 2000 and 31 December 2099`
        : message.startsWith('to must be the same day as from')
          ? 'Last day must be the same as or after the first day'
          : message.replace(/^(from|to) /, `${label} `);
      errors[field] ??= { text, href: `#${field}-day` };
    }
  }
  return errors;
}

/** `year=2025` or `from=2025-05-01&to=2025-09-30`: the period in the links of the pages. */
export function periodQueryString(query: ReportPeriodQuery): string {
  const params = new URLSearchParams(
    'year' in query ? { year: String(query.year) } : { from: query.from, to: query.to },
  );
  return params.toString();
}

/** The financial years offered: the current one first, then the previous ones (and one asked for by a link). */
export function yearItems(currentYear: number, chosen: string): { value: string; text: string; selected?: true }[] {
  const years = Array.from({ length: PREVIOUS_YEARS_OFFERED + 1 }, (_, i) => currentYear - i);
  if (/^\d{4}$/.test(chosen) && !years.includes(Number(chosen))) years.push(Number(chosen));
  return years.map((year) => ({
    value: String(year),
    text: `${financialYearLabel(year)} (April ${year} to March ${year + 1})`,
    ...(String(year) === chosen ? { selected: true as const } : {}),
  }));
}

export interface ReportTableView {
  id: string;
  title: string;
  head: { text: string; format?: 'numeric' }[];
  rows: ({ text: string } | { html: string; format?: 'numeric' })[][];
  definitions: { label: string; html: string }[];
}

/**
 * One GOV.UK table per section: a row per row of each figure (a breakdown's rows named with their figure), a column
 * per quarter and the period, each number (and each "fewer than 5") a link to the cases behind it; with the section's
 * definitions.
 */
export function reportTables(report: Report, period: ReportPeriodQuery): ReportTableView[] {
  const head = [
    { text: 'Figure' },
    ...report.columns.map((column) => ({ text: column.label, format: 'numeric' as const })),
  ];
  return report.sections.map((section) => ({
    id: section.id,
    title: section.title,
    head,
    rows: sectionRows(report, section, period),
    definitions: section.figures.map((figure) => ({ label: figure.label, html: definitionHtml(figure.definition) })),
  }));
}

function sectionRows(report: Report, section: ReportSectionView, period: ReportPeriodQuery) {
  return section.figures.flatMap((figure) =>
    figure.rows.map((row) => {
      const label = rowLabel(figure.label, row.label);
      return [
        { text: label },
        ...row.cells.map((cell) => {
          const column = report.columns.find((c) => c.key === cell.column)!;
          if (cell.notApplicable || !figure.casesListed)
            return { html: escapeHtml(cell.display), format: 'numeric' as const };
          const href = reportCasesPath(row.id, cell.column, period);
          const context = `${label}, ${columnName(column.label, report.period)}`;
          return {
            html:
              `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(cell.display)}` +
              `<span class="govuk-visually-hidden">: the cases behind ${escapeHtml(context)}</span></a>`,
            format: 'numeric' as const,
          };
        }),
      ];
    }),
  );
}

export function reportCasesPath(rowId: string, columnKey: string, period: ReportPeriodQuery): string {
  const params = new URLSearchParams({ row: rowId, column: columnKey });
  return `${REPORT_CASES_PATH}?${params.toString()}&${periodQueryString(period)}`;
}

/** A definition's `event.type` and `deadline-rule` names as code. */
export function definitionHtml(definition: string): string {
  return escapeHtml(definition).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** `Q2` -> `Q2 2025-26`, `Year` -> `2025-26`; a column of any other period is named in full already. */
function columnName(label: string, period: ReportPeriod): string {
  const year = period.financialYear;
  if (!year) return label === 'Whole period' ? periodTitle(period) : label;
  return label === 'Year' ? year : `${label} ${year}`;
}

export interface ReportCasesPage {
  heading: string;
  unit: string;
  definition?: string;
  rows: ({ html: string } | { text: string })[][];
}

/** The cases behind one cell: the figure and column as the heading, each case's reference a link to its page. */
export function reportCasesPage(
  cell: ReportCellCases,
  period: ReportPeriod,
  definition: string | undefined,
): ReportCasesPage {
  const figure = rowLabel(cell.row.figureLabel, cell.row.label);
  return {
    heading: `${figure}, ${columnName(cell.column.label, period)}`,
    unit: cell.row.unit,
    ...(definition ? { definition: definitionHtml(definition) } : {}),
    rows: cell.cases.map((item) => [
      { html: `<a class="govuk-link" href="${escapeHtml(casePath(item.caseId))}">${escapeHtml(item.reference)}</a>` },
      { text: govukDate(item.on) },
      { text: item.detail ? item.detail.replace(/\d{4}-\d{2}-\d{2}/g, (day) => govukDate(day)) : '' },
    ]),
  };
}

/** A row as named on its own: a breakdown's row with its figure (`Decisions by outcome: An LCSPR`). */
function rowLabel(figureLabel: string, label: string): string {
  return label === figureLabel ? label : `${figureLabel}: ${label}`;
}

function hasAny(typed: Record<string, string>): boolean {
  return Object.values(typed).some((value) => value.trim() !== '');
}

function dateParts(name: string, date: string): Record<string, string> {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}

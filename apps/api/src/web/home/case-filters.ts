/**
 * The home page's filters, read from its query string (a GET form) into the API's own `GET /cases` query, validated by
 * the same class with the same rules, so the page and the API list through one query. Only the words differ: the
 * API's 400 becomes a GOV.UK error summary.
 */
import { validatePlain } from '@app/cases';
import { ValidationFailedError } from '@app/common';
import { ListCasesQuery, MAX_WORKING_DAYS_AHEAD } from '../../cases/list-cases.query';
import type { FormErrors } from '../forms';

export const CASES_PER_PAGE = 50;

/** The filters as the form shows them back. */
export interface CaseFilterValues {
  stage: string;
  overdue: boolean;
  dueWithinWorkingDays: string;
  awaitingSignOff: boolean;
  includeClosed: boolean;
  /** Issue 12 item 4: only the cases escalated to the lead partners. */
  escalated?: boolean;
}

export type ReadCaseFilters =
  | { values: CaseFilterValues; page: number; query: ListCasesQuery; errors?: undefined }
  | { values: CaseFilterValues; page: number; query?: undefined; errors: FormErrors };

/** The page's words for the API's refusals, by query field, each linking to its input. */
const PAGE_ERRORS: Record<string, { text: string; href: string }> = {
  stage: { text: 'Select a stage from the list', href: '#stage' },
  dueWithinWorkingDays: {
    text: `Due within must be a whole number of working days from 0 to ${MAX_WORKING_DAYS_AHEAD}`,
    href: '#dueWithinWorkingDays',
  },
  overdue: { text: 'Overdue cases can only be ticked or not', href: '#overdue' },
  awaitingSignOff: { text: 'Cases awaiting your sign-off can only be ticked or not', href: '#awaitingSignOff' },
  escalated: { text: 'Cases escalated to the lead partners can only be ticked or not', href: '#escalated' },
};

/** A query value as typed; a repeated or nested parameter counts as blank. */
function single(query: Readonly<Record<string, unknown>>, name: string): string {
  const value = query[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** The page number asked for: a whole number from 1, anything else the first page. */
function pageNumber(typed: string): number {
  return /^\d{1,6}$/.test(typed) && Number(typed) >= 1 ? Number(typed) : 1;
}

/** Whether any filter narrows the list (the default list being every open case). */
export function isFiltered(values: CaseFilterValues): boolean {
  return Boolean(
    values.stage ||
    values.overdue ||
    values.dueWithinWorkingDays ||
    values.awaitingSignOff ||
    values.includeClosed ||
    values.escalated,
  );
}

/**
 * Reads the filters from the home page's query string. Closed cases are left out unless `includeClosed` is ticked
 * or the stage asked for is one.
 */
export function readCaseFilters(query: Readonly<Record<string, unknown>>): ReadCaseFilters {
  const stage = single(query, 'stage');
  const overdue = single(query, 'overdue');
  const due = single(query, 'dueWithinWorkingDays');
  const awaiting = single(query, 'awaitingSignOff');
  const escalated = single(query, 'escalated');
  const values: CaseFilterValues = {
    stage,
    overdue: overdue !== '',
    dueWithinWorkingDays: due,
    awaitingSignOff: awaiting !== '',
    includeClosed: single(query, 'includeClosed') !== '',
    ...(escalated ? { escalated: true } : {}),
  };
  const page = pageNumber(single(query, 'page'));
  const apiQuery: Record<string, string> = {
    limit: String(CASES_PER_PAGE),
    offset: String((page - 1) * CASES_PER_PAGE),
  };
  if (stage) apiQuery.stage = stage;
  else if (!values.includeClosed) apiQuery.open = 'true';
  if (overdue) apiQuery.overdue = overdue;
  if (due) apiQuery.dueWithinWorkingDays = due;
  if (awaiting) apiQuery.awaitingSignOff = awaiting;
  if (escalated) apiQuery.escalated = escalated;
  try {
    return { values, page, query: validatePlain(ListCasesQuery, apiQuery) };
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const errors: FormErrors = {};
    for (const detail of error.fields) {
      errors[detail.field] = PAGE_ERRORS[detail.field] ?? { text: detail.messages.join('. '), href: '#stage' };
    }
    return { values, page, errors };
  }
}

/** The query string of the list with these filters on page `page` (the defaults left out). */
export function caseListHref(values: CaseFilterValues, page = 1): string {
  const params = new URLSearchParams();
  if (values.stage) params.set('stage', values.stage);
  if (values.overdue) params.set('overdue', 'true');
  if (values.dueWithinWorkingDays) params.set('dueWithinWorkingDays', values.dueWithinWorkingDays);
  if (values.awaitingSignOff) params.set('awaitingSignOff', 'true');
  if (values.includeClosed) params.set('includeClosed', 'true');
  if (values.escalated) params.set('escalated', 'true');
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

/** The home page's parts as GOV.UK component arguments: what needs the person now, the filters and the pages. */
import { CASE_STAGES } from '@app/workflows';
import type { FormErrors } from '../forms';
import { stageName } from './case-labels';

/** Business days ahead that count as "due soon" for the business unit and the subgroup. */
export const DUE_SOON_WORKING_DAYS = 5;

/** How many cases need the person now, by kind; a kind is absent when it is not theirs to act on. */
export interface NeedsYouNowCounts {
  overdue?: number;
  dueSoon?: number;
  awaitingSignOff?: number;
  /** Issue 12 item 4: for a lead partner, the cases escalated to the lead partners. */
  escalated?: number;
}

export interface NeedsYouNowItem {
  text: string;
  /** The list of those cases; absent when there are none. */
  href?: string;
}

const cases = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One line per kind of work waiting for the person, each linking to the list of those cases. The cases themselves
 * are listed once, in the table below, so each reference is one link on the page.
 */
export function needsYouNow(counts: NeedsYouNowCounts): NeedsYouNowItem[] {
  const items: NeedsYouNowItem[] = [];
  if (counts.awaitingSignOff !== undefined) {
    const n = counts.awaitingSignOff;
    items.push(
      n === 0
        ? { text: "No case is awaiting your agency's sign-off" }
        : {
            text: `${cases(n, 'case is', 'cases are')} awaiting your agency's sign-off`,
            href: '/?awaitingSignOff=true',
          },
    );
  }
  if (counts.escalated !== undefined) {
    const n = counts.escalated;
    items.push(
      n === 0
        ? { text: 'No case is escalated to the lead partners' }
        : { text: `${cases(n, 'case is', 'cases are')} escalated to the lead partners`, href: '/?escalated=true' },
    );
  }
  if (counts.overdue !== undefined) {
    const n = counts.overdue;
    items.push(
      n === 0
        ? { text: 'No case has an overdue deadline' }
        : { text: `${cases(n, 'case has', 'cases have')} an overdue deadline`, href: '/?overdue=true' },
    );
  }
  if (counts.dueSoon !== undefined) {
    const n = counts.dueSoon;
    const within = `within ${DUE_SOON_WORKING_DAYS} working days`;
    items.push(
      n === 0
        ? { text: `No case has a deadline due ${within}` }
        : {
            text: `${cases(n, 'case has', 'cases have')} a deadline due ${within}`,
            href: `/?dueWithinWorkingDays=${DUE_SOON_WORKING_DAYS}`,
          },
    );
  }
  return items;
}

export interface CaseFilterFormValues {
  stage: string;
  overdue: boolean;
  dueWithinWorkingDays: string;
  awaitingSignOff: boolean;
  includeClosed: boolean;
  escalated?: boolean;
}

const errorOf = (errors: FormErrors, field: string) => (errors[field] ? { text: errors[field].text } : undefined);

/** The filter form's stage select, checkboxes and number input; the sign-off box only for who signs off. */
export function caseFilterForm(
  values: CaseFilterFormValues,
  errors: FormErrors,
  options: { signsOff: boolean; leadPartner?: boolean },
): { stage: Record<string, unknown>; show: Record<string, unknown>; dueWithin: Record<string, unknown> } {
  const stages = CASE_STAGES;
  const known = values.stage === '' || stages.includes(values.stage);
  return {
    stage: {
      id: 'stage',
      name: 'stage',
      label: { text: 'Stage', classes: 'govuk-label--s' },
      errorMessage: errorOf(errors, 'stage'),
      items: [
        { value: '', text: 'Any stage', selected: values.stage === '' },
        ...stages.map((stage) => ({ value: stage, text: stageName(stage), selected: values.stage === stage })),
        // What was typed stays visible, so the error refers to something on the page.
        ...(known ? [] : [{ value: values.stage, text: values.stage, selected: true }]),
      ],
    },
    show: {
      idPrefix: 'show',
      name: 'show',
      classes: 'govuk-checkboxes--small',
      fieldset: { legend: { text: 'Show', classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errorOf(errors, 'overdue') ?? errorOf(errors, 'awaitingSignOff') ?? errorOf(errors, 'escalated'),
      items: [
        {
          id: 'overdue',
          name: 'overdue',
          value: 'true',
          text: 'Only cases with an overdue deadline',
          checked: values.overdue,
        },
        ...(options.signsOff
          ? [
              {
                id: 'awaitingSignOff',
                name: 'awaitingSignOff',
                value: 'true',
                text: "Only cases awaiting your agency's sign-off",
                checked: values.awaitingSignOff,
              },
            ]
          : []),
        // Issue 12 item 4: offered to the lead partners, or shown ticked to whoever followed a link with it
        ...(options.leadPartner || values.escalated
          ? [
              {
                id: 'escalated',
                name: 'escalated',
                value: 'true',
                text: 'Only cases escalated to the lead partners',
                checked: Boolean(values.escalated),
              },
            ]
          : []),
        {
          id: 'includeClosed',
          name: 'includeClosed',
          value: 'true',
          text: 'Include closed cases',
          checked: values.includeClosed,
        },
      ],
    },
    dueWithin: {
      id: 'dueWithinWorkingDays',
      name: 'dueWithinWorkingDays',
      label: { text: 'Deadline due within (working days)', classes: 'govuk-label--s' },
      hint: { text: "For example, 5. Weekends, bank holidays and the partnership's closure days do not count." },
      classes: 'govuk-input--width-3',
      inputmode: 'numeric',
      spellcheck: false,
      value: values.dueWithinWorkingDays,
      errorMessage: errorOf(errors, 'dueWithinWorkingDays'),
    },
  };
}

/**
 * `govukPagination`'s arguments for page `page` of `total` items, or undefined when everything fits on one page:
 * previous and next, the first and last pages, and the pages either side of the current one, with ellipses between.
 */
export function casePagination(
  page: number,
  total: number,
  perPage: number,
  hrefFor: (page: number) => string,
): Record<string, unknown> | undefined {
  const pages = Math.ceil(total / perPage);
  if (pages <= 1) return undefined;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const items: Record<string, unknown>[] = [];
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1] > 1) items.push({ ellipsis: true });
    items.push({ number: String(p), href: hrefFor(p), ...(p === page ? { current: true } : {}) });
  });
  return {
    ...(page > 1 ? { previous: { href: hrefFor(page - 1) } } : {}),
    ...(page < pages ? { next: { href: hrefFor(page + 1) } } : {}),
    items,
  };
}

/** "Showing 51 to 100 of 123 cases", or what to say when there are none. */
export function resultsSummary(
  { page, perPage, shown, total }: { page: number; perPage: number; shown: number; total: number },
  filtered: boolean,
): string {
  if (total === 0) return filtered ? 'No cases match the filters.' : 'There are no open cases.';
  if (shown === 0) return `There are no cases on page ${page}. There are ${total} in all.`;
  const from = (page - 1) * perPage + 1;
  const to = from + shown - 1;
  return `Showing ${from} to ${to} of ${total} ${total === 1 ? 'case' : 'cases'}.`;
}

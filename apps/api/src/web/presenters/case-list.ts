import type { CaseView } from '@app/cases';
import { escapeHtml as escape } from './html';
import { govukDate } from '../page-dates';
import { stageName, statusTag } from './case-labels';

type Cell = { text: string } | { html: string };

/** The deadline a case must meet next: the earliest running one (open or overdue). */
export function nextDeadline(view: Pick<CaseView, 'deadlines'>): CaseView['deadlines'][number] | undefined {
  return view.deadlines
    .filter((d) => d.status === 'open' || d.status === 'overdue')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
}

/** One row per case for the GOV.UK table: the reference links to the case page; stage; next deadline and its status. */
export function caseTableRows(cases: readonly CaseView[]): Cell[][] {
  return cases.map((view) => {
    const next = nextDeadline(view);
    const deadline: Cell = next
      ? {
          html:
            `${escape(govukDate(next.dueOn))} ` +
            `<strong class="govuk-tag ${statusTag(next.status).classes}">${statusTag(next.status).text}</strong>`,
        }
      : { text: 'None running' };
    return [
      { html: `<a class="govuk-link" href="/case/${escape(view.id)}">${escape(view.reference)}</a>` },
      { text: stageName(view.stage) },
      deadline,
    ];
  });
}

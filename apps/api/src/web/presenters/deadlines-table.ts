import type { DeadlineView } from '@app/cases';
import { govukDate } from '../page-dates';
import { statusTag } from './case-labels';
import { ruleTitle } from './rulebook';
import { escapeHtml as escape } from './html';

type Cell = { text: string } | { html: string };

export const DEADLINES_TABLE_HEAD: readonly Cell[] = [{ text: 'Deadline' }, { text: 'Due' }, { text: 'Status' }];

/** Where a stopped clock's date is worth saying beside its status. */
const STOPPED_ON: Partial<Record<DeadlineView['status'], string>> = {
  met: 'Met on',
  late: 'Done on',
  cancelled: 'Cancelled on',
};

/**
 * One row per clock for the case page's Deadlines table: the rule in plain English, linking to the rulebook where its
 * statutory source is given; its due date the GOV.UK way; its status as a tag (with the day a stopped clock stopped).
 */
export function deadlinesTableRows(
  deadlines: readonly DeadlineView[],
  /** What an item's clock is about (an agency return's agency), by its subject; by default the subject itself. */
  itemName: (subject: string) => string = (subject) => subject,
): Cell[][] {
  return deadlines.map((deadline) => {
    const item = deadline.subject ? `: ${itemName(deadline.subject)}` : '';
    const tag = statusTag(deadline.status);
    const stopped = STOPPED_ON[deadline.status] && deadline.stoppedOn;
    return [
      {
        html:
          `<a class="govuk-link" href="/rulebook#${escape(deadline.rule)}">${escape(ruleTitle(deadline.rule) + item)}` +
          `<span class="govuk-visually-hidden"> (the rule and its statutory source)</span></a>`,
      },
      { text: govukDate(deadline.dueOn) },
      {
        html:
          `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>` +
          (stopped
            ? `<span class="govuk-body-s app-deadline-stopped"> ${STOPPED_ON[deadline.status]} ${escape(govukDate(deadline.stoppedOn))}</span>`
            : ''),
      },
    ];
  });
}

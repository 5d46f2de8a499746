/**
 * The case page's action plan and documents (issue 12 items 3 and 8), as GOV.UK tables: each action with its owner,
 * due date and status as a tag (an overdue one marked, with the day it was escalated), its history below; each
 * document as a link to the partnership's own store.
 */
import { optionLabel, type CaseRecordView, type DeadlineView } from '@app/cases';
import { govukDate } from '../page-dates';
import { escapeHtml as escape } from './html';

type Cell = { text: string } | { html: string };
type ActionView = CaseRecordView['learning']['actions'][number];
type DocumentView = CaseRecordView['documents'][number];

export const ACTION_PLAN_TABLE_HEAD: readonly Cell[] = [
  { text: 'Action' },
  { text: 'Owned by' },
  { text: 'Due' },
  { text: 'Status' },
];

export const DOCUMENTS_TABLE_HEAD: readonly Cell[] = [
  { text: 'Document' },
  { text: 'Kind' },
  { text: 'Linked on' },
  { text: 'Status' },
];

/** An action's status as a GOV.UK tag. */
const ACTION_STATUS_TAGS: Record<string, string> = {
  'not-started': 'govuk-tag--grey',
  'on-track': 'govuk-tag--green',
  'at-risk': 'govuk-tag--yellow',
  'off-track': 'govuk-tag--red',
  completed: 'govuk-tag--green',
  cancelled: 'govuk-tag--grey',
};

const tag = (text: string, classes: string) => `<strong class="govuk-tag ${classes}">${escape(text)}</strong>`;
const line = (text: string) => `<span class="app-cell-line">${text}</span>`;

/** An agency's name: from the case's own list, else its plain-English label. */
function agencyName(record: Pick<CaseRecordView, 'relevantAgencies'>, key: string): string {
  return record.relevantAgencies.find((agency) => agency.key === key)?.name ?? optionLabel(key);
}

const SOURCE_WORDS: Record<string, string> = {
  'rapid-review': 'From the rapid review',
  lcspr: 'From the local review (LCSPR)',
  'national-review': 'From the national review',
  scrutiny: 'From scrutiny',
  other: 'From elsewhere',
};

function statusCell(action: ActionView, overdue: boolean): Cell {
  const parts = [tag(optionLabel(action.status), ACTION_STATUS_TAGS[action.status] ?? 'govuk-tag--grey')];
  if (overdue) parts.push(tag('Overdue', 'govuk-tag--red'));
  const notes: string[] = [];
  if (action.completedOn) notes.push(`Completed on ${govukDate(action.completedOn)}`);
  if (action.cancelled) notes.push(`Cancelled on ${govukDate(action.cancelled.cancelledOn)}`);
  if (action.escalatedOn) notes.push(`Escalated to the delegated partners on ${govukDate(action.escalatedOn)}`);
  return {
    html: `<span class="app-tags">${parts.join(' ')}</span>${notes.map((n) => line(`<span class="govuk-body-s">${escape(n)}</span>`)).join('')}`,
  };
}

/** What happened to an action since it was added, oldest first, for the details below the table. */
function historyOf(action: ActionView): string[] {
  return [
    `Added on ${govukDate(action.addedOn)}`,
    ...action.progress.map((p) => `${govukDate(p.updatedOn)}: ${optionLabel(p.status)}. ${p.note}`),
    ...action.dueDateChanges.map(
      (c) => `${govukDate(c.changedOn)}: due date moved from ${govukDate(c.from)} to ${govukDate(c.to)}. ${c.reason}`,
    ),
    ...(action.cancelled ? [`${govukDate(action.cancelled.cancelledOn)}: cancelled. ${action.cancelled.reason}`] : []),
  ];
}

export interface ActionPlanView {
  head: readonly Cell[];
  rows: Cell[][];
  /** One per action with more to say than the table: its progress updates, moved dates, cancellation. */
  histories: { summary: string; lines: string[] }[];
}

/**
 * The action plan as a table, one row per action in the record's order. An action is marked overdue when its
 * `action-due` deadline is (the case's deadlines say so, computed with the partnership's calendar).
 */
export function actionPlan(record: CaseRecordView, deadlines: readonly DeadlineView[]): ActionPlanView | undefined {
  const actions = record.learning.actions;
  if (actions.length === 0) return undefined;
  const overdue = new Set(
    deadlines.filter((d) => d.rule === 'action-due' && d.status === 'overdue').map((d) => d.subject),
  );
  const rows = actions.map((action): Cell[] => [
    {
      html:
        line(`<strong>${escape(action.id)}</strong>`) +
        line(escape(action.description)) +
        (action.source ? line(`<span class="govuk-body-s">${escape(SOURCE_WORDS[action.source] ?? '')}</span>`) : ''),
    },
    {
      html: [
        ...(action.owningAgency ? [line(escape(agencyName(record, action.owningAgency)))] : []),
        ...(action.lead ? [line(`Lead: ${escape(action.lead)}`)] : []),
        line(`Responsible: ${escape(action.owner)}`),
      ].join(''),
    },
    { text: govukDate(action.dueOn) },
    statusCell(action, overdue.has(action.id)),
  ]);
  const histories = actions
    .filter((a) => a.progress.length > 0 || a.dueDateChanges.length > 0 || a.cancelled)
    .map((action) => ({ summary: `History of action ${action.id}`, lines: historyOf(action) }));
  return { head: ACTION_PLAN_TABLE_HEAD, rows, histories };
}

/** Only http and https addresses are linked (the API takes no other); anything else is shown as text. */
function documentLink(document: DocumentView): string {
  if (document.unlinked || !/^https?:\/\//i.test(document.url)) return escape(document.title);
  return (
    `<a class="govuk-link" href="${escape(document.url)}" rel="noopener noreferrer">${escape(document.title)}` +
    `<span class="govuk-visually-hidden"> (in the partnership’s document store)</span></a>`
  );
}

/** The case's documents as a table of links, in the order linked; one whose link was removed says when and why. */
export function documentsTable(record: CaseRecordView): { head: readonly Cell[]; rows: Cell[][] } | undefined {
  if (record.documents.length === 0) return undefined;
  const rows = record.documents.map((document): Cell[] => [
    { html: line(documentLink(document)) + line(`<span class="govuk-body-s">Reference ${escape(document.id)}</span>`) },
    { text: document.kind === 'other' ? 'Other' : optionLabel(document.kind) },
    { text: govukDate(document.linkedOn) },
    document.unlinked
      ? {
          html:
            tag('Link removed', 'govuk-tag--grey') +
            line(
              `<span class="govuk-body-s">${escape(`On ${govukDate(document.unlinked.unlinkedOn)}: ${document.unlinked.reason}`)}</span>`,
            ),
        }
      : { html: tag('Linked', 'govuk-tag--green') },
  ]);
  return { head: DOCUMENTS_TABLE_HEAD, rows };
}

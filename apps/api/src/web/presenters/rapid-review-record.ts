/**
 * Issue 12 item 1: the rapid review's part of the case record on the case page: the returns table (one row per
 * agency: asked on, due, and its return received, nil, outstanding or overdue), each meeting's agencies present and
 * quorum, and each recommendation's test against the criteria for a review.
 */
import { EVENT_PAYLOADS, formFieldsOf, optionLabel, type CaseRecordView } from '@app/cases';
import { govukDate } from '../page-dates';
import { escapeHtml as escape } from './html';

type Cell = { text: string } | { html: string };
type RapidReview = CaseRecordView['rapidReview'];

export interface RecordTable {
  caption: string;
  head: Cell[];
  rows: Cell[][];
}

export const RETURNS_TABLE_HEAD: readonly Cell[] = [
  { text: 'Agency' },
  { text: 'Asked on' },
  { text: 'Due' },
  { text: 'Return' },
];

/** The criteria of reg 11 as the page names them, in their order. */
export const CRITERION_NAMES: Readonly<Record<string, string>> = {
  'improvements-needed': '(a) Improvements needed',
  'recurrent-themes': '(b) Recurrent themes',
  'agencies-working-together': '(c) Concerns about agencies working together',
  'panel-considered-local': '(d) The Panel thought it better reviewed locally',
};

/** The agencies' names on this case (a key no list knows reads as itself). */
export function agencyNamer(record: Pick<CaseRecordView, 'relevantAgencies'>): (key: string) => string {
  const names = new Map(record.relevantAgencies.map((agency) => [agency.key, agency.name]));
  return (key) => names.get(key) ?? optionLabel(key);
}

function tag(text: string, colour: string): Cell {
  return { html: `<strong class="govuk-tag govuk-tag--${colour}">${escape(text)}</strong>` };
}

function returnCell(r: RapidReview['returns'][number]): Cell {
  const on = r.receivedOn ? ` ${escape(govukDate(r.receivedOn))}` : '';
  const late = r.receivedLate ? ' (late)' : '';
  const chased = r.chases.length
    ? `<span class="govuk-body-s"> Chased ${r.chases.map((c) => escape(govukDate(c.chasedOn))).join(', ')}</span>`
    : '';
  switch (r.status) {
    case 'received':
      return { html: `${(tag('Received', 'green') as { html: string }).html}${on}${late}` };
    case 'nil-return':
      return { html: `${(tag('Nil return', 'green') as { html: string }).html}${on}${late}` };
    case 'overdue':
      return { html: `${(tag('Overdue', 'red') as { html: string }).html}${chased}` };
    case 'cancelled':
      return tag('No longer awaited', 'grey');
    default:
      return { html: `${(tag('Outstanding', 'blue') as { html: string }).html}${chased}` };
  }
}

/** The returns table, or none when no return was asked for or received (a case of machine version 1 has none). */
export function returnsTable(record: CaseRecordView): RecordTable | undefined {
  const returns = record.rapidReview.returns;
  if (returns.length === 0) return undefined;
  const name = agencyNamer(record);
  return {
    caption: 'Agency returns',
    head: [...RETURNS_TABLE_HEAD],
    rows: returns.map((r) => [
      { text: name(r.agency) },
      { text: r.requestedOn ? govukDate(r.requestedOn) : 'Not asked' },
      { text: r.dueOn ? govukDate(r.dueOn) : '–' },
      returnCell(r),
    ]),
  };
}

type Row = [key: string, value: string | string[] | undefined];

/** The meetings as rows: one per meeting where any recorded who came or the quorum; else one row of dates. */
export function meetingRows(record: CaseRecordView): Row[] {
  const meetings = record.rapidReview.meetings;
  const detailed = meetings.some((m) => m.agenciesPresent || m.quorate !== undefined);
  if (!detailed) return [['Rapid review meetings', record.rapidReview.meetingsHeldOn.map(govukDate)]];
  const name = agencyNamer(record);
  return meetings.map((m) => [
    `Meeting on ${govukDate(m.heldOn)}`,
    [
      ...(m.agenciesPresent ? [`Agencies present: ${m.agenciesPresent.map(name).join(', ') || 'none recorded'}`] : []),
      ...(m.quorate !== undefined ? [`Quorate: ${m.quorate ? 'Yes' : 'No'}`] : []),
    ],
  ]);
}

const PARALLEL_PROCESS_TEXT = new Map(
  (
    formFieldsOf(EVENT_PAYLOADS['rapid-review.recommended']).find((f) => f.name === 'parallelProcesses')?.options ?? []
  ).map((option) => [option.value, option.text]),
);

/** Each recommendation's test against the criteria and what else it recorded, round by round. */
export function recommendationRows(record: CaseRecordView): Row[] {
  const all = record.rapidReview.recommendations;
  return all.flatMap((r) => {
    const prefix = all.length > 1 ? `Round ${r.round}: ` : '';
    return [
      [
        `${prefix}Test against the criteria for a review`,
        r.criteria.map(
          (c) =>
            `${CRITERION_NAMES[c.criterion] ?? c.criterion}: ${c.applies ? 'Yes' : 'No'}${c.reasons ? `. ${c.reasons}` : ''}`,
        ),
      ],
      [`${prefix}Immediate safety actions`, r.immediateSafetyActions],
      [
        `${prefix}Parallel processes`,
        r.parallelProcesses?.map((p) => PARALLEL_PROCESS_TEXT.get(p) ?? optionLabel(p)).join(', '),
      ],
      [`${prefix}Learning identified`, r.learningIdentified],
    ] satisfies Row[];
  });
}

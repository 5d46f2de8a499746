/**
 * Issue 12 item 6: running cases brought in from a CSV file, one row per case: the opening fields of `POST /cases`
 * and the dates of the usual milestones, converted into the import `POST /cases/import` takes (each milestone an
 * event of the history, in the order the dates say). The template is generated from the same list of columns.
 * Never a child's name: the file asks for none and takes no column but those listed.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FieldError, ValidationFailedError } from '@app/common';
import { AGENCIES } from '@app/workflows';
import { MAX_CHILDREN } from '../dto/open-case.dto';
import { parseImport, type ParsedImport } from './parse-import';

/** One problem of a CSV file: its row (the header is row 1) and column, as a spreadsheet shows them. */
export interface CsvProblem {
  row: number;
  column?: string;
  message: string;
}

export interface CsvColumn {
  name: string;
  /** What goes in it, for the template's documentation. */
  description: string;
  /** The template's example row. */
  example: string;
}

/** The reason kept on sign-offs brought in from a CSV file. */
export const CSV_SIGN_OFF_REASON = 'Signed before the case was brought into the service (imported from a CSV file)';

const col = (name: string, description: string, example = ''): CsvColumn => ({ name, description, example });
const EXAMPLE_SIGNED = '2026-01-20';

/** Every column the file may have, in the template's order. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  col('laAwareOn', 'Date the local authority became aware (YYYY-MM-DD or DD/MM/YYYY)', '2026-01-05'),
  col('incidentOn', 'Date of the incident', '2026-01-03'),
  col('incidentType', 'death or serious-harm', 'serious-harm'),
  col('abuseOrNeglect', 'known or suspected', 'suspected'),
  col('lookedAfter', 'yes or no: was any of the children looked after', 'no'),
  ...Array.from({ length: MAX_CHILDREN }, (_, i) => [
    col(`child${i + 1}AgeYears`, `Child ${i + 1}: age in completed years (0 to 17)`, i === 0 ? '4' : ''),
    col(`child${i + 1}Sex`, `Child ${i + 1}: female, male or unknown`, i === 0 ? 'female' : ''),
    col(`child${i + 1}Ethnicity`, `Child ${i + 1}: ethnicity, as recorded (optional)`),
    col(`child${i + 1}Disability`, `Child ${i + 1}: disability (optional)`),
  ]).flat(),
  col('summary', 'What happened, without naming anyone', 'Summary of the incident, without names.'),
  col('notificationSubmittedOn', 'Date the notification was sent to the Panel', '2026-01-07'),
  col('panelReference', "The Panel's reference (optional)", 'CSPRP-2026-0001'),
  col('partnersInformedOn', 'Date the safeguarding partners were informed', '2026-01-07'),
  ...AGENCIES.map((a) => col(`agencyReturnOn:${a}`, `Date the ${a} return was received`, '2026-01-12')),
  col('meetingHeldOn', 'Date of the rapid review meeting', '2026-01-14'),
  col('recommendation', 'lcspr, no-lcspr or national-review', 'lcspr'),
  col('rationale', 'Why it was recommended (no names)', 'Learning about information sharing.'),
  col('recommendedOn', 'Date of the recommendation', '2026-01-15'),
  ...AGENCIES.flatMap((a) => [
    col(`signOff:${a}`, `The ${a} delegated partner's decision: agree or disagree (agree when left blank)`, 'agree'),
    col(`signedOffOn:${a}`, `Date the ${a} delegated partner signed the decision off`, EXAMPLE_SIGNED),
  ]),
  col('rapidReviewSubmittedOn', 'Date the rapid review was sent to the Panel', '2026-01-22'),
  col('panelResponse', 'agrees, challenges or national-review', ''),
  col('panelRespondedOn', "Date of the Panel's response", ''),
  col('panelComment', "The Panel's comment (optional)", ''),
  col('reviewerName', "The LCSPR reviewer's name", ''),
  col('reviewerIndependent', 'yes or no', ''),
  col('reviewerAppointedOn', 'Date the reviewer was appointed', ''),
  col('termsAgreedOn', 'Date the terms of reference were agreed', ''),
  col('methodologyAgreedOn', 'Date the methodology was agreed', ''),
  col('draftReceivedOn', 'Date the draft report was received', ''),
  ...AGENCIES.map((a) =>
    col(`finalReportSignedOffOn:${a}`, `Date the ${a} delegated partner agreed the final report`, ''),
  ),
  col('publicationPlannedOn', 'The planned publication date', ''),
  col('publicationScheduledOn', 'Date publication was planned', ''),
  col('reportSentOn', 'Date the final report was sent to the Panel and the Secretary of State', ''),
  col('publishedOn', 'Date the report was published', ''),
  col('publishedUrl', 'Web address of the published report', ''),
];

const COLUMN_NAMES = new Set(CSV_COLUMNS.map((c) => c.name));

/** The template: a header row and one example row (a case that has reached the Panel's response). */
export function importTemplateCsv(): string {
  return stringify([CSV_COLUMNS.map((c) => c.name), CSV_COLUMNS.map((c) => c.example)]);
}

/** `2026-01-05` as it is; `5/1/2026` (a UK spreadsheet's date) as `2026-01-05`; anything else as typed. */
export function csvDate(value: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : value;
}

function yesNo(value: string): boolean | string {
  const v = value.toLowerCase();
  return ['yes', 'true', 'y'].includes(v) ? true : ['no', 'false', 'n'].includes(v) ? false : value;
}

/** One history item and the columns it was read from (by payload field), to name them in a problem. */
interface RowEvent {
  body: Record<string, unknown>;
  date: string;
  columns: Record<string, string>;
  /** The column that dates it. */
  dateColumn: string;
}

/**
 * One row as the body of an import, with, for each event of its history, the columns it came from. Events are put in
 * the order of their dates; on the same day, in the order of the workflow.
 */
export function rowToImport(record: Readonly<Record<string, string>>): {
  body: Record<string, unknown>;
  events: RowEvent[];
} {
  const cell = (name: string) => (record[name] ?? '').trim();
  const date = (name: string) => csvDate(cell(name));
  const body: Record<string, unknown> = {};
  for (const name of ['laAwareOn', 'incidentOn']) if (cell(name)) body[name] = date(name);
  for (const name of ['incidentType', 'abuseOrNeglect', 'summary']) if (cell(name)) body[name] = cell(name);
  if (cell('lookedAfter')) body.lookedAfter = yesNo(cell('lookedAfter'));
  const children: Record<string, unknown>[] = [];
  for (let i = 1; i <= MAX_CHILDREN; i++) {
    const child: Record<string, unknown> = {};
    const age = cell(`child${i}AgeYears`);
    if (age) child.ageYears = /^\d{1,2}$/.test(age) ? Number(age) : age;
    for (const [field, column] of [
      ['sex', `child${i}Sex`],
      ['ethnicity', `child${i}Ethnicity`],
      ['disability', `child${i}Disability`],
    ]) {
      if (cell(column)) child[field] = cell(column);
    }
    if (Object.keys(child).length) children.push(child);
  }
  body.children = children;

  const events: RowEvent[] = [];
  /** An event dated by `dateColumn`, when that column has a date; `fields` maps payload fields to their columns. */
  const add = (
    dateColumn: string,
    type: string,
    fields: Record<string, string> = {},
    fixed: Record<string, unknown> = {},
    dateField = 'occurredOn',
  ) => {
    if (!cell(dateColumn)) return;
    const event: Record<string, unknown> = { type, ...fixed, [dateField]: date(dateColumn) };
    for (const [field, column] of Object.entries(fields)) {
      if (cell(column)) event[field] = field === 'independent' ? yesNo(cell(column)) : cell(column);
    }
    events.push({
      body: event,
      date: date(dateColumn),
      columns: { ...fields, [dateField]: dateColumn },
      dateColumn,
    });
  };
  const signed = { delegationReason: CSV_SIGN_OFF_REASON };
  add('notificationSubmittedOn', 'notification.submitted', { panelReference: 'panelReference' }, {}, 'submittedOn');
  add('partnersInformedOn', 'partners.informed', {}, {}, 'informedOn');
  for (const agency of AGENCIES)
    add(`agencyReturnOn:${agency}`, 'agency-return.received', {}, { agency }, 'receivedOn');
  add('meetingHeldOn', 'rapid-review.meeting-held', {}, {}, 'heldOn');
  add('recommendedOn', 'rapid-review.recommended', { recommendation: 'recommendation', rationale: 'rationale' });
  for (const agency of AGENCIES) {
    add(
      `signedOffOn:${agency}`,
      'decision.signed-off',
      { decision: `signOff:${agency}` },
      { decision: 'agree', onBehalfOf: agency, ...signed },
    );
  }
  add('rapidReviewSubmittedOn', 'rapid-review.submitted', {}, {}, 'submittedOn');
  add('panelRespondedOn', 'panel.responded', { response: 'panelResponse', comment: 'panelComment' }, {}, 'respondedOn');
  add('reviewerAppointedOn', 'lcspr.reviewer-appointed', {
    reviewerName: 'reviewerName',
    independent: 'reviewerIndependent',
  });
  add('termsAgreedOn', 'lcspr.terms-agreed', {}, {}, 'agreedOn');
  add('methodologyAgreedOn', 'lcspr.methodology-agreed', {}, {}, 'agreedOn');
  add('draftReceivedOn', 'lcspr.draft-received', {}, {}, 'receivedOn');
  for (const agency of AGENCIES) {
    add(
      `finalReportSignedOffOn:${agency}`,
      'lcspr.final-report-signed-off',
      {},
      { decision: 'agree', onBehalfOf: agency, ...signed },
    );
  }
  add('publicationScheduledOn', 'publication.scheduled', { plannedOn: 'publicationPlannedOn' }, {});
  if (cell('publicationPlannedOn')) {
    const scheduled = events.find((e) => e.body.type === 'publication.scheduled');
    if (scheduled) scheduled.body.plannedOn = date('publicationPlannedOn');
  }
  add('reportSentOn', 'publication.report-sent', {}, {}, 'sentOn');
  add('publishedOn', 'publication.published', { url: 'publishedUrl' }, {}, 'publishedOn');

  // A stable sort: the order of the dates, and on one day the order of the workflow.
  const ordered = events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.i - b.i))
    .map(({ event }) => event);
  body.history = ordered.map((e) => e.body);
  return { body, events: ordered };
}

const OPENING_FIELD_COLUMNS: Record<string, string> = {
  laAwareOn: 'laAwareOn',
  incidentOn: 'incidentOn',
  incidentType: 'incidentType',
  abuseOrNeglect: 'abuseOrNeglect',
  lookedAfter: 'lookedAfter',
  summary: 'summary',
};

/** The column a problem of the import's field (`children.0.ageYears`, `history[3].heldOn`) is about. */
function columnOf(field: string, events: readonly RowEvent[]): string | undefined {
  const child = /^children\.(\d+)\.(\w+)$/.exec(field);
  if (child) {
    const name = child[2] === 'ageYears' ? 'AgeYears' : child[2].charAt(0).toUpperCase() + child[2].slice(1);
    return `child${Number(child[1]) + 1}${name}`;
  }
  if (field === 'children') return 'child1AgeYears';
  const item = /^history\[(\d+)\]\.?(.*)$/.exec(field);
  if (item) {
    const event = events[Number(item[1])];
    return event && (event.columns[item[2]] ?? event.dateColumn);
  }
  return OPENING_FIELD_COLUMNS[field];
}

/** Messages that begin with a field's name read better with the column's. */
function messageOf(field: string, messages: readonly string[]): string {
  const last = field.replace(/^.*[.\]]/, '');
  return messages.map((m) => (last && m.startsWith(`${last} `) ? m.slice(last.length + 1) : m)).join('; ');
}

export interface CsvImport {
  /** One import per row, with the words that name its events in a refusal ("Row 2, column meetingHeldOn"). */
  rows: { row: number; input: ParsedImport; label: string }[];
  /** Everything wrong with the file, by row and column; nothing is imported while there is any. */
  problems: CsvProblem[];
}

/** Reads a CSV file (a header row, then one row per case) into imports, or the problems that stop it. */
export function readImportCsv(text: string): CsvImport {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      rows: [],
      problems: [
        { row: line ?? 1, message: `The file is not a CSV file that can be read: ${(error as Error).message}` },
      ],
    };
  }
  const problems: CsvProblem[] = [];
  const header = records.length ? Object.keys(records[0]) : [];
  for (const name of header) {
    if (!COLUMN_NAMES.has(name))
      problems.push({ row: 1, column: name, message: `${name} is not a column of the template` });
  }
  if (records.length === 0)
    problems.push({ row: 2, message: 'The file has no case: add one row per case under the header' });
  if (problems.length) return { rows: [], problems };
  const rows: CsvImport['rows'] = [];
  records.forEach((record, i) => {
    const row = i + 2;
    const { body, events } = rowToImport(record);
    try {
      const input = parseImport(body);
      input.history.forEach((event) => {
        event.source = `column ${events[event.index].dateColumn}`;
      });
      rows.push({ row, input, label: `Row ${row}: ` });
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      problems.push(
        ...error.fields.map((f: FieldError) => ({
          row,
          ...(columnOf(f.field, events) ? { column: columnOf(f.field, events) } : {}),
          message: messageOf(f.field, f.messages),
        })),
      );
    }
  });
  return problems.length ? { rows: [], problems } : { rows, problems };
}

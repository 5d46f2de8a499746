/**
 * The check-your-answers page of a reported incident: the validated body as GOV.UK summary lists, each answer with a
 * Change link to its question (the draft stays in the session, so the answer is there to change).
 */
import { ChildDto, formFieldsOf, OpenCaseDto, optionLabel, type FormField } from '@app/cases';
import { firstInputId } from '../forms';
import { govukDate } from '../page-dates';
import {
  AGENCY_OPTIONS,
  capitalised,
  childName,
  NATURE_FIELD,
  PAGE_CHILD_FIELDS,
} from '../report-incident/incident-form';
import { escapeHtml } from './html';

const OPEN_CASE_FIELDS = formFieldsOf(OpenCaseDto);

interface SummaryRow {
  key: { text: string };
  value: { text: string } | { html: string };
  actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] };
}

export interface SummaryListParams {
  rows: SummaryRow[];
  card?: { title: { text: string; headingLevel: number } };
}

export interface IncidentAnswers {
  incident: SummaryListParams;
  /** How many children, and whether any was looked after. */
  aboutChildren: SummaryListParams;
  /** One card per child. */
  children: SummaryListParams[];
  /** Issue 12 item 2: the local authorities, the categories of harm and the contributing factors. */
  circumstances: SummaryListParams;
}

/** Where each page's questions are asked (see the report-incident controller). */
export interface AnswerPaths {
  incident: string;
  children: string;
  circumstances: string;
}

function lowerFirst(text: string): string {
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** An answer as the person would say it: a date the GOV.UK way, a choice in words, Yes or No, free text kept as typed. */
function answer(field: FormField, value: unknown): SummaryRow['value'] {
  if (value === undefined || value === null || value === '') return { text: 'Not given' };
  switch (field.kind) {
    case 'date':
      return { text: govukDate(String(value)) };
    case 'choice':
      return { text: field.options?.find((o) => o.value === value)?.text ?? optionLabel(String(value)) };
    case 'choices':
      return Array.isArray(value) && value.length > 0
        ? {
            text: value
              .map((v) => field.options?.find((o) => o.value === v)?.text ?? optionLabel(String(v)))
              .join(', '),
          }
        : { text: 'None' };
    case 'agencies':
      return Array.isArray(value) && value.length > 0
        ? { text: value.map((v) => AGENCY_OPTIONS.find((o) => o.value === v)?.text ?? String(v)).join(', ') }
        : { text: 'None' };
    case 'yes-no':
      return { text: value ? 'Yes' : 'No' };
    case 'long-text':
      // Line breaks as typed; everything else escaped.
      return { html: escapeHtml(String(value)).replace(/\r?\n/g, '<br>') };
    default:
      return { text: String(value) };
  }
}

/** A row with its Change link; `question` tells a screen reader which answer the link changes. */
function row(key: string, value: SummaryRow['value'], href: string, question = key): SummaryRow {
  return {
    key: { text: key },
    value,
    actions: { items: [{ href, text: 'Change', visuallyHiddenText: lowerFirst(question) }] },
  };
}

function field(name: string): FormField {
  return OPEN_CASE_FIELDS.find((f) => f.name === name)!;
}

/** The answers of a complete report, in the order they were asked. */
export function incidentAnswers(body: OpenCaseDto, paths: AnswerPaths): IncidentAnswers {
  const at = (path: string, f: FormField, idPrefix = '') =>
    `${path}#${firstInputId({ ...f, name: idPrefix + f.name })}`;
  const rowOf = (path: string) => (name: string) =>
    row(field(name).label, answer(field(name), body[name as keyof OpenCaseDto]), at(path, field(name)));
  const incidentRows = [
    row(
      NATURE_FIELD.label,
      answer(NATURE_FIELD, body.nature),
      at(paths.incident, NATURE_FIELD),
      'What you are notifying',
    ),
    ...['laAwareOn', 'incidentOn', 'incidentType', 'abuseOrNeglect', 'summary'].map(rowOf(paths.incident)),
  ];
  const circumstancesRows = [
    'localAuthorityOfResidence',
    'localAuthorityOfIncident',
    'harmCategories',
    'contributingFactors',
  ].map(rowOf(paths.circumstances));
  const count = body.children.length;
  const lookedAfter = field('lookedAfter');
  return {
    incident: { rows: incidentRows },
    aboutChildren: {
      rows: [
        row('Number of children', { text: String(count) }, `${paths.incident}#childCount`),
        row(lookedAfter.label, answer(lookedAfter, body.lookedAfter), at(paths.children, lookedAfter)),
      ],
    },
    children: body.children.map((child, index) => {
      const name = childName(index, count);
      return {
        card: { title: { text: capitalised(name), headingLevel: 3 } },
        rows: PAGE_CHILD_FIELDS.map((f) => {
          const value = child[f.name as keyof ChildDto];
          const shown =
            f.name === 'ageYears' ? { text: `${value} ${value === 1 ? 'year' : 'years'}` } : answer(f, value);
          return row(f.label, shown, at(paths.children, f, `children-${index}-`), `${f.label} of ${name}`);
        }),
      };
    }),
    circumstances: { rows: circumstancesRows },
  };
}

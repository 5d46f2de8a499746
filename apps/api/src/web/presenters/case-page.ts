import {
  EVENT_DESCRIPTIONS,
  optionLabel,
  type AuditEventView,
  type CaseEventType,
  type CaseOverview,
  type CaseRecordView,
} from '@app/cases';
import { AGENCIES, isSignOffEvent } from '@app/workflows';
import { eventForm, errorSummary, type EventFormModel, type FormErrors, type FormValues } from '../forms';
import { govukDate, govukDateTime } from '../page-dates';
import { stageName } from './case-labels';
import { stateName } from './case-page-labels';
import { actionPlan, documentsTable } from './action-plan';
import { DEADLINES_TABLE_HEAD, deadlinesTableRows } from './deadlines-table';
import { agencyNamer } from './rapid-review-record';
import { recordSections } from './record-sections';
import { SIGN_OFF_TABLE_HEAD, signOffPanel } from './sign-off-panel';
import { timelineItems } from './timeline';

/** Ids of the forms shown on the case page itself, apart from any other id there. */
export const INLINE_ID_PREFIX = 'sign-off-';
/** The hidden field that carries the version of the case the form was shown with (sent as If-Match). */
export const VERSION_FIELD = '_version';

/** A form as the partial renders it, with the hidden fields it carries back and what it is about. */
export type PageForm = EventFormModel & {
  hidden: { name: string; value: string }[];
  /** What a sign-off signs, shown above its form: the recommendation and its reasons, or the draft. */
  about?: string[];
};

/** A form sent back to be shown again, with what was typed and what was wrong. */
export interface ReshownForm {
  type: CaseEventType;
  values: FormValues;
  errors: FormErrors;
  /**
   * The version the person's form was first shown with, kept while they correct it, so that a change made meanwhile
   * by someone else is still refused; absent when the refusal was that change (they have now seen the case as it is).
   */
  version?: number;
}

/** The sign-offs are answered on the case page itself; every other event on a page of its own. */
export function isAnsweredOnCasePage(type: CaseEventType): boolean {
  return isSignOffEvent(type);
}

export function casePath(caseId: string): string {
  return `/case/${encodeURIComponent(caseId)}`;
}

export function eventPath(caseId: string, type: CaseEventType): string {
  return `${casePath(caseId)}/events/${type}`;
}

/**
 * The agencies an `agency` field offers on this case: its relevant agencies, or for a case of machine version 1 (which
 * has none) the three statutory agencies its events name.
 */
export function agencyOptions(record: Pick<CaseRecordView, 'relevantAgencies'>) {
  return record.relevantAgencies.length > 0
    ? record.relevantAgencies.map((agency) => ({ value: agency.key, text: agency.name }))
    : AGENCIES.map((agency) => ({ value: agency, text: optionLabel(agency) }));
}

export function pageForm(
  caseId: string,
  version: number,
  type: CaseEventType,
  shown?: ReshownForm,
  idPrefix = '',
  agencies: readonly { value: string; text: string }[] = [],
): PageForm {
  const again = shown?.type === type ? shown : undefined;
  return {
    ...eventForm(type, again?.values ?? {}, again?.errors ?? {}, {
      action: eventPath(caseId, type),
      idPrefix,
      agencies,
    }),
    // A sign-off is the agency's own answer to the recommendation, whatever the other agencies signed meanwhile: it
    // carries no version, so partners signing at the same moment are all recorded (the machine still refuses a
    // second sign-off of one agency, or one after the round has closed).
    hidden: isSignOffEvent(type) ? [] : [{ name: VERSION_FIELD, value: String(again?.version ?? version) }],
  };
}

/** What the partners sign, from the record: the latest round's recommendation and its reasons, or the draft. */
function whatIsSigned(type: CaseEventType, record: CaseRecordView): string[] | undefined {
  if (type === 'decision.signed-off') {
    const round = record.decision.rounds[record.decision.rounds.length - 1];
    const recommended = record.rapidReview.recommendation;
    return [
      ...(round?.recommendation ? [`The subgroup recommends: ${optionLabel(round.recommendation)}.`] : []),
      ...(recommended?.rationale ? [`Their reasons: ${recommended.rationale}`] : []),
    ];
  }
  if (type === 'lcspr.final-report-signed-off') {
    const drafts = record.lcspr.draftsReceivedOn;
    return drafts.length ? [`The draft received on ${govukDate(drafts[drafts.length - 1])}.`] : undefined;
  }
  return undefined;
}

/** The links to the pages of the events the person may send now, other than those answered on the case page. */
function eventLinks(caseId: string, offered: readonly CaseEventType[]) {
  return offered
    .filter((type) => !isAnsweredOnCasePage(type))
    .map((type) => ({ href: eventPath(caseId, type), text: EVENT_DESCRIPTIONS[type].title }));
}

/** The error summary's list; an error whose form is not on the page links to the page's main content. */
function errorListFor(shown: ReshownForm | undefined, formsOnPage: readonly PageForm[]) {
  const summary = errorSummary(shown?.errors);
  if (!summary) return [];
  const onPage = formsOnPage.some((form) => form.type === shown!.type);
  return summary.errorList.map((item) => (onPage ? item : { ...item, href: '#main-content' }));
}

export interface CasePageInput {
  overview: CaseOverview;
  history: readonly AuditEventView[];
  /** What the person's last change recorded (the success banner). */
  confirmation?: string;
  /** A form of this page refused, shown again. */
  reshown?: ReshownForm;
}

/** Everything the case page (views/case.njk) shows, from the service's reads of the case. */
export function casePage({ overview, history, confirmation, reshown }: CasePageInput) {
  const { case: view, record, eventsYouMaySendNow } = overview;
  const forms = eventsYouMaySendNow.filter(isAnsweredOnCasePage).map((type) => {
    const about = whatIsSigned(type, record);
    return {
      ...pageForm(view.id, view.version, type, reshown, INLINE_ID_PREFIX, agencyOptions(record)),
      ...(about?.length ? { about } : {}),
    };
  });
  return {
    pageTitle: `Case ${view.reference}`,
    caseId: view.id,
    reference: view.reference,
    status: [
      { key: { text: 'Stage' }, value: { text: stageName(view.stage) } },
      { key: { text: 'Status' }, value: { text: stateName(view.state) } },
      { key: { text: 'Opened' }, value: { text: govukDateTime(view.openedAt) } },
    ],
    confirmation,
    escalation: escalationBanner(view.state, record),
    forms,
    eventLinks: eventLinks(view.id, eventsYouMaySendNow),
    deadlines: { head: DEADLINES_TABLE_HEAD, rows: deadlinesTableRows(view.deadlines, agencyNamer(record)) },
    signOffTableHead: SIGN_OFF_TABLE_HEAD,
    signOffSections: signOffPanel(record),
    recordSections: recordSections(record),
    // Issue 12 items 3 and 8
    actionPlan: actionPlan(record, view.deadlines),
    documents: documentsTable(record),
    timeline: timelineItems(history),
    errorList: errorListFor(reshown, forms),
  };
}

export interface EventPageInput {
  overview: CaseOverview;
  type: CaseEventType;
  reshown?: ReshownForm;
}

/** An event's own page (views/case-event.njk): its form, or why it cannot be sent now and what can. */
export function eventPage({ overview, type, reshown }: EventPageInput) {
  const { case: view, eventsYouMaySendNow } = overview;
  const offered = eventsYouMaySendNow.includes(type);
  const form = offered ? pageForm(view.id, view.version, type, reshown, '', agencyOptions(overview.record)) : undefined;
  const { title, description } = EVENT_DESCRIPTIONS[type];
  return {
    pageTitle: `${title}: ${view.reference}`,
    title,
    description,
    caseId: view.id,
    reference: view.reference,
    casePath: casePath(view.id),
    status: [
      { key: { text: 'Stage' }, value: { text: stageName(view.stage) } },
      { key: { text: 'Status' }, value: { text: stateName(view.state) } },
    ],
    form,
    eventLinks: offered ? [] : eventLinks(view.id, eventsYouMaySendNow),
    errorList: errorListFor(reshown, form ? [form] : []),
  };
}

/**
 * Issue 12 item 4: while the case is escalated, the page says so at the top (a GOV.UK notification banner): since
 * when, and what happens next. Nothing of the escalation's note: the page shows it in the sign-off section.
 */
export function escalationBanner(
  state: string,
  record: CaseOverview['record'],
): { heading: string; text: string } | undefined {
  if (state !== 'decision.escalated') return undefined;
  const rounds = record.decision.rounds;
  const escalations = rounds[rounds.length - 1]?.escalations ?? [];
  const escalation = escalations[escalations.length - 1];
  return {
    heading: 'This case is escalated to the lead partners',
    text:
      `The partners could not agree the decision${escalation ? `, so it was escalated on ${govukDate(escalation.escalatedOn)}` : ''}. ` +
      'A lead partner records the decision they reached; the case then moves on with it.',
  };
}

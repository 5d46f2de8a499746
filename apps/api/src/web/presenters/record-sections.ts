import { OPTION_LABELS, optionLabel, type CaseRecordView } from '@app/cases';
import { govukDate } from '../page-dates';
import { escapeHtml as escape } from './html';
import { meetingRows, recommendationRows, returnsTable, type RecordTable } from './rapid-review-record';

export interface SummaryListRow {
  key: { text: string };
  value: { text: string } | { html: string };
}

export interface RecordSection {
  /** For the section's heading and its id on the page. */
  id: string;
  title: string;
  rows: SummaryListRow[];
  /** Tables shown under the section's summary list (the rapid review's agency returns). */
  tables?: RecordTable[];
}

type Value = string | string[] | undefined;

/** A row when there is something to show: one line as text, several as a list. */
function row(key: string, value: Value): SummaryListRow[] {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return [];
  if (!Array.isArray(value)) return [{ key: { text: key }, value: { text: value } }];
  if (value.length === 1) return [{ key: { text: key }, value: { text: value[0] } }];
  const items = value.map((line) => `<li>${escape(line)}</li>`).join('');
  return [{ key: { text: key }, value: { html: `<ul class="govuk-list">${items}</ul>` } }];
}

const date = (value: string | undefined) => (value ? govukDate(value) : undefined);
const dates = (values: readonly string[]) => values.map(govukDate);
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function incident(record: CaseRecordView): SummaryListRow[] {
  const { incident: i, restricted } = record;
  const withheld = restricted.map((part) => (part === 'children' ? "the children's details" : 'the summary'));
  return [
    ...row('Date of the incident', govukDate(i.incidentOn)),
    ...row('Type of incident', optionLabel(i.incidentType)),
    ...row('Abuse or neglect', optionLabel(i.abuseOrNeglect)),
    ...row('Looked after by the local authority', yesNo(i.lookedAfter)),
    ...(i.children ?? []).flatMap((child, n) => row(`Child ${n + 1}`, childLines(child, record))),
    ...row('Summary', i.summary),
    // Issue 12 item 2
    ...row('Local authority where the child lived', i.localAuthorityOfResidence),
    ...row('Local authority where the incident happened', i.localAuthorityOfIncident),
    ...row('Categories of harm', i.harmCategories?.map(optionLabel)),
    ...row('Contributing factors', i.contributingFactors?.map(optionLabel)),
    ...row(
      'Not shown to your role',
      withheld.length
        ? capitalise(`${withheld.join(' and ')}: only the roles that work on the case or oversee it see them`)
        : undefined,
    ),
  ];
}

/** Issue 12 item 2: a child's details, each code in words (a client's free text as sent). */
function childLines(child: NonNullable<CaseRecordView['incident']['children']>[number], record: CaseRecordView) {
  const agencyName = (key: string) => record.relevantAgencies.find((a) => a.key === key)?.name ?? optionLabel(key);
  const words = (list: readonly string[] | undefined, name: (v: string) => string = optionLabel) =>
    list && list.length ? list.map(name).join(', ') : undefined;
  return [
    `Aged ${child.ageYears}, ${optionLabel(child.sex).toLowerCase()}`,
    ...(child.ethnicity ? [`Ethnicity: ${codeOrText(child.ethnicity)}`] : []),
    ...(child.disability ? [`Disability: ${codeOrText(child.disability)}`] : []),
    ...(child.disabilityTypes?.length ? [`Type of disability: ${words(child.disabilityTypes)}`] : []),
    ...(child.plans ? [`Plans: ${words(child.plans) ?? 'None'}`] : []),
    ...(child.placementType ? [`Placement: ${optionLabel(child.placementType)}`] : []),
    ...(child.knownToAgencies ? [`Known to: ${words(child.knownToAgencies, agencyName) ?? 'No agency'}`] : []),
  ];
}

/** A code in words, or free text (sent by a client of the first contract) as typed. */
function codeOrText(value: string): string {
  return OPTION_LABELS[value] ?? value;
}

/** Issue 12 item 2: who the notification goes to, and what happened to it. */
function notificationPath(record: CaseRecordView): SummaryListRow[] {
  const p = record.notificationPath;
  const panel = p.path === 'serious-incident';
  const to = [
    panel ? 'The Child Safeguarding Practice Review Panel' : undefined,
    p.toSosOfsted ? 'The Secretary of State and Ofsted' : undefined,
  ];
  return [
    ...row('What was notified', p.nature && optionLabel(p.nature)),
    ...row('Notified to', to.filter((line): line is string => Boolean(line)).join(' and ')),
    ...row('Secretary of State and Ofsted notified on', date(p.sosOfstedNotifiedOn)),
    ...row('Abuse or neglect known or suspected from', date(p.criteriaMetOn)),
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function notification(record: CaseRecordView): SummaryListRow[] {
  const n = record.notification;
  return [
    ...row('The local authority became aware on', govukDate(n.laAwareOn)),
    ...row('Notification sent to the Panel on', date(n.submittedOn)),
    ...row('Panel reference', n.panelReference),
    ...row('Safeguarding partners informed on', date(n.partnersInformedOn)),
    ...row('Withdrawn', n.withdrawn && `On ${govukDate(n.withdrawn.withdrawnOn)}: ${n.withdrawn.reason}`),
    ...notificationPath(record), // issue 12 item 2
  ];
}

function rapidReview(record: CaseRecordView): SummaryListRow[] {
  const r = record.rapidReview;
  return [
    // A case of machine version 2 shows its returns in a table (issue 12 item 1); version 1's are listed here.
    ...row(
      'Agency returns',
      r.returns.length
        ? undefined
        : r.agencyReturns.map((a) => `${optionLabel(a.agency)}: received ${govukDate(a.receivedOn)}`),
    ),
    ...meetingRows(record).flatMap(([key, value]) => row(key, value)),
    ...row('Recommendation', r.recommendation && optionLabel(r.recommendation.recommendation)),
    ...row('Reasons for the recommendation', r.recommendation?.rationale),
    ...row('Recommended on', date(r.recommendation?.recommendedOn)),
    ...recommendationRows(record).flatMap(([key, value]) => row(key, value)),
    ...row('Rapid review sent to the Panel', dates(r.submittedOn)),
  ];
}

function decision(record: CaseRecordView): SummaryListRow[] {
  const d = record.decision;
  if (d.rounds.length === 0 && !d.outcome) return [];
  return [
    ...row('Agencies that sign off', d.signOffAgencies.map(optionLabel).join(', ')),
    ...row('Agreed decision', d.outcome && optionLabel(d.outcome)),
    ...row('Agreed on', date(d.decidedOn)),
  ];
}

function panelResponse(record: CaseRecordView): SummaryListRow[] {
  return record.panelResponse.responses.flatMap((r, n, all) =>
    row(all.length > 1 ? `Response ${n + 1}` : 'Response', [
      `${optionLabel(r.response)}, on ${govukDate(r.respondedOn)}`,
      ...(r.comment ? [`Comment: ${r.comment}`] : []),
    ]),
  );
}

function lcspr(record: CaseRecordView): SummaryListRow[] {
  const l = record.lcspr;
  return [
    ...row(
      'Reviewer',
      l.reviewer && `${l.reviewer.name} (${l.reviewer.independent ? 'independent' : 'not independent'})`,
    ),
    ...row('Terms of reference agreed on', date(l.termsAgreedOn)),
    ...row('Methodology agreed on', date(l.methodologyAgreedOn)),
    ...row('Draft reports received', dates(l.draftsReceivedOn)),
    ...l.pauses.flatMap((p, n, all) =>
      row(all.length > 1 ? `Pause ${n + 1}` : 'Pause', [
        `${optionLabel(p.reason)}, from ${govukDate(p.pausedOn)}${p.resumedOn ? ` to ${govukDate(p.resumedOn)}` : ' (still paused)'}`,
        ...(p.detail ? [p.detail] : []),
      ]),
    ),
    // Issue 12 item 5: the managed review
    ...row('Planned completion', date(l.plannedCompletionOn)),
    ...l.extensions.flatMap((e, n, all) =>
      row(all.length > 1 ? `Extension ${n + 1}` : 'Extension', [
        `Agreed on ${govukDate(e.agreedOn)}, new completion date ${govukDate(e.newCompletionOn)}`,
        e.informedOn
          ? `The Panel and the Secretary of State told on ${govukDate(e.informedOn)}`
          : 'The Panel and the Secretary of State not yet told',
        `Reason: ${e.reason}`,
      ]),
    ),
    ...row(
      'Progress reviews',
      l.progressReviews.map((r) => `${govukDate(r.reviewedOn)}${r.by ? ` (${r.by})` : ''}: ${r.note}`),
    ),
    ...row(
      'Involvement',
      l.involvement.map((i) => `${optionLabel(i.who)}, ${govukDate(i.involvedOn)}: ${i.note}`),
    ),
  ];
}

function publication(record: CaseRecordView): SummaryListRow[] {
  const p = record.publication;
  return [
    ...row('Planned for', date(p.plannedOn)),
    ...row('Final report sent to the Panel and the Secretary of State on', date(p.reportSentOn)),
    ...row('Published on', date(p.publishedOn)),
    // The API takes only http and https addresses; anything else is shown, never linked.
    ...(p.url && /^https?:\/\//i.test(p.url)
      ? [
          {
            key: { text: 'Web address' },
            value: { html: `<a class="govuk-link" href="${escape(p.url)}">${escape(p.url)}</a>` },
          },
        ]
      : row('Web address', p.url)),
    ...row(
      'Waiting to tell the Panel and the Secretary of State',
      p.pending && [
        p.pending.kind === 'delay'
          ? `Delay decided on ${govukDate(p.pending.decidedOn)}${p.pending.newPlannedOn ? `, new date ${govukDate(p.pending.newPlannedOn)}` : ''}`
          : `Withholding decided on ${govukDate(p.pending.decidedOn)}`,
        `Reason: ${p.pending.reason}`,
      ],
    ),
    ...p.delays.flatMap((d, n, all) =>
      row(all.length > 1 ? `Delay ${n + 1}` : 'Delay', [
        `From ${govukDate(d.plannedOn)} to ${govukDate(d.newPlannedOn)}, the Panel told on ${govukDate(d.panelInformedOn)}`,
        `Reason: ${d.reason}`,
      ]),
    ),
    ...row(
      'Withheld',
      p.withheld && [
        `Decided on ${govukDate(p.withheld.decidedOn)}, the Panel told on ${govukDate(p.withheld.panelInformedOn)}`,
        `Reason: ${p.withheld.reason}`,
      ],
    ),
  ];
}

/**
 * The case record as GOV.UK summary lists, one per stage that holds something: every value the record gives the
 * reader, in plain English with GOV.UK dates. What the reader's role does not read is absent from the record; the
 * incident section says so. The action plan and the documents have tables of their own (`action-plan.ts`).
 */
export function recordSections(record: CaseRecordView): RecordSection[] {
  const sections: RecordSection[] = [
    { id: 'record-incident', title: 'Incident', rows: incident(record) },
    { id: 'record-notification', title: 'Notification', rows: notification(record) },
    {
      id: 'record-rapid-review',
      title: 'Rapid review',
      rows: rapidReview(record),
      ...(returnsTable(record) ? { tables: [returnsTable(record)!] } : {}),
    },
    { id: 'record-decision', title: 'Decision', rows: decision(record) },
    { id: 'record-panel-response', title: "The Panel's response", rows: panelResponse(record) },
    {
      id: 'record-national-review',
      title: 'National review',
      rows: row('Published on', date(record.nationalReview.publishedOn)),
    },
    { id: 'record-lcspr', title: 'Local review (LCSPR)', rows: lcspr(record) },
    { id: 'record-publication', title: 'Publication', rows: publication(record) },
    // The action plan has a section of its own, a table (presenters/action-plan.ts).
  ];
  return sections.filter((section) => section.rows.length > 0 || section.tables?.length);
}

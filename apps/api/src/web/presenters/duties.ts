/**
 * The partnership's duties page (the annual report and its copies) and the roles page, from their read models. Pure.
 */
import type { PartnershipAuditEventView, PartnershipDutiesView } from '@app/auth';
import type { PartnershipRolesView, RoleSeatView } from '@app/reminders';
import { ANNUAL_REPORT_COPY_RECIPIENTS, type AnnualReportCopyRecipient } from '@app/workflows';
import { govukDate, govukDateTime } from '../page-dates';
import { statusTag } from './case-labels';
import { escapeHtml } from './html';
import { agencyName, roleName, roleNames } from './roles';
import { ruleTitle } from './rulebook';

type Cell = { text: string } | { html: string };
interface SummaryRow {
  key: { text: string };
  value: Cell;
}

export const RECIPIENT_NAMES: Readonly<Record<AnnualReportCopyRecipient, string>> = {
  panel: 'The Child Safeguarding Practice Review Panel',
  'what-works-centre': 'The What Works Centre (Foundations)',
};

/** The recipients as checkboxes, the ticked ones kept. */
export function recipientCheckboxes(ticked: readonly string[], error?: string): Record<string, unknown> {
  return {
    name: 'recipients',
    idPrefix: 'recipients',
    fieldset: { legend: { text: 'Who was sent a copy that day', classes: 'govuk-fieldset__legend--s' } },
    hint: { text: 'Select all that apply' },
    ...(error ? { errorMessage: { text: error } } : {}),
    items: ANNUAL_REPORT_COPY_RECIPIENTS.map((value) => ({
      value,
      text: RECIPIENT_NAMES[value],
      checked: ticked.includes(value),
    })),
  };
}

const tagHtml = (status: Parameters<typeof statusTag>[0]) => {
  const tag = statusTag(status);
  return `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>`;
};

/** The summary of the annual report duty: the last report, the next one's due date and each copy. */
export function dutySummaryRows(view: PartnershipDutiesView): SummaryRow[] {
  const report = view.lastAnnualReport;
  const next = view.deadlines.find((d) => d.rule === 'annual-report');
  const copies = view.deadlines.find((d) => d.rule === 'annual-report-copies');
  if (!report || !next) {
    return [
      { key: { text: 'Last annual report' }, value: { text: 'None recorded yet' } },
      {
        key: { text: 'Next annual report due' },
        value: { text: 'Not known until the date of the last published annual report is recorded' },
      },
    ];
  }
  const rows: SummaryRow[] = [
    {
      key: { text: 'Last annual report' },
      value: {
        html:
          `Published ${escapeHtml(govukDate(report.publishedOn))}<br>` +
          `<a class="govuk-link" href="${escapeHtml(report.url)}" rel="noreferrer noopener">Read the published report</a>`,
      },
    },
    {
      key: { text: 'Next annual report due' },
      value: { html: `${escapeHtml(govukDate(next.dueOn))} ${tagHtml(next.status)}` },
    },
  ];
  if (copies) {
    rows.push({
      key: { text: 'Copies due' },
      value: { html: `${escapeHtml(govukDate(copies.dueOn))} ${tagHtml(copies.status)}` },
    });
  }
  for (const recipient of ANNUAL_REPORT_COPY_RECIPIENTS) {
    const sentOn = report.copiesSentOn[recipient];
    rows.push({
      key: { text: `Copy to ${RECIPIENT_NAMES[recipient].replace(/^The /, 'the ')}` },
      value: { text: sentOn ? `Sent ${govukDate(sentOn)}` : 'Not sent yet' },
    });
  }
  return rows;
}

function recipientsText(recipients: unknown): string {
  const names = (Array.isArray(recipients) ? recipients : [])
    .filter((r): r is AnnualReportCopyRecipient => (ANNUAL_REPORT_COPY_RECIPIENTS as readonly string[]).includes(r))
    .map((r) => RECIPIENT_NAMES[r].replace(/^The /, 'the '));
  return names.join(' and ');
}

/** What an event of the duties' history says, in a sentence. */
export function historyText(event: PartnershipAuditEventView): string {
  const after = event.after;
  const judged =
    typeof after.dueOn === 'string' && (after.status === 'met' || after.status === 'late')
      ? ` (${after.status === 'met' ? 'on time' : 'late'}: due ${govukDate(after.dueOn)})`
      : '';
  switch (event.type) {
    case 'annual-report.published':
      return `Annual report published${judged}`;
    case 'annual-report.copies-sent':
      return `Copy sent to ${recipientsText(after.recipients)}${judged}`;
    case 'duty.missed':
      return `Deadline missed: ${ruleTitle(String(after.rule))} (due ${govukDate(String(after.dueOn))})`;
    default:
      return event.type;
  }
}

/** The history as table rows: when it happened, what, who, and when it was recorded. */
export function dutyHistoryRows(history: readonly PartnershipAuditEventView[]): Cell[][] {
  return history.map((event) => [
    { text: govukDate(event.occurredOn) },
    { text: historyText(event) },
    { text: event.byRoles.length ? `${event.by} (${roleNames(event.byRoles as never)})` : event.by },
    { text: govukDateTime(event.recordedAt) },
  ]);
}

function holdersCell(seat: RoleSeatView): Cell {
  if (seat.holders.length > 0) return { text: seat.holders.map((h) => h.name).join(', ') };
  return seat.unfilled
    ? {
        html: '<strong class="govuk-tag govuk-tag--red">Nobody</strong> <span class="govuk-body-s">its mail goes to the business unit</span>',
      }
    : { text: 'Nobody' };
}

/** One table per agency: its delegated and its lead partner, who holds each, and whether it signs off. */
export function agencyRoleTables(view: PartnershipRolesView): { caption: string; hint: string; rows: Cell[][] }[] {
  return view.agencies.map((agency) => ({
    caption: agencyName(agency.agency),
    hint: agency.signsOff ? 'Signs off decisions and final reports' : 'Does not sign off for the partnership',
    rows: agency.seats.map((seat) => [{ text: roleName(seat.role) }, holdersCell(seat)]),
  }));
}

/** Every other role, partnership-wide, with who holds it (and their agency, where they have one). */
export function otherRoleRows(view: PartnershipRolesView): Cell[][] {
  return view.roles.map((seat) => [
    { text: roleName(seat.role) },
    seat.holders.length > 0
      ? {
          text: seat.holders.map((h) => (h.agency ? `${h.name} (${agencyName(h.agency)})` : h.name)).join(', '),
        }
      : holdersCell(seat),
  ]);
}

const FIELD_WORDS: Record<string, string> = {
  publishedOn: 'The date the report was published',
  copiesSentOn: 'The date the copies were sent',
  sentOn: 'The date the copies were sent',
  url: 'The address of the published report',
};

/**
 * An API refusal of these forms in the page's words: field names as questions, dates the GOV.UK way
 * (`publishedOn (2026-03-03) cannot be in the future` -> `The date the report was published (3 March 2026) cannot be
 * in the future`).
 */
export function dutyMessage(message: string): string {
  const worded = message
    .replace(/^(publishedOn|copiesSentOn|sentOn|url)\b/, (field) => FIELD_WORDS[field])
    .replace(
      /must be a real date YYYY-MM-DD from (\d{4}) to (\d{4})/,
      (_all, from: string, to: string) => `must be a real date between 1 January ${from} and 31 December ${to}`,
    );
  return worded.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (date) => govukDate(date));
}

/** Which field of the forms an API message is about, by the name it starts with (else `fallback`). */
export function dutyMessageField(message: string, fallback: string): string {
  const match = /^(publishedOn|copiesSentOn|sentOn|url)\b/.exec(message);
  if (match) return match[1];
  if (/^A copy of the annual report/.test(message)) return 'recipients';
  return fallback;
}

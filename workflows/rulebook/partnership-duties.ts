/**
 * The partnership's own duties (rules of `partnership` scope): the annual report, published at least once in every 12
 * months, and its copies to the Panel and the What Works Centre within 7 days of publication. Like a case's deadlines,
 * due dates are derived from facts (the dates recorded), never stored. Pure: "today" and the calendar are passed in.
 */
import { computeDeadline } from './deadlines';
import type { Deadline, DeadlineCalendar, LocalDate, RuleDefinition, RuleId } from './types';

/** Who receives a copy of each published annual report (rules.md rule 23). */
export const ANNUAL_REPORT_COPY_RECIPIENTS = ['panel', 'what-works-centre'] as const;
export type AnnualReportCopyRecipient = (typeof ANNUAL_REPORT_COPY_RECIPIENTS)[number];

/** What the partnership has recorded of its latest annual report. */
export interface AnnualReportFacts {
  /** The day the latest annual report was published; absent until the partnership records one. */
  lastPublishedOn?: LocalDate;
  /** The day a copy of that report was sent to each recipient recorded so far. */
  copiesSentOn?: Partial<Record<AnnualReportCopyRecipient, LocalDate>>;
}

/** The partnership duties, in the order they are shown. */
export const PARTNERSHIP_DUTY_RULES: readonly RuleId[] = ['annual-report', 'annual-report-copies'];

/** The day the last copy was sent, once every recipient has one; undefined while any still waits. */
export function copiesCompletedOn(facts: AnnualReportFacts): LocalDate | undefined {
  const sent = ANNUAL_REPORT_COPY_RECIPIENTS.map((recipient) => facts.copiesSentOn?.[recipient]);
  if (sent.some((date) => date === undefined)) return undefined;
  return (sent as LocalDate[]).reduce((latest, date) => (date > latest ? date : latest));
}

/**
 * The partnership's duty deadlines, in rulebook order, from the (overridden) rules of partnership scope:
 * - `annual-report`: the next report is due 12 months after the last one (calendar months, clamped to the month's
 *   end); its clock never stops, because publishing the next report starts a new one: `open`, then `overdue`;
 * - `annual-report-copies`: 7 days after the last publication; stopped on the day the last of the two copies was
 *   sent, `met` or `late`.
 * None at all before the partnership has recorded a published report: the next due date is unknown.
 */
export function partnershipDeadlines(
  rules: readonly RuleDefinition[],
  facts: AnnualReportFacts,
  today: LocalDate,
  calendar: DeadlineCalendar,
): Deadline[] {
  const publishedOn = facts.lastPublishedOn;
  if (publishedOn === undefined) return [];
  const anchors = { lastAnnualReportPublishedOn: publishedOn };
  const deadlines: Deadline[] = [];
  for (const rule of rules) {
    if (rule.scope !== 'partnership') continue;
    const stoppedOn = rule.id === 'annual-report-copies' ? copiesCompletedOn(facts) : undefined;
    const deadline = computeDeadline(
      rule,
      anchors,
      { startedOn: publishedOn, pauses: [], ...(stoppedOn ? { stoppedOn } : {}) },
      today,
      calendar,
    );
    if (deadline) deadlines.push(deadline);
  }
  return deadlines;
}

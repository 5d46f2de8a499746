import { createHash } from 'node:crypto';
import ical, { ICalEventTransparency } from 'ical-generator';
import { addCalendarDays } from '@app/calendar';
import { RULE_TITLES, type RuleId } from '@app/workflows';

/** A running deadline of a case, as the feed reads it: nothing of the case but its id and reference. */
export interface CaseDeadlineForCalendar {
  caseId: string;
  caseReference: string;
  rule: string;
  /** The item of a rule that runs once per item (an agency key, an action id); '' for the case's own clocks. */
  subject: string;
  dueOn: string;
}

/** A running deadline of the partnership's own duties (the annual report and its copies). */
export interface DutyDeadlineForCalendar {
  rule: string;
  dueOn: string;
}

export interface DeadlinesCalendarInput {
  partnershipId: string;
  partnershipName: string;
  /** The service's public address, with no trailing slash (links to cases and the duties page). */
  publicUrl: string;
  caseDeadlines: readonly CaseDeadlineForCalendar[];
  dutyDeadlines: readonly DutyDeadlineForCalendar[];
  now: Date;
}

/** How often a calendar should fetch the feed again. */
export const CALENDAR_REFRESH_SECONDS = 60 * 60;

/**
 * The event id of one deadline: the same for as long as the deadline exists, whatever its due date, so a calendar
 * moves the event when the date moves rather than adding a second one.
 */
export function calendarEventUid(key: string): string {
  return `${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}@practice-review`;
}

function ruleTitle(rule: string): string {
  return RULE_TITLES[rule as RuleId] ?? rule;
}

/**
 * The ICS text of a person's deadlines: one all-day event per deadline on its due date. An event says only the case
 * reference, the rule (and the item's agency key or action id) and a link to the case page: never anything of the
 * incident or a child (the feed's URL is a bearer secret that a calendar provider keeps).
 */
export function deadlinesCalendar(input: DeadlinesCalendarInput): string {
  const calendar = ical({
    name: `Practice review deadlines (${input.partnershipName})`,
    prodId: { company: 'practice-review', product: 'deadlines', language: 'EN' },
    ttl: CALENDAR_REFRESH_SECONDS,
  });
  // ical-generator's `timezone` would write DTSTAMP as a floating time; every event is a date, so only name the zone.
  calendar.x([{ key: 'X-WR-TIMEZONE', value: 'Europe/London' }]);
  const events = [
    ...input.caseDeadlines.map((d) => ({
      uid: calendarEventUid(`${d.caseId}|${d.rule}|${d.subject}`),
      summary: `${d.caseReference}: ${ruleTitle(d.rule)}${d.subject ? ` (${d.subject})` : ''}`,
      url: `${input.publicUrl}/cases/${d.caseId}`,
      dueOn: d.dueOn,
    })),
    ...input.dutyDeadlines.map((d) => ({
      uid: calendarEventUid(`partnership:${input.partnershipId}|${d.rule}`),
      summary: `Partnership duty: ${ruleTitle(d.rule)}`,
      url: `${input.publicUrl}/manage/duties`,
      dueOn: d.dueOn,
    })),
  ].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.summary.localeCompare(b.summary) || a.uid.localeCompare(b.uid));
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      allDay: true,
      start: event.dueOn,
      end: addCalendarDays(event.dueOn, 1),
      stamp: input.now,
      summary: event.summary,
      description: event.url,
      url: event.url,
      // A deadline is a reminder, not time taken: it leaves the person's free/busy time alone.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

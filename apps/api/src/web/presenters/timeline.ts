import { EVENT_DESCRIPTIONS, isCaseEventType, optionLabel, type AuditEventView } from '@app/cases';
import { govukDate, govukDateTime } from '../page-dates';
import { stateName } from './case-page-labels';
import { roleName } from './roles';
import { ruleTitle } from './rulebook';

export interface TimelineItem {
  /** What happened: 'Rapid review meeting recorded', 'Deadline missed: Notify the Panel (due 12 January 2026)'. */
  title: string;
  /** 'Sam Subgroup (Subgroup member)', 'Pat Police (Delegated safeguarding partner, Police)', 'practice-review (the service)'. */
  by: string;
  /** The instant, ISO 8601, for a `<time datetime>`. */
  at: string;
  /** The instant the GOV.UK way, London time: '14 January 2026 at 3:05pm'. */
  when: string;
  /** The state before (absent when the case was opened) and after, in plain English; absent when it did not change. */
  change?: { from?: string; to: string };
  /**
   * Item 6: how the act is dated and recorded, when there is more to say than who and when: 'Happened 24 November
   * 2026, recorded 29 November 2026', 'Recorded by Bea Business on behalf of the Police's delegated partner: …',
   * 'Imported: originally by Pat Police (Police)', a correction's two dates and its reason.
   */
  notes?: string[];
}

const SYSTEM_EVENT_TITLES: Readonly<Record<string, string>> = {
  'case.opened': 'Case opened',
  'deadline.missed': 'Deadline missed',
  'deadlines.recomputed': "Deadlines recalculated after a change to the partnership's settings",
  'action.escalated': 'Overdue action escalated to the delegated partners', // issue 12 item 3
  'case.imported': 'Case brought in with its history (imported)',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function titleOf(event: AuditEventView): string {
  if (isCaseEventType(event.type)) return EVENT_DESCRIPTIONS[event.type].done;
  const title = SYSTEM_EVENT_TITLES[event.type] ?? event.type;
  if (event.type === 'deadline.missed') {
    const rule = text(event.payload.rule);
    const dueOn = text(event.payload.dueOn);
    if (rule) return `${title}: ${ruleTitle(rule)}${dueOn ? ` (due ${govukDate(dueOn)})` : ''}`;
  }
  if (event.type === 'action.escalated') {
    const actionId = text(event.payload.actionId);
    if (actionId) return `${title}: action ${actionId}`;
  }
  return title;
}

function byOf(actor: AuditEventView['actor']): string {
  if (actor.roles.length === 0) return `${actor.name} (the service)`;
  const roles = actor.roles.map(roleName);
  return `${actor.name} (${[...roles, ...(actor.agency ? [optionLabel(actor.agency)] : [])].join(', ')})`;
}

function changeOf(event: AuditEventView): TimelineItem['change'] {
  if (event.from === null) return { to: stateName(event.to) };
  if (event.from === event.to) return undefined;
  return { from: stateName(event.from), to: stateName(event.to) };
}

/** Item 6: what the timeline says of when an act happened, who it was recorded for, and what a correction changed. */
function notesOf(event: AuditEventView): string[] {
  const notes: string[] = [];
  const recordedOn = londonDay(event.at);
  if (event.occurredOn && event.occurredOn !== recordedOn) {
    notes.push(`Happened ${govukDate(event.occurredOn)}, recorded ${govukDate(recordedOn)}`);
  }
  const onBehalfOf = text(event.payload.onBehalfOf);
  if (onBehalfOf) {
    const reason = text(event.payload.delegationReason);
    notes.push(
      `Recorded by ${event.actor.name} on behalf of ${optionLabel(onBehalfOf)}’s delegated partner${reason ? `: ${reason}` : ''}`,
    );
  }
  if (event.imported) {
    const original = event.originalActor;
    notes.push(
      original
        ? `Imported; originally by ${original.name}${original.agency ? ` (${optionLabel(original.agency)})` : ''}`
        : 'Imported from the earlier record',
    );
  }
  if (event.type === 'fact.corrected') {
    const fact = text(event.payload.fact);
    const from = text(event.payload.from);
    const to = text(event.payload.to);
    if (fact && from && to) notes.push(`${optionLabel(fact)}: ${govukDate(from)} corrected to ${govukDate(to)}`);
    const reason = text(event.payload.reason);
    if (reason) notes.push(`Why: ${reason}`);
  }
  return notes;
}

/** The London day of an instant. */
function londonDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(instant));
}

/**
 * The case's history as the page's timeline, newest first: what happened (the event's words, or the service's own
 * events named), who did it (name and role), when, and the change of state it made. The payloads are not shown: the
 * record gives what they hold, with each role's view of it.
 */
export function timelineItems(history: readonly AuditEventView[]): TimelineItem[] {
  return [...history].reverse().map((event) => {
    const change = changeOf(event);
    const notes = notesOf(event);
    return {
      title: titleOf(event),
      by: byOf(event.actor),
      at: event.at,
      when: govukDateTime(event.at),
      ...(change ? { change } : {}),
      ...(notes.length ? { notes } : {}),
    };
  });
}

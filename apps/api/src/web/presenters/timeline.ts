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
}

const SYSTEM_EVENT_TITLES: Readonly<Record<string, string>> = {
  'case.opened': 'Case opened',
  'deadline.missed': 'Deadline missed',
  'deadlines.recomputed': "Deadlines recalculated after a change to the partnership's settings",
  'action.escalated': 'Overdue action escalated to the delegated partners', // issue 12 item 3
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

/**
 * The case's history as the page's timeline, newest first: what happened (the event's words, or the service's own
 * events named), who did it (name and role), when, and the change of state it made. The payloads are not shown: the
 * record gives what they hold, with each role's view of it.
 */
export function timelineItems(history: readonly AuditEventView[]): TimelineItem[] {
  return [...history].reverse().map((event) => {
    const change = changeOf(event);
    return {
      title: titleOf(event),
      by: byOf(event.actor),
      at: event.at,
      when: govukDateTime(event.at),
      ...(change ? { change } : {}),
    };
  });
}

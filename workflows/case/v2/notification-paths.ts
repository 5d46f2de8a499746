/**
 * Issue 12 item 2: the paths of a notification (machine version 2).
 *
 * - A serious incident (abuse or neglect known or suspected; a death or serious harm): the Panel is notified, the
 *   partners told, the rapid review follows (rules.md rules 1 to 3, 9 and 10). When the child who died was looked
 *   after, the Secretary of State and Ofsted are notified too (rule 4): the `notify-sos-ofsted` clock runs beside the
 *   Panel's.
 * - The death of a looked-after child without abuse or neglect suspected (rule 4), and the death of a care leaver
 *   under 25 (rule 5): the local authority notifies the Secretary of State and Ofsted within 5 working days; the Panel
 *   does not consider these deaths, so there is no notification to it and no rapid review. The partners are still
 *   told. Once the Secretary of State and Ofsted are notified the case waits to be closed, or moves onto the serious
 *   incident path if abuse or neglect comes to be known or suspected (`notification.criteria-met`): the Panel's clocks
 *   then count from that day.
 */
import type { CaseClocks, LocalDate } from '../../rulebook/types';
import { cancelAllClocks, startClock, stopClock } from '../clocks';
import { actDate, type CaseContext, type CaseEvent, type CaseEventType, type CaseInput } from '../case.types';
import type { NotificationRoute } from '../case.types';
import type { ContextGuard, ContextUpdate } from './updates';

/** The Panel's clocks: a death notified only to the Secretary of State and Ofsted has neither. */
const PANEL_CLOCKS = ['notify-panel', 'rapid-review'] as const;

/** The route a case opens on, and its clocks from the version 1 clocks `clocks` (which start the Panel's). */
export function initialRoute(input: CaseInput, clocks: CaseClocks): Pick<CaseContext, 'route' | 'clocks'> {
  const path = input.path ?? 'serious-incident';
  const toSosOfsted = path !== 'serious-incident' || Boolean(input.toSosOfsted);
  let next: CaseClocks = { ...clocks };
  if (path !== 'serious-incident') for (const rule of PANEL_CLOCKS) delete next[rule];
  if (toSosOfsted) next = startClock(next, 'notify-sos-ofsted', input.laAwareOn);
  const route: NotificationRoute = { path, toSosOfsted, ...(input.children ? { children: input.children } : {}) };
  return { route, clocks: next };
}

/** The route of a case; a case without one (version 1) is a serious incident. */
export function routeOf(context: CaseContext): NotificationRoute {
  return context.route ?? { path: 'serious-incident', toSosOfsted: false };
}

/** A clock started on `on` that counts from `on` as the day the local authority became aware. */
function startAnchoredClock(clocks: CaseClocks, rule: (typeof PANEL_CLOCKS)[number], on: LocalDate): CaseClocks {
  const started = startClock(clocks, rule, on);
  return { ...started, [rule]: { ...started[rule]!, anchors: { laAwareOn: on } } };
}

type E<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

export const NOTIFICATION_PATH_UPDATES = {
  recordSosOfstedNotified: (context, event) => {
    const { notifiedOn } = event as E<'sos-ofsted.notified'>;
    return {
      route: { ...routeOf(context), sosOfstedNotifiedOn: notifiedOn },
      clocks: stopClock(context.clocks, 'notify-sos-ofsted', notifiedOn),
    };
  },
  /**
   * Abuse or neglect came to be known or suspected: the case becomes a serious incident, notified to the Panel within
   * 5 working days of that day and reviewed within 15 (both counted from it). The Secretary of State's and Ofsted's
   * clock keeps its own date.
   */
  moveOntoSeriousIncidentPath: (context, event) => {
    const { awareOn } = event as E<'notification.criteria-met'>;
    const route = routeOf(context);
    let clocks = context.clocks;
    for (const rule of PANEL_CLOCKS) clocks = startAnchoredClock(clocks, rule, awareOn);
    return {
      route: { ...route, path: 'serious-incident', openedAs: route.openedAs ?? route.path, criteriaMetOn: awareOn },
      clocks,
    };
  },
  recordNotificationDetails: (context, event) => ({
    route: { ...routeOf(context), detailsRecordedOn: actDate(event) },
  }),
  /** Closing a death notified to the Secretary of State and Ofsted ends any clock still running. */
  closeNotifiedDeath: (context, event) => ({ clocks: cancelAllClocks(context.clocks, event.today) }),
} satisfies Record<string, ContextUpdate>;

export const NOTIFICATION_PATH_GUARDS = {
  /** The case notifies the Secretary of State and Ofsted instead of the Panel. */
  notifiesOnlySosOfsted: (context) => routeOf(context).path !== 'serious-incident',
} satisfies Record<string, ContextGuard>;

/** Why an event of this item cannot be sent on this case now whatever its payload, or undefined. */
export function notificationPrecondition(context: CaseContext, type: CaseEventType): string | undefined {
  if (type !== 'sos-ofsted.notified') return undefined;
  const clock = context.clocks['notify-sos-ofsted'];
  if (!clock) {
    return 'The Secretary of State and Ofsted are notified only of the death of a looked-after child or a care leaver: this case is not one';
  }
  if (clock.stoppedOn)
    return `The Secretary of State and Ofsted were already recorded as notified on ${clock.stoppedOn}`;
  if (clock.cancelledOn) return 'The notification to the Secretary of State and Ofsted is no longer due';
  return undefined;
}

/** The payload fields an event carries, without its envelope. */
function detailsGiven(event: CaseEvent): string[] {
  const envelope = new Set(['type', 'actor', 'today', 'occurredOn']);
  return Object.keys(event).filter(
    (key) => !envelope.has(key) && (event as unknown as Record<string, unknown>)[key] !== undefined,
  );
}

/** The rules of this item's events (422), or undefined when the event may be applied. */
export function notificationPathViolation(context: CaseContext, event: CaseEvent): string | undefined {
  const aware = context.facts.laAwareOn!;
  const past = (field: string, date: LocalDate) =>
    date > event.today
      ? `${field} (${date}) cannot be in the future`
      : date < aware
        ? `${field} (${date}) cannot be before the date the local authority became aware (${aware})`
        : undefined;
  switch (event.type) {
    case 'sos-ofsted.notified':
      return notificationPrecondition(context, event.type) ?? past('notifiedOn', event.notifiedOn);
    case 'notification.criteria-met':
      return past('awareOn', event.awareOn);
    case 'incident.details-recorded':
      return detailsGiven(event).length === 0 ? 'Give at least one detail of the notification to record' : undefined;
    case 'child.details-recorded': {
      const { child, knownToAgencies } = event;
      const children = routeOf(context).children;
      if (children !== undefined && child > children) {
        return `child must be from 1 to ${children}: the notification is about ${children === 1 ? 'one child' : `${children} children`}`;
      }
      if (detailsGiven(event).filter((field) => field !== 'child').length === 0) {
        return 'Give at least one detail of the child to record';
      }
      const known = new Set((context.relevantAgencies ?? []).map((agency) => agency.key));
      const unknown = (knownToAgencies ?? []).filter((key) => !known.has(key));
      return unknown.length > 0
        ? `knownToAgencies must name the case's relevant agencies (not ${unknown.join(', ')})`
        : undefined;
    }
    default:
      return undefined;
  }
}

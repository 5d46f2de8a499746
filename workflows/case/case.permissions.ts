import type { Actor, Agency, Role } from '../actors';
import { signOffViolation } from './case.rules';
import type { CaseContext, CaseEventType } from './case.types';
import { notificationPrecondition } from './v2/notification-paths';

export type SignOffEventType = 'decision.signed-off' | 'lcspr.final-report-signed-off';
const SIGN_OFF_EVENTS: readonly CaseEventType[] = ['decision.signed-off', 'lcspr.final-report-signed-off'];
const CASE_WORKERS: readonly Role[] = ['business-unit', 'subgroup-member'];

/**
 * Who sends each event that is not the case workers' (the business unit and the subgroup send every other one), the
 * sign-offs apart: one list, read by the API, the pages and the contract's Access section.
 */
export const EVENT_SENDERS: Partial<Record<CaseEventType, readonly Role[]>> = {
  // Issue 12 items 4 and 5: the lead partners resolve an escalation; the lead reviewer records drafts of their review
  'escalation.resolved': ['lead-partner'],
  'lcspr.draft-received': [...CASE_WORKERS, 'lead-reviewer'],
};

/** The roles that may send `type` (a sign-off: the delegated partners, for their own agency). */
export function sendersOf(type: CaseEventType): readonly Role[] {
  return isSignOffEvent(type) ? ['delegated-partner'] : (EVENT_SENDERS[type] ?? CASE_WORKERS);
}

export function isSignOffEvent(type: CaseEventType): type is SignOffEventType {
  return SIGN_OFF_EVENTS.includes(type);
}

/**
 * Who may send an event (the contract's Access section): sign-offs come only from a delegated partner, for their own
 * agency, which must be one the partnership signs with; every other case event from the business unit or subgroup.
 * Returns the reason for a refusal (403), or undefined when allowed.
 */
export function refusalFor(
  actor: Actor,
  type: CaseEventType,
  context: Pick<CaseContext, 'signOffAgencies'> & { lcspr?: Pick<CaseContext['lcspr'], 'reviewer'> },
): string | undefined {
  if (isSignOffEvent(type)) {
    if (!actor.roles.includes('delegated-partner')) return `${type} is sent only by a delegated partner`;
    if (!actor.agency) return 'A delegated partner must belong to an agency to sign off';
    if (!context.signOffAgencies.includes(actor.agency)) {
      return `The ${actor.agency} agency does not sign off for this partnership (${context.signOffAgencies.join(', ')} do)`;
    }
    return undefined;
  }
  const senders = sendersOf(type);
  if (!actor.roles.some((role) => senders.includes(role))) {
    return senders === CASE_WORKERS
      ? `${type} is sent only by the business unit or a subgroup member`
      : `${type} is sent only by ${senders.map((role) => `a ${role}`).join(' or ')}`;
  }
  return appointedReviewerRefusal(actor, type, context);
}

/**
 * A lead reviewer sends only on the cases they are appointed to (issue 12 item 5): the review's `reviewer.userId`.
 * Anyone who also holds another role allowed to send the event is not held to it.
 */
function appointedReviewerRefusal(
  actor: Actor,
  type: CaseEventType,
  context: { lcspr?: Pick<CaseContext['lcspr'], 'reviewer'> },
): string | undefined {
  const senders = sendersOf(type);
  const viaOtherRole = actor.roles.some((role) => role !== 'lead-reviewer' && senders.includes(role));
  if (viaOtherRole || !actor.roles.includes('lead-reviewer')) return undefined;
  return context.lcspr?.reviewer?.userId === actor.id
    ? undefined
    : `${type} is sent by a lead reviewer only on a case they are appointed to review`;
}

/**
 * The events to offer `actor` on the case page now: of the events the state accepts (`allowedEvents`), those the
 * actor may send, and a sign-off only while the actor's agency may still sign in the current round (the same rule
 * that refuses a second sign-off). Other rules depend on what the form will hold, so they are not judged here.
 */
export function eventsTheActorMaySendNow(
  actor: Actor,
  context: CaseContext,
  allowedEvents: readonly CaseEventType[],
): CaseEventType[] {
  return allowedEvents.filter(
    (type) =>
      refusalFor(actor, type, context) === undefined &&
      (!isSignOffEvent(type) || signOffViolation(context, type, actor.agency) === undefined) &&
      // Issue 12 item 2: the Secretary of State's and Ofsted's notification only while it is due
      notificationPrecondition(context, type) === undefined,
  );
}

/** A sign-off the case waits for: the agency's delegated partner is offered `event` now. */
export interface AwaitedSignOff {
  agency: Agency;
  event: SignOffEventType;
}

/**
 * The sign-offs the case waits for now: for each agency the partnership signs with, the sign-off its delegated partner
 * is offered by {@link eventsTheActorMaySendNow}. Stored as rows beside the case, so "awaiting my sign-off" is a query.
 */
export function signOffsAwaited(context: CaseContext, allowedEvents: readonly CaseEventType[]): AwaitedSignOff[] {
  if (!allowedEvents.some(isSignOffEvent)) return [];
  return context.signOffAgencies.flatMap((agency) => {
    const partner: Actor = { id: '', name: '', roles: ['delegated-partner'], agency };
    return eventsTheActorMaySendNow(partner, context, allowedEvents)
      .filter(isSignOffEvent)
      .map((event) => ({ agency, event }));
  });
}

export const CASE_OPENERS: readonly Role[] = ['business-unit'];

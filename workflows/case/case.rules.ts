import type { Agency } from '../actors';
import type { LocalDate } from '../rulebook/types';
import { openActions } from './case.setup';
import type { CaseContext, CaseEvent, SignOffRound } from './case.types';
import { escalationViolation } from './v2/escalations';
import { lcsprViolation } from './v2/lcspr-managed';
// Issue 12 items 3 and 8
import { actionPlanViolation } from './v2/action-plan';
import { documentViolation } from './v2/documents';
import { notificationPathViolation } from './v2/notification-paths';
import { rapidReviewViolation } from './v2/rapid-review.rules'; // issue 12 item 1

/**
 * Domain rules an event must satisfy once its state accepts it (422 `rule-violated`): dates that cannot be true,
 * a second sign-off by one agency, closing with open actions. Returns the reason, or undefined when the event may
 * be applied. Pure: "today" comes in the event.
 */
export function ruleViolation(context: CaseContext, event: CaseEvent): string | undefined {
  const aware = context.facts.laAwareOn!;
  const past = (
    field: string,
    date: LocalDate,
    notBefore: LocalDate = aware,
    notBeforeLabel = 'the date the local authority became aware',
  ) =>
    date > event.today
      ? `${field} (${date}) cannot be in the future`
      : date < notBefore
        ? `${field} (${date}) cannot be before ${notBeforeLabel} (${notBefore})`
        : undefined;

  switch (event.type) {
    case 'notification.submitted':
      return past('submittedOn', event.submittedOn);
    case 'partners.informed':
      if (context.clocks['inform-partners']?.stoppedOn) {
        return `The partners were already recorded as informed on ${context.clocks['inform-partners'].stoppedOn}`;
      }
      return past('informedOn', event.informedOn);
    case 'agency-return.received':
      return (
        rapidReviewViolation(context, event, past) ??
        (context.agencyReturns.some((r) => r.agency === event.agency)
          ? `The ${event.agency} return was already received`
          : undefined)
      );
    case 'rapid-review.meeting-held':
      return past('heldOn', event.heldOn) ?? rapidReviewViolation(context, event, past);
    // Issue 12 item 1
    case 'rapid-review.recommended':
    case 'agency-return.requested':
    case 'agency-return.chased':
      return rapidReviewViolation(context, event, past);
    case 'decision.signed-off':
    case 'lcspr.final-report-signed-off':
      return signOffViolation(context, event.type, event.actor.agency);
    case 'rapid-review.submitted':
      return past('submittedOn', event.submittedOn, context.decision?.decidedOn ?? aware, 'the decision');
    case 'panel.responded':
      return past(
        'respondedOn',
        event.respondedOn,
        lastOf(context.rapidReviewSubmissions) ?? aware,
        'the rapid review was sent',
      );
    case 'national-review.published':
      return past('publishedOn', event.publishedOn);
    case 'lcspr.terms-agreed':
    case 'lcspr.methodology-agreed':
      return past('agreedOn', event.agreedOn, context.facts.decisionOn ?? aware, 'the decision');
    case 'lcspr.draft-received':
      return past('receivedOn', event.receivedOn, context.facts.decisionOn ?? aware, 'the decision');
    case 'lcspr.resumed':
      return past('resumedOn', event.resumedOn, context.lcspr.pause?.from ?? aware, 'the pause began');
    case 'publication.scheduled':
      return event.plannedOn <= event.today
        ? `plannedOn (${event.plannedOn}) must be after today (${event.today})`
        : undefined;
    case 'publication.report-sent':
      if (context.publication.reportSentOn) {
        return `The final report was already sent to the Panel and the Secretary of State on ${context.publication.reportSentOn}`;
      }
      return past('sentOn', event.sentOn);
    case 'publication.published':
      if (!context.publication.reportSentOn) {
        return 'The final report must be sent to the Panel and the Secretary of State before publication';
      }
      return past(
        'publishedOn',
        event.publishedOn,
        context.publication.reportSentOn,
        'the report was sent to the Panel',
      );
    case 'publication.delayed':
      return event.newPlannedOn <= event.today
        ? `newPlannedOn (${event.newPlannedOn}) must be after today (${event.today})`
        : event.newPlannedOn === context.publication.plannedOn
          ? `newPlannedOn is already the planned date (${event.newPlannedOn})`
          : undefined;
    case 'publication.panel-informed':
      return past('informedOn', event.informedOn, context.publication.pending?.on ?? aware, 'the delay or withholding');
    case 'action.added':
      return context.actions[event.actionId]
        ? `Action ${event.actionId} already exists`
        : actionPlanViolation(context, event);
    case 'action.completed': {
      // There is one, neither completed nor cancelled (issue 12 item 3).
      const refused = actionPlanViolation(context, event);
      if (refused) return refused;
      return past('completedOn', event.completedOn, context.actions[event.actionId].addedOn, 'the action was added');
    }
    case 'case.closed': {
      const open = openActions(context);
      const done = context.itemClocks ? 'completed or cancelled' : 'completed';
      return open.length > 0
        ? `Every action must be ${done} before the case is closed (open: ${open.join(', ')})`
        : undefined;
    }
    // Issue 12 items 4 and 5
    case 'escalation.resolved':
      return escalationViolation(context, event);
    case 'lcspr.completion-planned':
    case 'lcspr.extended':
    case 'lcspr.extension-notified':
    case 'lcspr.progress-reviewed':
    case 'lcspr.involvement-recorded':
      return lcsprViolation(context, event);
    // Issue 12 items 3 and 8
    case 'action.progress-updated':
    case 'action.due-date-changed':
    case 'action.cancelled':
      return actionPlanViolation(context, event);
    case 'document.linked':
    case 'document.unlinked':
      return documentViolation(context, event);
    // Issue 12 item 2
    case 'sos-ofsted.notified':
    case 'notification.criteria-met':
    case 'incident.details-recorded':
    case 'child.details-recorded':
      return notificationPathViolation(context, event);
    default:
      return undefined;
  }
}

/**
 * Why `agency` may not sign off now, or undefined when it may: once per agency in the current round, and a final
 * report only when a draft was received and its round is not disputed. It depends on the context and the agency
 * alone, so the pages ask it too before offering the sign-off form.
 */
export function signOffViolation(
  context: CaseContext,
  type: 'decision.signed-off' | 'lcspr.final-report-signed-off',
  agency: Agency | undefined,
): string | undefined {
  if (type === 'decision.signed-off') return signedAlready(lastRound(context.decisionRounds), agency, 'decision');
  const round = lastRound(context.finalReportRounds);
  if (!round) return 'No draft report has been received to sign off';
  if (round.outcome === 'disputed') return 'The final report was disputed: a revised draft must be received first';
  return signedAlready(round, agency, 'final report');
}

function lastRound(rounds: SignOffRound[]): SignOffRound | undefined {
  return rounds[rounds.length - 1];
}

function lastOf<T>(items: T[]): T | undefined {
  return items[items.length - 1];
}

function signedAlready(round: SignOffRound | undefined, agency: string | undefined, what: string): string | undefined {
  const previous = round?.signOffs.find((s) => s.agency === agency);
  return previous
    ? `The ${agency} agency already signed off this ${what} round (${previous.decision}, ${previous.at})`
    : undefined;
}

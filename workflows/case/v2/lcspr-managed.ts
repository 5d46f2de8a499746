/**
 * Issue 12 item 5: the LCSPR managed. A planned completion date; agreed extensions (each moves the review's due date
 * to its new completion date and starts the clock for telling the Panel and the Secretary of State); progress
 * reviews (rule 15: the partners monitor progress and quality at regular intervals); practitioner and family
 * involvement; and the lead reviewer's account, which lets them read the case and record its drafts.
 */
import { startClock, stopClock } from '../clocks';
import { actDate, type CaseContext, type CaseEvent, type LcsprExtension } from '../case.types';
import { dateViolation } from './escalations';
import type { ContextUpdate } from './updates';

/** The extensions agreed but not yet told to the Panel and the Secretary of State. */
export function extensionsAwaitingNotice(context: CaseContext): LcsprExtension[] {
  return (context.lcspr.extensions ?? []).filter((extension) => !extension.informedOn);
}

export const LCSPR_UPDATES = {
  /** Version 2 keeps the reviewer's account too, when they have one: they then read the case and record drafts. */
  recordReviewerWithAccount: (context, event) => {
    if (event.type !== 'lcspr.reviewer-appointed') return {};
    const reviewer = {
      name: event.reviewerName,
      independent: event.independent,
      ...(event.reviewerUserId ? { userId: event.reviewerUserId } : {}),
    };
    return { lcspr: { ...context.lcspr, reviewer } };
  },
  planCompletion: (context, event) =>
    event.type === 'lcspr.completion-planned'
      ? { lcspr: { ...context.lcspr, plannedCompletionOn: event.plannedCompletionOn } }
      : {},
  /**
   * The review's due date becomes the new completion date (fixed on the clock, so the rulebook no longer counts 6
   * months; a pause after today still moves it on) and the 5-working-day clock for telling the Panel starts.
   */
  extendLcspr: (context, event) => {
    if (event.type !== 'lcspr.extended') return {};
    const agreedOn = actDate(event);
    const clock = context.clocks['lcspr-publish']!;
    const extension: LcsprExtension = { reason: event.reason, newCompletionOn: event.newCompletionOn, agreedOn };
    return {
      lcspr: { ...context.lcspr, extensions: [...(context.lcspr.extensions ?? []), extension] },
      clocks: startClock(
        { ...context.clocks, 'lcspr-publish': { ...clock, dueOn: event.newCompletionOn, dueFixedOn: agreedOn } },
        'lcspr-extension-notice',
        agreedOn,
      ),
    };
  },
  /** The Panel and the Secretary of State were told: every extension not yet told is now, and the clock stops. */
  recordExtensionNotified: (context, event) => {
    if (event.type !== 'lcspr.extension-notified') return {};
    const extensions = (context.lcspr.extensions ?? []).map((extension) =>
      extension.informedOn ? extension : { ...extension, informedOn: event.informedOn },
    );
    return {
      lcspr: { ...context.lcspr, extensions },
      clocks: stopClock(context.clocks, 'lcspr-extension-notice', event.informedOn),
    };
  },
  recordProgressReview: (context, event) =>
    event.type === 'lcspr.progress-reviewed'
      ? {
          lcspr: {
            ...context.lcspr,
            progressReviews: [
              ...(context.lcspr.progressReviews ?? []),
              { reviewedOn: event.reviewedOn, note: event.note, by: event.actor.id },
            ],
          },
        }
      : {},
  recordInvolvement: (context, event) =>
    event.type === 'lcspr.involvement-recorded'
      ? {
          lcspr: {
            ...context.lcspr,
            involvement: [
              ...(context.lcspr.involvement ?? []),
              { who: event.who, involvedOn: event.involvedOn, note: event.note, by: event.actor.id },
            ],
          },
        }
      : {},
} satisfies Record<string, ContextUpdate>;

/**
 * Why an event of the managed LCSPR cannot be applied (422), or undefined. The rules that need the partnership's
 * rulebook and calendar (a planned date within the review's due date, an extension after it) or its users (the
 * reviewer's account) are the service's: see libs/cases/src/case/lcspr-checks.ts.
 */
export function lcsprViolation(context: CaseContext, event: CaseEvent): string | undefined {
  const decidedOn = context.facts.decisionOn ?? context.facts.laAwareOn!;
  const sinceDecision = (field: string, date: string) =>
    dateViolation(field, date, event.today, decidedOn, 'the decision');
  switch (event.type) {
    case 'lcspr.completion-planned':
      return event.plannedCompletionOn < decidedOn
        ? `plannedCompletionOn (${event.plannedCompletionOn}) cannot be before the decision (${decidedOn})`
        : undefined;
    case 'lcspr.extended': {
      if (event.newCompletionOn <= event.today) {
        return `newCompletionOn (${event.newCompletionOn}) must be after today (${event.today})`;
      }
      const extensions = context.lcspr.extensions ?? [];
      const last = extensions[extensions.length - 1];
      return last && event.newCompletionOn <= last.newCompletionOn
        ? `newCompletionOn (${event.newCompletionOn}) must be after the date of the last extension (${last.newCompletionOn})`
        : undefined;
    }
    case 'lcspr.extension-notified': {
      const waiting = extensionsAwaitingNotice(context);
      if (waiting.length === 0) return 'No extension is waiting to be told to the Panel and the Secretary of State';
      return dateViolation('informedOn', event.informedOn, event.today, waiting[0].agreedOn, 'the extension');
    }
    case 'lcspr.progress-reviewed':
      return sinceDecision('reviewedOn', event.reviewedOn);
    case 'lcspr.involvement-recorded':
      return sinceDecision('involvedOn', event.involvedOn);
    default:
      return undefined;
  }
}

/**
 * The API's refusals of an event the form was right to send (409 and 422) in the words of the page, keyed like the
 * form's field errors so the page shows them the same way: in the error summary, and by the field they are about.
 */
import { EVENT_DESCRIPTIONS, type CaseEventType } from '@app/cases';
import { ConflictError, IllegalTransitionError, RuleViolatedError } from '@app/common';
import { govukDate } from '../page-dates';
import { stateName } from '../presenters/case-page-labels';
import type { FormErrors } from './form-errors';
import { eventFields, firstInputId, lowerFirst } from './form-fields';

/** The key of a refusal that is about no one field (it still links to the form's first field). */
export const WHOLE_FORM = '_form';

/** Every `YYYY-MM-DD` in a message written the GOV.UK way. */
function govukDates(message: string): string {
  return message.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => govukDate(iso));
}

function atFirstField(type: CaseEventType, text: string, idPrefix: string): FormErrors {
  const [first] = eventFields(type);
  return { [WHOLE_FORM]: { text, href: first ? `#${firstInputId(first, idPrefix)}` : '#main-content' } };
}

/**
 * A 422 rule the event broke: by the field the rule names ('heldOn (2026-01-20) cannot be in the future' becomes
 * 'Date of the rapid review meeting (20 January 2026) cannot be in the future', at that date), or for the whole form.
 */
export function ruleViolationErrors(type: CaseEventType, message: string, idPrefix = ''): FormErrors {
  const field = eventFields(type).find((f) => message.startsWith(`${f.name} `));
  if (!field) return atFirstField(type, govukDates(message), idPrefix);
  const text = `${field.label}${govukDates(message.slice(field.name.length))}`;
  return { [field.name]: { text, href: `#${firstInputId(field, idPrefix)}` } };
}

/** A 409: the state does not take the event now (say what it can take), or the case changed since the form was read. */
export function conflictErrors(
  type: CaseEventType,
  error: ConflictError | IllegalTransitionError,
  idPrefix = '',
): FormErrors {
  if (error instanceof IllegalTransitionError) {
    const allowed = error.details.allowedEvents.filter((t): t is CaseEventType => t in EVENT_DESCRIPTIONS);
    const now = allowed.length
      ? `What can be done now: ${allowed.map((t) => lowerFirst(EVENT_DESCRIPTIONS[t].title)).join('; ')}.`
      : 'Nothing more can be done on it.';
    const text =
      `You cannot ${lowerFirst(EVENT_DESCRIPTIONS[type].title)} now: ` +
      `the case is at ‘${stateName(error.details.state)}’. ${now}`;
    return atFirstField(type, text, idPrefix);
  }
  return atFirstField(
    type,
    'Someone else changed this case after you opened this page. Check the case as it is now, then send the form again.',
    idPrefix,
  );
}

/** The page's errors for a refusal of `dispatch`, or undefined for an error the page does not answer with its form. */
export function refusalErrors(type: CaseEventType, error: unknown, idPrefix = ''): FormErrors | undefined {
  if (error instanceof RuleViolatedError) return ruleViolationErrors(type, error.message, idPrefix);
  if (error instanceof IllegalTransitionError || error instanceof ConflictError) {
    return conflictErrors(type, error, idPrefix);
  }
  return undefined;
}

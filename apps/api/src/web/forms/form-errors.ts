/**
 * The API's validation messages ("heldOn is required") told the GOV.UK way ("Enter date of the rapid review meeting"),
 * keyed by field, each linking to the field's first input; and the error summary that lists them.
 * See https://design-system.service.gov.uk/components/error-message/ and the date input's 'Error messages'.
 */
import type { CaseEventType } from '@app/cases';
import type { FieldError } from '@app/common';
import { MONTH_NAMES } from '@app/calendar';
import { govukDate } from '../page-dates';
import { eventFields, firstInputId, lowerFirst, type DatePart, type FormField } from './form-fields';

export interface FormError {
  text: string;
  /** `#` and the id of the input to fix, for the error summary. */
  href: string;
  /** For a date: the parts to highlight (none given: the whole date). */
  parts?: DatePart[];
}

/** By field name, in the order of the form. */
export type FormErrors = Record<string, FormError>;

export interface ErrorSummaryParams {
  titleText: string;
  errorList: { text: string; href: string }[];
}

/** `2000-01-01` -> `1 January 2000`. */
/** The month a person typed: `3`, `03`, `Mar`, `march`. */
export function monthNumber(typed: string): number | undefined {
  if (/^\d{1,2}$/.test(typed)) return Number(typed);
  const name = typed.toLowerCase();
  const index = name.length >= 3 ? MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(name)) : -1;
  return index >= 0 ? index + 1 : undefined;
}

/** What to say when a field is left blank: 'Enter ...' for what is typed, 'Select ...' for what is chosen. */
export function missingMessage(field: FormField): string {
  if (field.errorIfMissing) return field.errorIfMissing;
  const chosen: readonly string[] = ['choice', 'choices', 'agency', 'agencies', 'yes-no'];
  const verb = chosen.includes(field.kind) ? 'Select' : 'Enter';
  return `${verb} ${lowerFirst(field.label)}`;
}

/**
 * One API problem ("must be at most 2000 characters", without the field's name) in the words of the page. `labelOf`
 * names another field of the form, for a rule between two fields ("must not be after laAwareOn").
 */
export function messageFor(
  field: FormField,
  problem: string,
  labelOf: (name: string) => string | undefined = () => undefined,
): string {
  const label = field.label;
  if (problem === 'is required' || problem === 'must not be empty') return missingMessage(field);
  switch (field.kind) {
    case 'choice':
    case 'agency':
    case 'yes-no':
      // A value the radios do not offer: ask again for one that they do.
      return missingMessage(field);
    case 'choices':
    case 'agencies':
      // Boxes the form does not offer, or too few ticked.
      return problem.startsWith('must hold at least')
        ? missingMessage(field)
        : `Select ${lowerFirst(label)} from the list`;
    case 'date': {
      const between = /^must be between (\d{4}-\d{2}-\d{2}) and (\d{4}-\d{2}-\d{2})$/.exec(problem);
      if (between) return `${label} must be between ${govukDate(between[1])} and ${govukDate(between[2])}`;
      if (problem.startsWith('must be a real date')) return `${label} must be a real date`;
      const notAfter = /^must not be after (\w+)$/.exec(problem);
      if (notAfter && labelOf(notAfter[1])) {
        return `${label} must be the same as or before the ${lowerFirst(labelOf(notAfter[1])!)}`;
      }
      break;
    }
    case 'text':
    case 'long-text': {
      const tooLong = /^must be at most (\d+) characters$/.exec(problem);
      if (tooLong) return `${label} must be ${tooLong[1]} characters or fewer`;
      break;
    }
    case 'url':
      return 'Enter a web address in the correct format, like https://www.example.org/report.pdf';
    case 'identifier':
      return `${label} must be ${field.maxLength} characters or fewer and only include letters, numbers, hyphens, underscores and full stops`;
  }
  return `${label} ${problem}`;
}

/** The API writes `<field> <problem>`; the page names the field by its label. */
function problemOf(fieldName: string, message: string): string {
  return message.startsWith(`${fieldName} `) ? message.slice(fieldName.length + 1) : message;
}

/**
 * The `details` of the API's validation error (`parseCaseEvent`'s ValidationFailedError `fields`) as the page's
 * messages, one per field in the order of the form. A detail that names no field of the form (it cannot come from
 * this form) is kept, worded as the API wrote it, and links to the form's first field.
 */
export function formErrorsFrom(type: CaseEventType, details: readonly FieldError[], idPrefix = ''): FormErrors {
  return fieldErrorsFrom(eventFields(type), details, idPrefix);
}

/** {@link formErrorsFrom} for any form's `fields` (a detail's `field` is the form field's name). */
export function fieldErrorsFrom(
  fields: readonly FormField[],
  details: readonly FieldError[],
  idPrefix = '',
): FormErrors {
  const errors: FormErrors = {};
  const labelOf = (name: string) => fields.find((f) => f.name === name)?.label;
  for (const field of fields) {
    const detail = details.find((d) => d.field === field.name);
    if (!detail) continue;
    errors[field.name] = {
      text: messageFor(field, problemOf(field.name, detail.messages[0] ?? 'is invalid'), labelOf),
      href: `#${firstInputId(field, idPrefix)}`,
    };
  }
  for (const detail of details) {
    if (fields.some((f) => f.name === detail.field)) continue;
    errors[detail.field] = {
      text: detail.messages.join('. '),
      href: fields.length > 0 ? `#${firstInputId(fields[0], idPrefix)}` : '#main-content',
    };
  }
  return errors;
}

/** The arguments of `govukErrorSummary`, or undefined when there is nothing to say. */
export function errorSummary(errors: FormErrors | undefined): ErrorSummaryParams | undefined {
  const list = Object.values(errors ?? {});
  if (list.length === 0) return undefined;
  return { titleText: 'There is a problem', errorList: list.map(({ text, href }) => ({ text, href })) };
}

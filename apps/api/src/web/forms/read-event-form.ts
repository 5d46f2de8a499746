/**
 * A submitted event form turned back into the API's body (`{ type, ...payload }`): the three parts of a date become
 * `YYYY-MM-DD`, Yes and No become true and false, and blank fields are left out. Only what the form alone can tell is
 * judged here (a date missing a part, a part that is not a number); everything else is the API's to judge, with the
 * same rules as a JSON client: pass `body` to `parseCaseEvent` and its errors to `formErrorsFrom`.
 */
import { parseCaseEvent, type CaseEventType } from '@app/cases';
import { ValidationFailedError } from '@app/common';
import { formErrorsFrom, messageFor, monthNumber, type FormError, type FormErrors } from './form-errors';
import { DATE_PARTS, eventFields, firstInputId, type DatePart, type FormField } from './form-fields';

export type ReadEventForm = { body: Record<string, unknown> } | { errors: FormErrors };

/** A form field's value as typed; anything but a single string (a repeated name) counts as blank. */
function typed(formBody: Readonly<Record<string, unknown>>, name: string): string {
  const value = formBody[name];
  return typeof value === 'string' ? value : '';
}

function listed(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The date's `YYYY-MM-DD`, nothing when every part is blank, or what is wrong with the parts. */
function readDate(
  field: FormField,
  formBody: Readonly<Record<string, unknown>>,
  idPrefix: string,
): { value?: string; error?: FormError } {
  const parts = Object.fromEntries(
    DATE_PARTS.map((part) => [part, typed(formBody, `${field.name}-${part}`).trim()]),
  ) as Record<DatePart, string>;
  const fail = (text: string, wrong: DatePart[]): { error: FormError } => ({
    error: { text, href: `#${firstInputId(field, idPrefix, wrong)}`, parts: wrong },
  });

  const missing = DATE_PARTS.filter((part) => parts[part] === '');
  if (missing.length === DATE_PARTS.length) return {};
  if (missing.length > 0) return fail(`${field.label} must include a ${listed(missing)}`, missing);

  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const month = monthNumber(parts.month) ?? NaN;
  const notNumbers = DATE_PARTS.filter((part) =>
    part === 'day'
      ? !(day >= 1 && day <= 31)
      : part === 'month'
        ? !(month >= 1 && month <= 12)
        : !/^\d+$/.test(parts.year),
  );
  if (notNumbers.length > 0) return fail(messageFor(field, 'must be a real date'), notNumbers);
  if (parts.year.length !== 4) return fail('Year must include 4 numbers', ['year']);

  const pad = (n: number) => String(n).padStart(2, '0');
  // Whether the day exists in that month (30 February) is the API's to say.
  return { value: `${parts.year}-${pad(month)}-${pad(day)}` };
}

/**
 * A GOV.UK date input outside an event form (its parts named `<name>-day`, `<name>-month`, `<name>-year`), read as
 * an event's date is: `YYYY-MM-DD`, nothing when every part is blank, or what is wrong with the parts.
 */
export function readDateInput(
  formBody: Readonly<Record<string, unknown>>,
  name: string,
  label: string,
): { value?: string; error?: FormError } {
  return readDate({ name, kind: 'date', label, optional: false }, formBody, '');
}

/**
 * Reads the form of event `type` from the submitted `formBody` (urlencoded, so every value a string; `_csrf` and
 * other names that are no field of the event are ignored). `idPrefix` is the one `eventForm` was given.
 *
 * On a date the form alone can tell is wrong, returns `{ errors }`: that date's message and, so that the page lists
 * every problem at once, the API's messages for the other fields.
 */
export function readEventForm(
  type: CaseEventType,
  formBody: Readonly<Record<string, unknown>>,
  idPrefix = '',
): ReadEventForm {
  const fields = eventFields(type);
  const { values, errors } = readFormFields(fields, formBody, idPrefix);
  const body: Record<string, unknown> = { type, ...values };
  if (Object.keys(errors).length === 0) return { body };
  const others = othersProblems(type, body, errors, idPrefix);
  const all: FormErrors = {};
  for (const field of fields) {
    const error = errors[field.name] ?? others[field.name];
    if (error) all[field.name] = error;
  }
  return { errors: all };
}

/**
 * Reads `fields` from the submitted `formBody` (any page's form, not only an event's): the three parts of a date
 * become `YYYY-MM-DD`, Yes and No become true and false, digits asked as a whole number become a number, and blank
 * fields are left out. Returns the values read and what the form alone can tell is wrong (a date missing a part);
 * everything else is for the DTO's own rules to judge.
 */
export function readFormFields(
  fields: readonly FormField[],
  formBody: Readonly<Record<string, unknown>>,
  idPrefix = '',
): { values: Record<string, unknown>; errors: FormErrors } {
  const values: Record<string, unknown> = {};
  const errors: FormErrors = {};
  for (const field of fields) {
    if (field.kind === 'date') {
      const { value, error } = readDate(field, formBody, idPrefix);
      if (error) errors[field.name] = error;
      else if (value !== undefined) values[field.name] = value;
      continue;
    }
    if (field.kind === 'choices' || field.kind === 'agencies') {
      // None ticked sends nothing: left out, like any blank field. GOV.UK checkboxes never send an empty value.
      const raw = formBody[field.name];
      const ticked = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
      if (ticked.length > 0) values[field.name] = ticked;
      continue;
    }
    const value = typed(formBody, field.name);
    if (value.trim() === '') continue;
    if (field.kind === 'yes-no') {
      // Anything but yes or no is sent as typed, for the API to refuse.
      values[field.name] = value === 'yes' ? true : value === 'no' ? false : value;
    } else if (field.kind === 'whole-number') {
      // Anything but digits is sent as typed, for the API to refuse.
      values[field.name] = /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : value;
    } else {
      values[field.name] = value;
    }
  }
  return { values, errors };
}

/** The API's messages for the fields the form could read (the unreadable ones are left out, so not "required"). */
function othersProblems(
  type: CaseEventType,
  body: Record<string, unknown>,
  unreadable: FormErrors,
  idPrefix: string,
): FormErrors {
  try {
    parseCaseEvent(body);
    return {};
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return formErrorsFrom(
      type,
      error.fields.filter((detail) => !(detail.field in unreadable)),
      idPrefix,
    );
  }
}

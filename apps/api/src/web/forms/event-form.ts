/**
 * The form of any case event, built from its declaration: the payload class's fields (their kinds, labels and hints,
 * see libs/cases/src/dto/fields.ts) and the event's description. The partial `views/partials/event-form.njk` renders
 * the model with the GOV.UK macros; no event has page code of its own.
 */
import { EVENT_DESCRIPTIONS, type CaseEventType } from '@app/cases';
import type { FormErrors } from './form-errors';
import { DATE_PARTS, eventFields, type FormField } from './form-fields';

export type GovukMacro = 'govukDateInput' | 'govukRadios' | 'govukCheckboxes' | 'govukInput' | 'govukCharacterCount';

export interface EventFormField {
  name: string;
  macro: GovukMacro;
  /** The macro's arguments, complete. */
  params: Record<string, unknown>;
}

export interface EventFormModel {
  type: CaseEventType;
  title: string;
  description: string;
  button: string;
  /** Where the form posts; absent: to the page's own URL. */
  action?: string;
  fields: EventFormField[];
}

export interface EventFormOptions {
  action?: string;
  /** The case's relevant agencies, offered by `agency` and `agencies` fields (value: the key, text: the name). */
  agencies?: readonly { value: string; text: string }[];
  /** Put before every id (never a name) when several forms share a page; give the same to `readEventForm`. */
  idPrefix?: string;
}

/** What was typed (a submitted form: `heldOn-day`, `independent: 'yes'`) or what is stored (`heldOn: '2026-01-10'`). */
export type FormValues = Readonly<Record<string, unknown>>;

const DATE_HINT = 'For example, 27 3 2026';
const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Leaves out the arguments that are not set, so the macros see only what is meant. */
function defined(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

function dateValues(field: FormField, values: FormValues): Record<string, string | undefined> {
  const typedParts = DATE_PARTS.map((part) => text(values[`${field.name}-${part}`]));
  if (typedParts.some((part) => part !== undefined)) {
    return Object.fromEntries(DATE_PARTS.map((part, i) => [part, typedParts[i]]));
  }
  const stored = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(values[field.name]) ?? '');
  if (!stored) return {};
  return { day: String(Number(stored[3])), month: String(Number(stored[2])), year: stored[1] };
}

function choiceValue(field: FormField, values: FormValues): string | undefined {
  const value = values[field.name];
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return text(value);
}

/** The boxes ticked: a submitted form sends none, one (a string) or several (a list); a stored value is a list. */
function choicesValue(field: FormField, values: FormValues): string[] {
  const value = values[field.name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * One field's GOV.UK macro and its arguments, from its declaration (`FormField`), with its value from `values` and its
 * error from `errors`. `eventForm` builds every event's fields with it; a page asking for a DTO that is not an event
 * (reporting an incident) builds its fields with it too.
 */
export function formFieldModel(
  field: FormField,
  values: FormValues,
  errors: FormErrors,
  idPrefix = '',
  agencies: readonly { value: string; text: string }[] = [],
): EventFormField {
  const id = `${idPrefix}${field.name}`;
  const error = errors[field.name];
  const label = field.optional ? `${field.label} (optional)` : field.label;
  const common = {
    hint: field.hint ? { text: field.hint } : undefined,
    errorMessage: error ? { text: error.text } : undefined,
  };
  const legend = { legend: { text: label, classes: 'govuk-fieldset__legend--s' } };

  switch (field.kind) {
    case 'date': {
      const parts = dateValues(field, values);
      return {
        name: field.name,
        macro: 'govukDateInput',
        params: defined({
          id,
          namePrefix: field.name,
          fieldset: legend,
          ...common,
          hint: { text: field.hint ?? DATE_HINT },
          items: DATE_PARTS.map((part) =>
            defined({
              name: part,
              value: parts[part],
              // Only the parts at fault are highlighted; with none named, the macro highlights the whole date.
              error: error?.parts?.includes(part) ? true : undefined,
            }),
          ),
        }),
      };
    }
    case 'choice':
    case 'agency':
    case 'yes-no': {
      const current = choiceValue(field, values);
      const options = field.kind === 'yes-no' ? YES_NO : field.kind === 'agency' ? agencies : (field.options ?? []);
      return {
        name: field.name,
        macro: 'govukRadios',
        params: defined({
          idPrefix: id,
          name: field.name,
          fieldset: legend,
          classes: field.kind === 'yes-no' ? 'govuk-radios--inline' : undefined,
          ...common,
          items: options.map((option) => ({
            value: option.value,
            text: option.text,
            checked: option.value === current,
          })),
        }),
      };
    }
    case 'choices':
    case 'agencies': {
      const chosen = choicesValue(field, values);
      return {
        name: field.name,
        macro: 'govukCheckboxes',
        params: defined({
          idPrefix: id,
          name: field.name,
          fieldset: legend,
          ...common,
          hint: { text: field.hint ?? 'Select all that apply.' },
          items: (field.kind === 'agencies' ? agencies : (field.options ?? [])).map((option) => ({
            value: option.value,
            text: option.text,
            checked: chosen.includes(option.value),
          })),
        }),
      };
    }
    case 'long-text':
      return {
        name: field.name,
        macro: 'govukCharacterCount',
        params: defined({
          id,
          name: field.name,
          label: { text: label, classes: 'govuk-label--s' },
          ...common,
          value: text(values[field.name]),
          maxlength: field.maxLength,
          rows: 5,
        }),
      };
    case 'whole-number': {
      const value = values[field.name];
      return {
        name: field.name,
        macro: 'govukInput',
        params: defined({
          id,
          name: field.name,
          label: { text: label, classes: 'govuk-label--s' },
          ...common,
          value: typeof value === 'number' ? String(value) : text(value),
          inputmode: 'numeric',
          spellcheck: false,
          classes: 'govuk-input--width-2',
        }),
      };
    }
    default:
      return {
        name: field.name,
        macro: 'govukInput',
        params: defined({
          id,
          name: field.name,
          label: { text: label, classes: 'govuk-label--s' },
          ...common,
          value: text(values[field.name]),
          type: field.kind === 'url' ? 'url' : 'text',
          classes: field.kind === 'identifier' ? 'govuk-input--width-10' : undefined,
          spellcheck: field.kind === 'text' ? undefined : false,
          autocomplete: 'off',
        }),
      };
  }
}

/**
 * The model of event `type`'s form: title, description, button text and, per field, the GOV.UK macro and its
 * arguments, with `values` filled in and `errors` (from `readEventForm` or `formErrorsFrom`) shown at their fields.
 */
export function eventForm(
  type: CaseEventType,
  values: FormValues = {},
  errors: FormErrors = {},
  options: EventFormOptions = {},
): EventFormModel {
  const { title, description, button } = EVENT_DESCRIPTIONS[type];
  return {
    type,
    title,
    description,
    button,
    ...(options.action ? { action: options.action } : {}),
    fields: eventFields(type).map((field) =>
      formFieldModel(field, values, errors, options.idPrefix ?? '', options.agencies),
    ),
  };
}

/** The form fields of an event, as declared on its payload class, and where each one's first input is. */
import { EVENT_PAYLOADS, formFieldsOf, type CaseEventType, type FormField } from '@app/cases';

export type { FormField };

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

export function eventFields(type: CaseEventType): readonly FormField[] {
  return formFieldsOf(EVENT_PAYLOADS[type]);
}

/**
 * The id of the field's first input: `heldOn-day` for a date (or the first of `parts`), `decision` for radios (the
 * first radio), the name otherwise. `idPrefix` keeps ids unique when several forms share a page.
 */
export function firstInputId(field: FormField, idPrefix = '', parts: readonly DatePart[] = DATE_PARTS): string {
  return field.kind === 'date' ? `${idPrefix}${field.name}-${parts[0] ?? 'day'}` : `${idPrefix}${field.name}`;
}

/** 'Date of the rapid review meeting' -> 'date of the rapid review meeting'; 'LCSPR ...' is left as it is. */
export function lowerFirst(text: string): string {
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** The form fields of an event, as declared on its payload class, and where each one's first input is. */
import {
  EVENT_PAYLOADS,
  formFieldsOf,
  OccurredOnField,
  OnBehalfFields,
  takesOccurredOn,
  type CaseEventType,
  type FormField,
} from '@app/cases';
import { isSignOffEvent } from '@app/workflows';

export type { FormField };

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** Every field a form of `type` can carry: its payload's, then (item 6) the envelope's it takes. */
export function eventFields(type: CaseEventType): readonly FormField[] {
  return [...formFieldsOf(EVENT_PAYLOADS[type]), ...envelopeFields(type)];
}

/**
 * Item 6: the envelope fields of `type`'s form: the day it happened (`occurredOn`) where the event takes it, and for a
 * sign-off the agency and reason of one recorded on a partner's behalf.
 */
export function envelopeFields(type: CaseEventType): readonly FormField[] {
  return [
    ...(isSignOffEvent(type) ? formFieldsOf(OnBehalfFields) : []),
    ...(takesOccurredOn(type) ? formFieldsOf(OccurredOnField) : []),
  ];
}

const ON_BEHALF_FIELDS = new Set(['onBehalfOf', 'delegationReason', 'occurredOn']);

/**
 * The fields a form shows. A delegated partner's sign-off asks only for their answer; the business unit's (item 6:
 * `onBehalfOf`, the agencies it may record for now) asks first whose it is, then the answer, why and when, the agency
 * and the reason being required there.
 */
export function formFieldsShown(type: CaseEventType, onBehalfOf?: readonly string[]): FormField[] {
  const fields = eventFields(type);
  if (!isSignOffEvent(type)) return [...fields];
  if (!onBehalfOf) return fields.filter((field) => !ON_BEHALF_FIELDS.has(field.name));
  const byName = new Map(fields.map((field) => [field.name, field]));
  const agency = byName.get('onBehalfOf')!;
  return [
    { ...agency, optional: false, options: agency.options?.filter((o) => onBehalfOf.includes(o.value)) },
    ...fields.filter((field) => !ON_BEHALF_FIELDS.has(field.name)),
    { ...byName.get('delegationReason')!, optional: false },
    byName.get('occurredOn')!,
  ];
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

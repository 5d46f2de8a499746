/**
 * Field decorators that bundle the validator, the trimming transform, optionality, the Swagger description and the
 * field's form metadata (what the web pages ask), so a DTO property reads as one line of intent:
 * `@TextField(2000, { label: 'Why ...' }) reason: string`.
 */
import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateIf } from 'class-validator';
import {
  EARLIEST_DATE,
  IsActionId,
  IsHttpUrl,
  IsAgencyKey,
  IsAgencyKeyList,
  IsListOfValues,
  IsLocalDate,
  IsOneOf,
  IsText,
  IsTrueOrFalse,
  IsUserId,
  IsWholeNumber,
  LATEST_DATE,
  MAX_URL_LENGTH,
} from './validators';

export interface FieldOptions {
  /**
   * May be left out. `null` is treated like absent (class-validator's `IsOptional`); `parseCaseEvent` then drops
   * the field from the payload.
   */
  optional?: boolean;
  description?: string;
  example?: unknown;
  /** The question or label shown on a web form; by default the humanised property name (`heldOn` -> 'Held on'). */
  label?: string;
  /** Help shown under the label on a web form. */
  hint?: string;
  /**
   * The web form's message when the field is left blank, where the default ('Enter <label>', 'Select <label>') would
   * read badly, e.g. after a question: 'Select yes if the reviewer is independent of the partnership'.
   */
  errorIfMissing?: string;
}

/**
 * How a web form asks for a field; `long-text` is free text longer than {@link LONG_TEXT_OVER} characters; `agency`
 * and `agencies` offer the case's relevant agencies (one, or several).
 */
export type FormFieldKind =
  | 'date'
  | 'text'
  | 'long-text'
  | 'choice'
  | 'choices'
  | 'agency'
  | 'agencies'
  | 'yes-no'
  | 'url'
  | 'identifier'
  | 'whole-number';

/** Free text allowed more characters than this is asked for in a textarea with a character count. */
export const LONG_TEXT_OVER = 200;

export interface FormOption {
  value: string;
  text: string;
}

/** What a web form needs to ask for one field, recorded by the field decorators next to the validator. */
export interface FormField {
  name: string;
  kind: FormFieldKind;
  label: string;
  hint?: string;
  errorIfMissing?: string;
  optional: boolean;
  maxLength?: number;
  /** For `whole-number`: the smallest and largest allowed. */
  min?: number;
  max?: number;
  /** For `choice` and `choices`: the allowed values, in their declared order, with plain-English text. */
  options?: FormOption[];
}

/**
 * Plain English for the values of every enum a form offers, in one place. A value not listed reads as its
 * humanised self (`serious-harm` -> 'Serious harm').
 */
export const OPTION_LABELS: Readonly<Record<string, string>> = {
  // Agencies
  'local-authority': 'Local authority',
  police: 'Police',
  health: 'Health',
  // Recommendations and the Panel's responses
  lcspr: 'LCSPR (local child safeguarding practice review)',
  'no-lcspr': 'No LCSPR',
  'national-review': 'National review by the Panel',
  agrees: 'Agrees with the decision',
  challenges: 'Challenges the decision',
  // Sign-offs
  agree: 'Agree',
  disagree: 'Disagree',
  // Pauses
  'criminal-proceedings': 'Criminal proceedings',
  inquest: 'Inquest',
  'domestic-homicide-review': 'Domestic homicide review',
  'panel-agreement': 'Agreed with the Panel',
  other: 'Another reason',
  // Issue 12 item 1: parallel processes beside the rapid review (their `other` is labelled by the field itself)
  'criminal-investigation': 'Criminal investigation',
  'safeguarding-adult-review': 'Safeguarding adult review',
  // Incidents and children
  death: 'Death',
  'serious-harm': 'Serious harm',
  known: 'Known',
  suspected: 'Suspected',
  female: 'Female',
  male: 'Male',
  unknown: 'Not known',
  // Issue 12 item 5: who was involved in the review
  practitioners: 'Practitioners',
  family: 'The family',
  // Issue 12 items 3 and 8: the action plan (where an action came from, its progress) and the kinds of document
  'rapid-review': 'Rapid review',
  scrutiny: 'Scrutiny',
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  completed: 'Completed',
  cancelled: 'Cancelled',
  'agency-return': 'Agency return',
  'terms-of-reference': 'Terms of reference',
  'final-report': 'Final report',
  'panel-letter': 'Letter from the Panel',
  minutes: 'Minutes of a meeting',
  // Issue 12 item 2: the Panel's notification fields (docs/domain/notification-fields.md)
  'serious-incident':
    'A serious incident: abuse or neglect is known or suspected, and a child has died or been seriously harmed',
  'looked-after-death': 'The death of a looked-after child',
  'care-leaver-death': 'The death of a care leaver aged under 25',
  'not-suspected': 'Not suspected',
  'child-in-need-plan': 'Child in need plan',
  'child-protection-plan': 'Child protection plan',
  'looked-after': 'Looked after by the local authority',
  'foster-placement': 'Foster placement',
  'childrens-home': 'Children’s home',
  'placed-with-parents': 'Placed with parents',
  'independent-living': 'Independent or semi-independent living',
  'secure-unit': 'Secure unit',
  'other-placement': 'Another placement',
  WBRI: 'White – British',
  WIRI: 'White – Irish',
  WIRT: 'Traveller of Irish heritage',
  WOTH: 'Any other White background',
  WROM: 'Gypsy or Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean',
  BAFR: 'Black African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
  disabled: 'Yes',
  'not-disabled': 'No',
  'disability-not-known': 'Not known',
  MOB: 'Mobility',
  HAND: 'Hand function',
  PC: 'Personal care',
  INC: 'Incontinence',
  COMM: 'Communication',
  LD: 'Learning',
  HEAR: 'Hearing',
  VIS: 'Vision',
  BEH: 'Behaviour',
  CON: 'Consciousness',
  AUT: 'Autism or Asperger syndrome',
  DDA: 'Another disability under the Equality Act',
  neglect: 'Neglect',
  'physical-abuse': 'Physical abuse',
  'sexual-abuse': 'Sexual abuse',
  'emotional-abuse': 'Emotional abuse',
  'domestic-abuse': 'Domestic abuse',
  'parental-mental-health': 'Parental mental health',
  'parental-substance-misuse': 'Parental drug or alcohol misuse',
  'parental-learning-disability': 'Parental learning disability',
  'child-mental-health': 'The child’s mental health',
  'child-criminal-exploitation': 'Child criminal exploitation',
  'child-sexual-exploitation': 'Child sexual exploitation',
  'online-harm': 'Online harm',
  'extra-familial-harm': 'Extra-familial harm',
  'unsafe-sleep': 'Sudden unexpected death in infancy or unsafe sleep',
  'non-accidental-head-injury': 'Non-accidental head injury',
  'other-factor': 'Another factor',
};

/** `heldOn` -> 'Held on', `no-lcspr` -> 'No lcspr'. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function optionLabel(value: string): string {
  return OPTION_LABELS[value] ?? humanise(value);
}

const FORM_FIELDS = Symbol('form-fields');

/** The form fields a class declares, in declaration order (inherited ones first). */
export function formFieldsOf(cls: abstract new (...args: never[]) => object): readonly FormField[] {
  return (Reflect.getMetadata(FORM_FIELDS, cls.prototype) as FormField[] | undefined) ?? [];
}

export function formField(
  kind: FormFieldKind,
  { optional = false, label, hint, errorIfMissing }: FieldOptions,
  extra: Pick<FormField, 'maxLength' | 'options' | 'min' | 'max'> = {},
): PropertyDecorator {
  return (target, propertyKey) => {
    const name = String(propertyKey);
    const field: FormField = { name, kind, label: label ?? humanise(name), hint, errorIfMissing, optional, ...extra };
    const inherited = (Reflect.getMetadata(FORM_FIELDS, target) as FormField[] | undefined) ?? [];
    Reflect.defineMetadata(FORM_FIELDS, [...inherited.filter((f) => f.name !== name), field], target);
  };
}

function common({ optional = false, description, example }: FieldOptions): {
  swagger: { required: boolean; description?: string; example?: unknown };
  optional: PropertyDecorator[];
} {
  return { swagger: { required: !optional, description, example }, optional: optional ? [IsOptional()] : [] };
}

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A date-only value `YYYY-MM-DD` from 2000-01-01 to 2099-12-31 (see {@link IsLocalDate}). */
export function DateField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: '2026-03-02', ...options });
  const range = `A real date YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}.`;
  return applyDecorators(
    ApiProperty({
      ...swagger,
      type: String,
      format: 'date',
      description: [swagger.description, range].filter(Boolean).join(' '),
    }),
    ...optional,
    IsLocalDate(),
    formField('date', options),
  );
}

/** Free text, trimmed, then 1 to `maxLength` characters. */
export function TextField(maxLength: number, options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common(options);
  return applyDecorators(
    ApiProperty({ ...swagger, type: String, minLength: 1, maxLength }),
    trim,
    ...optional,
    IsText(maxLength),
    formField(maxLength > LONG_TEXT_OVER ? 'long-text' : 'text', options, { maxLength }),
  );
}

/**
 * One of a fixed set of strings. `optionLabels` words a value for this question only, where its common label
 * (`OPTION_LABELS`) would read badly here (`other`: 'Another reason' fits a pause, not a document).
 */
export function EnumField(
  values: readonly string[],
  options: FieldOptions & { optionLabels?: Readonly<Record<string, string>> } = {},
): PropertyDecorator {
  const { optionLabels = {}, ...fieldOptions } = options;
  const { swagger, optional } = common({ example: values[0], ...fieldOptions });
  return applyDecorators(
    ApiProperty({ ...swagger, enum: [...values] }),
    ...optional,
    IsOneOf(values),
    formField('choice', fieldOptions, {
      options: values.map((value) => ({ value, text: optionLabels[value] ?? optionLabel(value) })),
    }),
  );
}

/**
 * Several of a fixed set of strings, each at most once (a checkbox question): a JSON array. `min` (0 by default) is
 * how many must be chosen when the field is given.
 */
export function EnumListField(
  values: readonly string[],
  /** `labels`: this question's own text for values whose {@link OPTION_LABELS} text reads wrongly here. */
  options: FieldOptions & { min?: number; labels?: Readonly<Record<string, string>> } = {},
): PropertyDecorator {
  const { min = 0, labels = {}, ...fieldOptions } = options;
  const { swagger, optional } = common({ example: values.slice(0, 2), ...fieldOptions });
  return applyDecorators(
    ApiProperty({
      ...swagger,
      type: 'array',
      items: { type: 'string', enum: [...values] },
      uniqueItems: true,
      minItems: min,
      maxItems: values.length,
    }),
    ...optional,
    IsListOfValues(values, min, values.length),
    formField('choices', fieldOptions, {
      options: values.map((value) => ({ value, text: labels[value] ?? optionLabel(value) })),
    }),
  );
}

/**
 * One of the partnership's relevant agencies, by key (`RelevantAgency`). The key's form is checked here; that the
 * case's list holds it is a rule of the case (422). A page offers the case's agencies as radios.
 */
export function AgencyField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: 'police', ...options });
  return applyDecorators(
    ApiProperty({
      ...swagger,
      type: String,
      pattern: '^[a-z][a-z0-9-]{1,39}$',
      description: [swagger.description, "The key of one of the case's relevant agencies."].filter(Boolean).join(' '),
    }),
    ...optional,
    IsAgencyKey(),
    formField('agency', options),
  );
}

/** Several of the partnership's relevant agencies, by key, each once; a page offers the case's agencies as checkboxes. */
export function AgencyListField(options: FieldOptions & { min?: number } = {}): PropertyDecorator {
  const { min = 0, ...fieldOptions } = options;
  const { swagger, optional } = common({ example: ['police', 'education'], ...fieldOptions });
  return applyDecorators(
    ApiProperty({
      ...swagger,
      type: 'array',
      items: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' },
      uniqueItems: true,
      minItems: min,
      description: [swagger.description, "Keys of the case's relevant agencies."].filter(Boolean).join(' '),
    }),
    ...optional,
    IsAgencyKeyList(min),
    formField('agencies', fieldOptions),
  );
}

/**
 * Issue 12 item 1: a yes/no question and its reasons, optional together: once either is given, both are required
 * (a criterion answered without its reasons, or reasons without the answer, is refused with the missing one named).
 * `pair` names the other field.
 */
export function PairedBooleanField(pair: string, options: FieldOptions = {}): PropertyDecorator {
  const { swagger } = common({ ...options, optional: true });
  return applyDecorators(
    ApiProperty({ ...swagger, type: Boolean, description: withPair(swagger.description, pair) }),
    givenWith(pair),
    IsTrueOrFalse(),
    formField('yes-no', { ...options, optional: true }),
  );
}

/** The reasons of a {@link PairedBooleanField}: free text, trimmed, 1 to `maxLength` characters. */
export function PairedTextField(pair: string, maxLength: number, options: FieldOptions = {}): PropertyDecorator {
  const { swagger } = common({ ...options, optional: true });
  return applyDecorators(
    ApiProperty({
      ...swagger,
      type: String,
      minLength: 1,
      maxLength,
      description: withPair(swagger.description, pair),
    }),
    trim,
    givenWith(pair),
    IsText(maxLength),
    formField(maxLength > LONG_TEXT_OVER ? 'long-text' : 'text', { ...options, optional: true }, { maxLength }),
  );
}

const given = (value: unknown) => value !== undefined && value !== null;

/** Validated (and so required) when the field or its pair is given. */
function givenWith(pair: string): PropertyDecorator {
  return ValidateIf((object: Record<string, unknown>, value: unknown) => given(value) || given(object[pair]));
}

function withPair(description: string | undefined, pair: string): string {
  return [description, `Optional; required when \`${pair}\` is given.`].filter(Boolean).join(' ');
}

export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common(options);
  return applyDecorators(
    ApiProperty({ ...swagger, type: Boolean }),
    ...optional,
    IsTrueOrFalse(),
    formField('yes-no', options),
  );
}

/** A whole number from `min` to `max` (a JSON number, never a string). */
export function WholeNumberField(min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common(options);
  return applyDecorators(
    ApiProperty({ ...swagger, type: 'integer', minimum: min, maximum: max }),
    ...optional,
    IsWholeNumber(min, max),
    formField('whole-number', options, { min, max }),
  );
}

export function ActionIdField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: 'A-1', ...options });
  return applyDecorators(
    ApiProperty({
      ...swagger,
      type: String,
      pattern: '^[A-Za-z0-9._-]{1,60}$',
      description: swagger.description ?? 'Chosen by the partnership, unique within the case.',
    }),
    ...optional,
    IsActionId(),
    // ACTION_ID_PATTERN's limit
    formField('identifier', options, { maxLength: 60 }),
  );
}

export function HttpUrlField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: 'https://example.org/reports/lcspr-2026-01.pdf', ...options });
  return applyDecorators(
    ApiProperty({ ...swagger, type: String, format: 'uri', maxLength: MAX_URL_LENGTH }),
    trim,
    ...optional,
    IsHttpUrl(),
    formField('url', options, { maxLength: MAX_URL_LENGTH }),
  );
}

/** The id of one of the partnership's users (issue 12 item 5); asked for as a short text on a form. */
export function UserIdField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: '6f1c2b9e-8a47-4c1e-9d55-0f3a7b2c9e10', ...options });
  return applyDecorators(
    ApiProperty({ ...swagger, type: String, format: 'uuid' }),
    trim,
    ...optional,
    IsUserId(),
    formField('text', options, { maxLength: 36 }),
  );
}

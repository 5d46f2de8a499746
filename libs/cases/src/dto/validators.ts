/**
 * class-validator decorators for the cases API. Each one reports a single, plain-English message per field
 * ("x is required", "x must be a real date YYYY-MM-DD", ...) instead of class-validator's stack of generic ones,
 * so a client sees one clear reason per bad field.
 */
import { isValidLocalDate } from '@app/calendar';
import { RELEVANT_AGENCY_KEY } from '@app/workflows';
import { isURL, ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Statutory dates accepted anywhere in the API (inclusive); compared as strings, which is exact for `YYYY-MM-DD`. */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

/** Letters, digits, `-`, `_` and `.`; 1 to 60 characters. */
export const ACTION_ID_PATTERN = /^[A-Za-z0-9._-]{1,60}$/;

export const MAX_URL_LENGTH = 2000;

/** What is wrong with a value (worded to follow the field name), or undefined when it is fine. */
type Check = (value: unknown, args: ValidationArguments) => string | undefined;

function constraint(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value, args) => check(value, args as ValidationArguments) === undefined,
        defaultMessage: (args) => {
          const a = args as ValidationArguments;
          return `${a.property} ${check(a.value, a) ?? 'is invalid'}`;
        },
      },
    },
    options,
  );
}

const isMissing = (value: unknown): boolean => value === undefined || value === null;

function localDateProblem(value: unknown): string | undefined {
  if (isMissing(value)) return 'is required';
  if (!isValidLocalDate(value)) return 'must be a real date YYYY-MM-DD';
  if (value < EARLIEST_DATE || value > LATEST_DATE) return `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`;
  return undefined;
}

/** True for a real date `YYYY-MM-DD` from {@link EARLIEST_DATE} to {@link LATEST_DATE}. */
export function isAcceptedLocalDate(value: unknown): value is string {
  return localDateProblem(value) === undefined;
}

/**
 * A real calendar date written `YYYY-MM-DD` (so 2026-02-30 and ISO instants are refused) between 2000-01-01 and
 * 2099-12-31. Message: "<field> must be a real date YYYY-MM-DD" (or "... must be between ..." for a real date out
 * of range, "... is required" when missing).
 */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return constraint('isLocalDate', localDateProblem, options);
}

/** A string of 1 to `maxLength` characters. Pair with a trimming transform: a blank string is then "empty". */
export function IsText(maxLength: number, options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isText',
    (value) => {
      if (isMissing(value)) return 'is required';
      if (typeof value !== 'string') return 'must be a string';
      if (value.length === 0) return 'must not be empty';
      if (value.length > maxLength) return `must be at most ${maxLength} characters`;
      return undefined;
    },
    options,
  );
}

/** One of a fixed list of values (compared with `===`, so `'1'` is not `1`). */
export function IsOneOf(values: readonly unknown[], options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isOneOf',
    (value) => {
      if (isMissing(value)) return 'is required';
      return values.includes(value) ? undefined : `must be one of: ${values.join(', ')}`;
    },
    options,
  );
}

/** A JSON boolean; the strings "true"/"false" are refused. */
export function IsTrueOrFalse(options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isTrueOrFalse',
    (value) => (isMissing(value) ? 'is required' : typeof value === 'boolean' ? undefined : 'must be true or false'),
    options,
  );
}

/** An integer from `min` to `max` inclusive; numeric strings are refused. */
export function IsWholeNumber(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isWholeNumber',
    (value) => {
      if (isMissing(value)) return 'is required';
      const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
      return ok ? undefined : `must be a whole number from ${min} to ${max}`;
    },
    options,
  );
}

/** An action id: see {@link ACTION_ID_PATTERN}. */
export function IsActionId(options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isActionId',
    (value) => {
      if (isMissing(value)) return 'is required';
      const ok = typeof value === 'string' && ACTION_ID_PATTERN.test(value);
      return ok ? undefined : 'must be 1 to 60 letters, digits, "-", "_" or "."';
    },
    options,
  );
}

/** An absolute `http:` or `https:` URL of at most 2000 characters. */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isHttpUrl',
    (value) => {
      if (isMissing(value)) return 'is required';
      const ok =
        typeof value === 'string' &&
        value.length <= MAX_URL_LENGTH &&
        isURL(value, { protocols: ['http', 'https'], require_protocol: true });
      return ok ? undefined : `must be an http(s) URL of at most ${MAX_URL_LENGTH} characters`;
    },
    options,
  );
}

/**
 * Cross-field rule: this date may not be after the date in `otherProperty` of the same object. Silent when either
 * date is not valid (their own validators say so), so a client sees one message per problem.
 */
export function IsNotAfter(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isNotAfter',
    (value, args) => {
      const other = (args.object as Record<string, unknown>)[otherProperty];
      if (!isAcceptedLocalDate(value) || !isAcceptedLocalDate(other)) return undefined;
      return value <= other ? undefined : `must not be after ${otherProperty}`;
    },
    options,
  );
}

const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An array of `min` to `max` objects (`noun` names them in the message: "children must be a list of 1 to 4
 * children"). An item that is itself an array is refused here: `ValidateNested` would validate that array's items
 * instead, so `[[]]` or `[[child, child, ...]]` would pass with no child fields checked or too many children.
 */
export function IsListOf(min: number, max: number, noun: string, options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isListOf',
    (value) => {
      if (isMissing(value)) return 'is required';
      const ok = Array.isArray(value) && value.length >= min && value.length <= max && value.every(isRecord);
      return ok ? undefined : `must be a list of ${min} to ${max} ${noun}`;
    },
    options,
  );
}

/**
 * A list of distinct values, each one of `values`, `min` to `max` long (the ticked boxes of a checkbox question).
 * Message: "<field> must be a list of ... of: a, b, c".
 */
export function IsListOfValues(
  values: readonly string[],
  min: number,
  max: number,
  options?: ValidationOptions,
): PropertyDecorator {
  return constraint(
    'isListOfValues',
    (value) => {
      if (isMissing(value)) return 'is required';
      if (!Array.isArray(value)) return `must be a list of: ${values.join(', ')}`;
      const unknown = value.filter((item) => typeof item !== 'string' || !values.includes(item));
      if (unknown.length > 0) return `must hold only: ${values.join(', ')} (not ${unknown.map(String).join(', ')})`;
      if (new Set(value).size !== value.length) return 'must not repeat a value';
      if (value.length < min) return min === 1 ? 'must hold at least one value' : `must hold at least ${min} values`;
      if (value.length > max) return `must hold at most ${max} values`;
      return undefined;
    },
    options,
  );
}

const AGENCY_KEY_PROBLEM =
  'must be an agency key: 2 to 40 lower-case letters, digits or hyphens, starting with a letter';

/** An agency's key (`RELEVANT_AGENCY_KEY`); whether the partnership lists it is the case's rule to judge. */
export function IsAgencyKey(options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isAgencyKey',
    (value) =>
      isMissing(value)
        ? 'is required'
        : typeof value === 'string' && RELEVANT_AGENCY_KEY.test(value)
          ? undefined
          : AGENCY_KEY_PROBLEM,
    options,
  );
}

/** A list of distinct agency keys, at least `min` long. */
export function IsAgencyKeyList(min: number, options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isAgencyKeyList',
    (value) => {
      if (isMissing(value)) return 'is required';
      if (!Array.isArray(value)) return 'must be a list of agency keys';
      if (value.some((item) => typeof item !== 'string' || !RELEVANT_AGENCY_KEY.test(item))) {
        return `must hold only agency keys (each ${AGENCY_KEY_PROBLEM.replace('must be an agency key: ', '')})`;
      }
      if (new Set(value).size !== value.length) return 'must not repeat a value';
      if (value.length < min) return min === 1 ? 'must hold at least one value' : `must hold at least ${min} values`;
      if (value.length > 100) return 'must hold at most 100 values';
      return undefined;
    },
    options,
  );
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user's id (a UUID), as the API gives it (issue 12 item 5: the lead reviewer's account). */
export function IsUserId(options?: ValidationOptions): PropertyDecorator {
  return constraint(
    'isUserId',
    (value) => {
      if (isMissing(value)) return 'is required';
      return typeof value === 'string' && UUID_PATTERN.test(value) ? undefined : "must be a user's id (a UUID)";
    },
    options,
  );
}

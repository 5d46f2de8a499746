import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { toFieldErrors, validationFailed, ValidationFailedError } from '@app/common';

/**
 * Keys class-transformer skips without a word, so the whitelist never sees them: `__proto__`, `constructor`, and any
 * name the new DTO instance already has as an inherited method (`toString`, `hasOwnProperty`, `valueOf`...). They are
 * refused here as unknown fields instead of being silently dropped.
 */
const DANGEROUS_KEYS = new Set(['prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * Deeper than any input needs (`children.0.ageYears` is 3 levels) and far below what overflows the stack of the
 * recursive walks below and in class-transformer: a body of 5,000 nested arrays fits in the body limit.
 */
export const MAX_INPUT_DEPTH = 32;

interface Inspection {
  /** Paths of keys that class-transformer would silently skip (see DANGEROUS_KEYS). */
  dangerous: string[];
  /** Paths of lists inside lists: no input has them, and `@ValidateNested({ each: true })` would validate the inner
   * list's items instead of refusing it (`children: [[]]` passed as one child with no fields). */
  listsInLists: string[];
  /** The path of the first value nested deeper than MAX_INPUT_DEPTH. */
  tooDeep?: string;
}

function inspect(
  value: unknown,
  path = '',
  depth = 0,
  found: Inspection = { dangerous: [], listsInLists: [] },
): Inspection {
  if (!value || typeof value !== 'object') return found;
  if (depth > MAX_INPUT_DEPTH) {
    found.tooDeep ??= path;
    return found;
  }
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    const item = (value as Record<string, unknown>)[key];
    if (DANGEROUS_KEYS.has(key)) found.dangerous.push(field);
    if (Array.isArray(value) && Array.isArray(item)) found.listsInLists.push(field);
    inspect(item, field, depth + 1, found);
  }
  return found;
}

function refuse(fields: string[], message: (field: string) => string): never {
  throw new ValidationFailedError(
    `Invalid input: ${fields.join(', ')}`,
    fields.map((field) => ({ field, messages: [message(field)] })),
  );
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    // No body parser ran: the request had no body, or one that is not JSON (text/plain, a form, XML...). Refused
    // rather than validated as `{}`, which a DTO of optional fields (PATCH /partnership) would accept as a no-op.
    if (metadata.type === 'body' && value === undefined) {
      refuse(['body'], () => 'body must be a JSON object, sent with Content-Type: application/json');
    }
    const { dangerous, listsInLists, tooDeep } = inspect(value);
    if (tooDeep !== undefined)
      refuse([tooDeep], (field) => `${field} is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`);
    if (dangerous.length > 0) refuse(dangerous, (field) => `${field} is not a known field`);
    if (listsInLists.length > 0)
      refuse(listsInLists, (field) => `${field} is a list inside a list, which no field takes`);
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused (never silently dropped), values are converted to their DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(toFieldErrors(errors)),
  });
}

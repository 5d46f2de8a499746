import type { ValidationError } from 'class-validator';
import { FieldError, ValidationFailedError } from './errors/domain-error';

export const unknownField = (field: string): string => `${field} is not a known field`;

/** class-validator says "property x should not exist"; say it in the contract's terms. */
function humanise(message: string, field: string): string {
  return /should not exist$/.test(message) ? unknownField(field) : message;
}

/** Flattens class-validator's error tree into one entry per field, with dotted paths (`children.0.name`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints).map((m) => humanise(m, field)) }]
      : [];
    return own.concat(toFieldErrors(error.children ?? [], field));
  });
}

/** The error the contract describes for a 400: one entry per bad field, all of them at once. */
export function validationFailed(fields: FieldError[]): ValidationFailedError {
  return new ValidationFailedError(`Invalid input: ${fields.map((f) => f.field).join(', ')}`, fields);
}

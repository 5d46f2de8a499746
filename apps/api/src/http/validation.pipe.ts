import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedError } from '@app/common';

function collect(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints).map((m) => humanise(m, field)) }]
      : [];
    return own.concat(collect(error.children ?? [], field));
  });
}

/** class-validator says "property x should not exist"; say it in the contract's terms. */
function humanise(message: string, field: string): string {
  return /should not exist$/.test(message) ? `${field} is not a known field` : message;
}

export function fieldErrors(errors: ValidationError[]): FieldError[] {
  return collect(errors);
}

/** Unknown fields are refused (never silently dropped), values are converted to their DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      return new ValidationFailedError(`Invalid input: ${fields.map((f) => f.field).join(', ')}`, fields);
    },
  });
}

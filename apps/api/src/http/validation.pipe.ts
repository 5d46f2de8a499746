import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { toFieldErrors, validationFailed, ValidationFailedError } from '@app/common';

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths of keys that class-transformer would silently skip (and so never report as unknown). */
function dangerousKeys(value: unknown, path = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = path ? `${path}.${key}` : key;
    const own = DANGEROUS_KEYS.has(key) ? [field] : [];
    return own.concat(dangerousKeys((value as Record<string, unknown>)[key], field));
  });
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const dangerous = dangerousKeys(value);
    if (dangerous.length > 0) {
      throw new ValidationFailedError(
        `Invalid input: ${dangerous.join(', ')}`,
        dangerous.map((field) => ({ field, messages: [`${field} is not a known field`] })),
      );
    }
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

/**
 * Validating a plain object against a DTO outside Nest's ValidationPipe (the events route validates a body whose DTO
 * depends on its `type`), with the same options and the same error shape as the global pipe.
 */
import { toFieldErrors, unknownField, validationFailed, type FieldError } from '@app/common';
export { toFieldErrors, validationFailed };
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';

/** The options of the global ValidationPipe: unknown fields are refused, never silently dropped. */
export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: false,
} as const;

/** The property names a DTO class declares validators for. */
export function knownFields(cls: ClassConstructor<object>): ReadonlySet<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return new Set(metadata.map((m) => m.propertyName));
}

/**
 * Converts `plain` to an instance of `cls` (running its transforms, e.g. trimming) and validates it, throwing one
 * {@link ValidationFailedError} that lists every bad field.
 *
 * Top-level unknown keys are found here rather than by class-validator's whitelist, because class-transformer
 * silently skips `__proto__` and `constructor` keys (a JSON body can carry them as own properties), and because a
 * DTO with no fields at all would otherwise trip `forbidUnknownValues`.
 */
export function validatePlain<T extends object>(cls: ClassConstructor<T>, plain: Record<string, unknown>): T {
  const known = knownFields(cls);
  const unknown = Object.keys(plain).filter((key) => !known.has(key));
  const unknownErrors: FieldError[] = unknown.map((field) => ({ field, messages: [unknownField(field)] }));
  const knownOnly = Object.fromEntries(Object.entries(plain).filter(([key]) => known.has(key)));
  const instance = plainToInstance(cls, knownOnly);
  const fieldErrors = known.size > 0 ? toFieldErrors(validateSync(instance, VALIDATION_OPTIONS)) : [];
  const all = [...fieldErrors, ...unknownErrors];
  if (all.length > 0) throw validationFailed(all);
  return instance;
}

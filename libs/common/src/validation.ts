import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidLocalDate } from '@app/calendar';

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is not), within the years the service supports. */
export function isRealLocalDate(value: unknown, minYear = 2000, maxYear = 2099): boolean {
  if (!isValidLocalDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= minYear && year <= maxYear;
}

export function IsLocalDate(options?: ValidationOptions & { minYear?: number; maxYear?: number }): PropertyDecorator {
  const minYear = options?.minYear ?? 2000;
  const maxYear = options?.maxYear ?? 2099;
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a real date YYYY-MM-DD from ${minYear} to ${maxYear}`,
        ...options,
      },
      validator: { validate: (value: unknown) => isRealLocalDate(value, minYear, maxYear) },
    });
}

import { registerDecorator, ValidationOptions } from 'class-validator';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is not), within the years the service supports. */
export function isRealLocalDate(value: unknown, minYear = 2000, maxYear = 2099): boolean {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < minYear || year > maxYear || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
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

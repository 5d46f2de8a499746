import { QueryFailedError } from 'typeorm';

/** True when the database refused a row because a unique constraint already holds that value (both drivers). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as QueryFailedError & { driverError?: { code?: string } }).driverError;
  return driverError?.code === '23505' || /UNIQUE constraint failed/i.test(error.message);
}

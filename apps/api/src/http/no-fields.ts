import type { Request } from 'express';
import { ValidationFailedError } from '@app/common';

/**
 * For a route that takes no fields: no body, or `{}`. Anything else is refused like any unknown field (never silently
 * dropped), and so is a body no parser read (a form, plain text...), which could only be a mistake.
 */
export function assertNoFields(request: Request): void {
  const body: unknown = request.body;
  if (body === undefined) {
    const sent =
      Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (sent) refuse('body', 'body must be a JSON object, sent with Content-Type: application/json');
    return;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) refuse('body', 'body must be a JSON object');
  const keys = Object.keys(body);
  if (keys.length > 0) {
    throw new ValidationFailedError(
      `Invalid input: ${keys.join(', ')}`,
      keys.map((field) => ({ field, messages: [`${field} is not a known field`] })),
    );
  }
}

function refuse(field: string, message: string): never {
  throw new ValidationFailedError(`Invalid input: ${field}`, [{ field, messages: [message] }]);
}

/**
 * The error family (`DomainError` with its `code`, defined once in workflows/ so that the rulebook raises it too) and
 * its concrete errors. libs/ and workflows/ throw these, never Nest's HttpException, so they stay usable outside HTTP
 * (the worker, operator commands); one exception filter maps the code to an HTTP status and the contract's body.
 */
import { DomainError } from '@app/workflows';

export { DomainError, ERROR_CODES, type ErrorCode } from '@app/workflows';

export interface FieldError {
  field: string;
  messages: string[];
}

export class ValidationFailedError extends DomainError {
  readonly code = 'validation-failed' as const;
  constructor(
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message, fields);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated' as const;
  constructor(message = 'A valid bearer token is required') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden' as const;
}

export class NotFoundError extends DomainError {
  readonly code = 'not-found' as const;
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export interface IllegalTransitionDetails {
  state: string;
  allowedEvents: string[];
}

export class IllegalTransitionError extends DomainError {
  readonly code = 'illegal-transition' as const;
  constructor(
    message: string,
    override readonly details: IllegalTransitionDetails,
  ) {
    super(message, details);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'conflict' as const;
}

export class RuleViolatedError extends DomainError {
  readonly code = 'rule-violated' as const;
}

/** Too many attempts: the message says when to try again; `details.retryAfterSeconds` says it to machines. */
export class TooManyRequestsError extends DomainError {
  readonly code = 'too-many-requests' as const;
  constructor(readonly retryAfterSeconds: number) {
    super(tooManyAttemptsMessage(retryAfterSeconds), { retryAfterSeconds });
  }
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return `Too many attempts; try again in ${seconds} second${seconds === 1 ? '' : 's'}`;
}

import { ConflictError, ForbiddenError, IllegalTransitionError, RuleViolatedError } from '@app/common';
import type { Refusal } from '@app/workflows';

export function refusalToError(refusal: Refusal): Error {
  switch (refusal.kind) {
    case 'forbidden':
      return new ForbiddenError(refusal.message);
    case 'illegal-transition':
      return new IllegalTransitionError(refusal.message, {
        state: refusal.state,
        allowedEvents: refusal.allowedEvents,
      });
    case 'rule-violated':
      return new RuleViolatedError(refusal.message);
  }
}

/** Another writer changed the case between our read and our write; the command is retried on fresh state. */
export class StaleCaseError extends ConflictError {
  constructor() {
    super('The case changed while this change was being made');
  }
}

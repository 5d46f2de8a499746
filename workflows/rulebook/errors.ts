/** Errors of the rulebook: members of the service's one error family, so the HTTP error filter maps them by code. */
import { DomainError } from '../errors';

export type RulebookErrorCode = 'validation-failed' | 'rule-violated' | 'internal';

export abstract class RulebookError extends DomainError {
  abstract override readonly code: RulebookErrorCode;
}

/** A rulebook version that does not exist: a stored case or a bad deployment, never user input. */
export class UnknownRulebookVersionError extends RulebookError {
  readonly code = 'internal' as const;
}

/** A rule id the rulebook does not contain. */
export class UnknownRuleError extends RulebookError {
  readonly code = 'internal' as const;
}

/** One problem with a partnership's overrides; `index` is the override's position in the list given. */
export interface OverrideProblem {
  index: number;
  rule: string;
  field: 'rule' | 'anchor' | 'length' | 'unit' | 'reason';
  message: string;
}

/** Overrides that cannot be applied. `details` lists `{ field, messages }` per bad field, as the contract's 400. */
export class InvalidOverridesError extends RulebookError {
  readonly code = 'validation-failed' as const;
  constructor(readonly problems: readonly OverrideProblem[]) {
    super(
      `Invalid rule overrides: ${problems.map((problem) => problem.message).join('; ')}`,
      problems.map((problem) => ({
        field: `ruleOverrides[${problem.index}].${problem.field}`,
        messages: [problem.message],
      })),
    );
  }
}

/** A clock state the rule does not allow, such as a pause of the never-paused notify-panel clock. */
export class ClockRuleError extends RulebookError {
  readonly code = 'rule-violated' as const;
}

/**
 * A partnership's changes to the default rulebook. Each override names the rule, what it changes and why, so a
 * computed deadline can always be explained ("15 working days from the notification, because ...").
 * Statutory rules (notify-panel) cannot be changed.
 */
import { InvalidOverridesError, OverrideProblem } from './errors';
import {
  LocalDate,
  OverridableField,
  RULE_UNITS,
  RuleAnchor,
  RuleDefinition,
  RuleId,
  Rulebook,
  RuleUnit,
} from './types';

/** An override as stored or received (strings not yet checked against the rulebook). */
export interface RuleOverrideInput {
  rule: string;
  anchor?: string;
  length?: number;
  unit?: string;
  reason: string;
  changedBy?: string;
  changedOn?: LocalDate;
}

/** An override that has been checked against the rulebook. */
export interface RuleOverride {
  rule: RuleId;
  anchor?: RuleAnchor;
  length?: number;
  unit?: RuleUnit;
  reason: string;
  changedBy?: string;
  changedOn?: LocalDate;
}

/** The override applied to a rule, with the rulebook's own values it replaced. */
export interface AppliedOverride extends RuleOverride {
  defaults: Pick<RuleDefinition, 'anchor' | 'length' | 'unit'>;
}

/** A rule with the partnership's override applied (its anchor, length and unit are the effective ones). */
export interface ResolvedRule extends RuleDefinition {
  override?: AppliedOverride;
}

export interface ResolvedRulebook extends Rulebook {
  rules: readonly ResolvedRule[];
}

/** Upper bounds keep an override within sensible statutory periods (and within the calendar's years). */
export const MAX_OVERRIDE_LENGTH: Readonly<Record<RuleUnit, number>> = {
  'working-days': 1000,
  'calendar-days': 3660,
  'calendar-months': 120,
};

const CHANGE_FIELDS: readonly OverridableField[] = ['anchor', 'length', 'unit'];

function isUnit(value: string): value is RuleUnit {
  return (RULE_UNITS as readonly string[]).includes(value);
}

/**
 * Every problem with `overrides` against `rulebook`, each message naming the rule. Empty when they can be applied.
 * Refused: an unknown rule, a rule overridden twice, an override without a reason or without a change, a change of
 * a field the rule does not allow (any change to notify-panel), an anchor the rule does not allow, a length that
 * is not a positive whole number (or is beyond the unit's bound), an unknown unit.
 */
export function validateOverrides(rulebook: Rulebook, overrides: readonly RuleOverrideInput[]): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  const seen = new Set<string>();
  overrides.forEach((override, index) => {
    const problem = (field: OverrideProblem['field'], message: string) =>
      problems.push({ index, rule: String(override.rule), field, message });
    const rule = rulebook.rules.find((candidate) => candidate.id === override.rule);
    if (!rule) {
      const known = rulebook.rules.map((candidate) => candidate.id).join(', ');
      problem('rule', `Unknown rule "${override.rule}" (rulebook version ${rulebook.version} has: ${known})`);
      return;
    }
    if (seen.has(rule.id)) problem('rule', `${rule.id} is overridden more than once`);
    seen.add(rule.id);
    if (typeof override.reason !== 'string' || override.reason.trim() === '') {
      problem('reason', `The override of ${rule.id} needs a reason`);
    }
    const changes = CHANGE_FIELDS.filter((field) => override[field] !== undefined);
    if (changes.length === 0)
      problem('rule', `The override of ${rule.id} changes nothing: give an anchor, a length or a unit`);
    if (rule.overridable.length === 0 && changes.length > 0) {
      problem(changes[0], `${rule.id} is statutory and cannot be overridden`);
      return;
    }
    for (const field of changes) {
      if (!rule.overridable.includes(field)) problem(field, `The ${field} of ${rule.id} cannot be overridden`);
    }
    if (override.anchor !== undefined && rule.overridable.includes('anchor')) {
      if (!(rule.allowedAnchors as readonly string[]).includes(override.anchor)) {
        problem(
          'anchor',
          `${rule.id} can count only from ${rule.allowedAnchors.join(' or ')}, not from "${override.anchor}"`,
        );
      }
    }
    let unit = rule.unit;
    if (override.unit !== undefined && rule.overridable.includes('unit')) {
      if (isUnit(override.unit)) unit = override.unit;
      else problem('unit', `The unit of ${rule.id} must be one of ${RULE_UNITS.join(', ')}, not "${override.unit}"`);
    }
    if (override.length !== undefined && rule.overridable.includes('length')) {
      const { length } = override;
      if (!Number.isInteger(length) || length <= 0) {
        problem('length', `The length of ${rule.id} must be a positive whole number; got ${JSON.stringify(length)}`);
      } else if (length > MAX_OVERRIDE_LENGTH[unit]) {
        problem(
          'length',
          `The length of ${rule.id} can be at most ${MAX_OVERRIDE_LENGTH[unit]} ${unit}; got ${length}`,
        );
      }
    }
  });
  return problems;
}

function toRuleOverride(input: RuleOverrideInput, rule: RuleDefinition): RuleOverride {
  const override: RuleOverride = { rule: rule.id, reason: input.reason };
  if (input.anchor !== undefined) override.anchor = input.anchor as RuleAnchor;
  if (input.length !== undefined) override.length = input.length;
  if (input.unit !== undefined) override.unit = input.unit as RuleUnit;
  if (input.changedBy !== undefined) override.changedBy = input.changedBy;
  if (input.changedOn !== undefined) override.changedOn = input.changedOn;
  return override;
}

/**
 * The rulebook as it applies to one partnership: each overridden rule carries its effective anchor, length and
 * unit plus `override` (what changed, the defaults it replaced, and why). Rules keep the rulebook's order.
 * Throws {@link InvalidOverridesError} when {@link validateOverrides} finds any problem.
 */
/** A rule as an override changes it: each part the override sets in place of the rulebook's, the rest as it is. */
export function withOverride<R extends RuleDefinition>(
  rule: R,
  override: { anchor?: RuleAnchor; length?: number; unit?: RuleUnit },
): R {
  return {
    ...rule,
    anchor: override.anchor ?? rule.anchor,
    length: override.length ?? rule.length,
    unit: override.unit ?? rule.unit,
  };
}

export function resolveRulebook(rulebook: Rulebook, overrides: readonly RuleOverrideInput[] = []): ResolvedRulebook {
  const problems = validateOverrides(rulebook, overrides);
  if (problems.length > 0) throw new InvalidOverridesError(problems);
  const rules = rulebook.rules.map((rule): ResolvedRule => {
    const input = overrides.find((candidate) => candidate.rule === rule.id);
    if (!input) return rule;
    const override = toRuleOverride(input, rule);
    return {
      ...withOverride(rule, override),
      override: { ...override, defaults: { anchor: rule.anchor, length: rule.length, unit: rule.unit } },
    };
  });
  return { version: rulebook.version, summary: rulebook.summary, rules };
}

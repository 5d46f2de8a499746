/**
 * The partnership's settings on the admin's pages: what they are in plain English, the forms that change them, and
 * the API's validation messages (UpdatePartnershipDto, validateOverrides) in the words of those forms.
 */
import type { PartnershipView, RuleOverrideView } from '@app/auth';
import { dayOfWeek } from '@app/calendar';
import { optionLabel } from '@app/cases';
import type { FieldError } from '@app/common';
import { DEFAULT_REMINDER_OFFSETS, kindsForOffsets, RECIPIENT_ROLES, type PlannedReminder } from '@app/reminders';
import {
  AGENCIES,
  MAX_OVERRIDE_LENGTH,
  RULE_UNITS,
  type Agency,
  type RuleAnchor,
  type RuleDefinition,
  type RuleUnit,
  withOverride,
} from '@app/workflows';
import type { FormError, FormErrors } from '../forms';
import { govukDate } from '../page-dates';
import { audienceText, seatName } from './roles';
import { ANCHOR_WORDS, lengthText, periodText, ruleTitle, UNIT_OPTIONS } from './rulebook';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `2026-12-24` -> `Thursday 24 December 2026`. */
export function govukDateWithDay(date: string): string {
  return `${WEEKDAYS[dayOfWeek(date) - 1]} ${govukDate(date)}`;
}

/** The warning's lines: `Lead partner (Police)`, one per role that mail is addressed to and nobody holds. */
export function unfilledRoleNames(view: Pick<PartnershipView, 'unfilledRoles'>): string[] {
  return view.unfilledRoles.map(seatName);
}

export function agencyNames(agencies: readonly Agency[]): string {
  return AGENCIES.filter((agency) => agencies.includes(agency))
    .map(optionLabel)
    .join(', ');
}

const REMINDER_WORDS: Record<PlannedReminder['kind'], string> = {
  warning: 'a warning',
  'due-today': 'a reminder that it is due today',
  breach: 'a notice that the deadline was missed',
  'escalation-delegated': 'the missed deadline escalated',
  'escalation-lead': 'the missed deadline escalated',
};

/** `-5` -> `5 working days before the due date`, `0` -> `On the due date`. */
export function offsetText(offset: number): string {
  if (offset === 0) return 'On the due date';
  return `${lengthText(Math.abs(offset), 'working-days')} ${offset < 0 ? 'before' : 'after'} the due date`;
}

/** What the partnership's reminders are (the product's default when it set none), one line per reminder. */
export function reminderLines(offsets: readonly number[] | null): string[] {
  return kindsForOffsets(offsets ?? DEFAULT_REMINDER_OFFSETS).map(
    ({ offsetDays, kind }) =>
      `${offsetText(offsetDays)}: ${REMINDER_WORDS[kind]}, to ${audienceText(RECIPIENT_ROLES[kind]).toLowerCase()}`,
  );
}

/** The offsets as the form shows them: `-5, -2, -1, 0, 1, 2, 5`. */
export function offsetsTyped(offsets: readonly number[] | null): string {
  return (offsets ?? DEFAULT_REMINDER_OFFSETS).join(', ');
}

/** The numbers typed in the offsets field (commas or spaces between them), or the problem with them. */
export function readOffsets(typed: string): { offsets: number[] } | { error: string } {
  const parts = typed
    .split(/[\s,]+/)
    .map((part) => part.replace(/^\u2212/, '-'))
    .filter((part) => part !== '');
  if (parts.some((part) => !/^[+-]?\d{1,3}$/.test(part))) {
    return { error: 'Enter whole numbers of working days separated by commas, like -5, -2, 0, 1' };
  }
  return { offsets: parts.map(Number) };
}

export interface ClosureDayRow {
  date: string;
  text: string;
  /** A closure day on a weekend changes nothing: weekends are not working days already. */
  weekend: boolean;
}

export function closureDayRows(days: readonly string[]): ClosureDayRow[] {
  return [...days].sort().map((date) => ({ date, text: govukDateWithDay(date), weekend: dayOfWeek(date) >= 6 }));
}

export interface OverrideRow {
  rule: string;
  title: string;
  rulebook: string;
  partnership: string;
  reason?: string;
  changedOn?: string;
  href: string;
  /** The same, as the rows of the rule's summary card. */
  rows: { key: { text: string }; value: { text: string } }[];
}

/** One row per rule a partnership may change: the rulebook's period, and this partnership's where it changed it. */
export function overrideRows(rules: readonly RuleDefinition[], overrides: readonly RuleOverrideView[]): OverrideRow[] {
  return rules
    .filter((rule) => rule.overridable.length > 0)
    .map((rule) => {
      const override = overrides.find((o) => o.rule === rule.id);
      const partnership = override ? periodText(effective(rule, override)) : 'As the rulebook';
      const changedOn = override?.changedOn ? govukDate(override.changedOn) : undefined;
      const pairs: [string, string | undefined][] = [
        ['The rulebook', periodText(rule)],
        ['This partnership', partnership],
        ['Why', override?.reason],
        ['Changed on', changedOn],
      ];
      return {
        rule: rule.id,
        title: ruleTitle(rule.id),
        rulebook: periodText(rule),
        partnership,
        ...(override ? { reason: override.reason } : {}),
        ...(changedOn ? { changedOn } : {}),
        href: `/manage/settings/rules/${rule.id}`,
        rows: pairs
          .filter((pair): pair is [string, string] => pair[1] !== undefined)
          .map(([key, text]) => ({ key: { text: key }, value: { text } })),
      };
    });
}

/** The rule as the partnership's override has it: the rulebook's own arithmetic (`withOverride`), not a copy. */
function effective(rule: RuleDefinition, override: Pick<RuleOverrideView, 'anchor' | 'length' | 'unit'>) {
  return withOverride(rule, {
    anchor: override.anchor as RuleAnchor | undefined,
    length: override.length,
    unit: override.unit as RuleUnit | undefined,
  });
}

/** What the override form holds: typed values, else the stored override's, else the rulebook's. */
export interface OverrideFormValues {
  length: string;
  unit: string;
  anchor: string;
  reason: string;
}

export function overrideFormValues(rule: RuleDefinition, override: RuleOverrideView | undefined): OverrideFormValues {
  const current = effective(rule, override ?? {});
  return { length: String(current.length), unit: current.unit, anchor: current.anchor, reason: override?.reason ?? '' };
}

/** The arguments of the override form's components, for the fields this rule lets a partnership change. */
export function overrideFormFields(rule: RuleDefinition, values: OverrideFormValues, errors: FormErrors) {
  const message = (field: string) => (errors[field] ? { errorMessage: { text: errors[field].text } } : {});
  return {
    length: rule.overridable.includes('length')
      ? {
          id: 'length',
          name: 'length',
          label: { text: 'Length', classes: 'govuk-label--s' },
          hint: { text: `A whole number. The rulebook says ${lengthText(rule.length, rule.unit)}.` },
          classes: 'govuk-input--width-4',
          inputmode: 'numeric',
          spellcheck: false,
          value: values.length,
          ...message('length'),
        }
      : undefined,
    unit: rule.overridable.includes('unit')
      ? {
          idPrefix: 'unit',
          name: 'unit',
          fieldset: { legend: { text: 'Unit', classes: 'govuk-fieldset__legend--s' } },
          items: UNIT_OPTIONS.map((option) => ({ ...option, checked: option.value === values.unit })),
          ...message('unit'),
        }
      : undefined,
    anchor: rule.overridable.includes('anchor')
      ? {
          idPrefix: 'anchor',
          name: 'anchor',
          fieldset: { legend: { text: 'What starts the clock', classes: 'govuk-fieldset__legend--s' } },
          items: rule.allowedAnchors.map((anchor) => ({
            value: anchor,
            text: capitalise(ANCHOR_WORDS[anchor]),
            checked: anchor === values.anchor,
          })),
          ...message('anchor'),
        }
      : undefined,
    reason: {
      id: 'reason',
      name: 'reason',
      maxlength: 1000,
      label: { text: 'Why the partnership changes this rule', classes: 'govuk-label--s' },
      hint: { text: 'For example, the procedure or guidance your partnership follows. Everyone sees it.' },
      value: values.reason,
      ...message('reason'),
    },
  };
}

/**
 * The override to send: the rule and reason, and only the parts that differ from the rulebook (the service refuses
 * an override that changes nothing). Or the problems the form alone can tell: a length that is not a whole number.
 */
export function readOverrideForm(
  rule: RuleDefinition,
  body: Readonly<Record<string, unknown>>,
): { values: OverrideFormValues; override?: Record<string, unknown>; errors?: FormErrors } {
  const typed = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  const defaults = overrideFormValues(rule, undefined);
  const values: OverrideFormValues = {
    length: rule.overridable.includes('length') ? typed('length').trim() : defaults.length,
    unit: rule.overridable.includes('unit') ? typed('unit') : defaults.unit,
    anchor: rule.overridable.includes('anchor') ? typed('anchor') : defaults.anchor,
    reason: typed('reason'),
  };
  const errors: FormErrors = {};
  if (values.length === '') errors.length = { text: 'Enter the length', href: '#length' };
  else if (!/^\d{1,5}$/.test(values.length))
    errors.length = { text: 'Length must be a whole number, like 15', href: '#length' };
  if (values.unit === '') errors.unit = { text: 'Select the unit', href: '#unit' };
  if (values.anchor === '') errors.anchor = { text: 'Select what starts the clock', href: '#anchor' };
  if (Object.keys(errors).length > 0) return { values, errors };
  const override: Record<string, unknown> = { rule: rule.id, reason: values.reason };
  if (Number(values.length) !== rule.length) override.length = Number(values.length);
  if (values.unit !== rule.unit) override.unit = values.unit;
  if (values.anchor !== rule.anchor) override.anchor = values.anchor;
  return { values, override };
}

/** A stored override as the API takes it back (without who set it and when). */
export function overrideInput(override: RuleOverrideView): Record<string, unknown> {
  const { rule, anchor, length, unit, reason } = override;
  return Object.fromEntries(
    Object.entries({ rule, anchor, length, unit, reason }).filter(([, value]) => value !== undefined),
  );
}

/** Where each setting's message goes: the id of the field's first input. */
const FIELD_INPUT: Record<string, string> = {
  name: 'name',
  signOffAgencies: 'signOffAgencies',
  closureDays: 'closureDay-day',
  reminderOffsets: 'reminderOffsets',
  rule: 'length',
  length: 'length',
  unit: 'unit',
  anchor: 'anchor',
  reason: 'reason',
};

/**
 * The page's words for one problem the API found with a setting (`field` as in its 400 details: `name`,
 * `ruleOverrides.2.length`), keyed and linked like the form's own errors.
 */
export function settingError(detail: FieldError, context: { unit?: string } = {}): [string, FormError] {
  const field = detail.field.replace(/^ruleOverrides\.\d+\./, '');
  const said = detail.messages.join(' ');
  const words = (): string => {
    switch (field) {
      case 'name':
        return /shorter than/.test(said) ? 'Name must be 200 characters or fewer' : "Enter the partnership's name";
      case 'signOffAgencies':
        return 'Select at least one agency that signs off';
      case 'closureDays':
        if (/unique/.test(said)) return 'That day is already a closure day';
        if (/no more than/.test(said)) return 'A partnership can have at most 400 closure days';
        return 'Closure day must be a real date between 1 January 2000 and 31 December 2099';
      case 'reminderOffsets':
        if (/unique/.test(said)) return 'Give each number of working days once';
        if (/no more than/.test(said)) return 'Give at most 20 reminders';
        return 'Each reminder must be from 60 working days before the due date to 60 after it';
      case 'length': {
        const unit = (RULE_UNITS as readonly string[]).includes(context.unit ?? '') ? (context.unit as RuleUnit) : null;
        const most = unit ? MAX_OVERRIDE_LENGTH[unit] : 3660;
        return `Length must be a whole number from 1 to ${most}`;
      }
      case 'unit':
        return 'Select the unit';
      case 'anchor':
        return 'Select what starts the clock';
      case 'reason':
        if (/shorter than/.test(said)) return 'Reason must be 1000 characters or fewer';
        return 'Enter why the partnership changes this rule, in at least 3 characters';
      case 'rule':
        return /changes nothing/.test(said)
          ? 'Change the length, the unit or what starts the clock, or keep the rulebook’s rule'
          : said;
      default:
        return said;
    }
  };
  const input = FIELD_INPUT[field] ?? 'main-content';
  return [field, { text: words(), href: `#${input}` }];
}

/** The API's problems as the form's errors, one per field (the first said), in the order given. */
export function settingErrors(details: readonly FieldError[], context: { unit?: string } = {}): FormErrors {
  const errors: FormErrors = {};
  for (const detail of details) {
    const [field, error] = settingError(detail, context);
    errors[field] ??= error;
  }
  return errors;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

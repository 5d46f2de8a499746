import { InvalidOverridesError } from './errors';
import { resolveRulebook, RuleOverrideInput, validateOverrides } from './overrides';
import { getRulebook } from './rules';

const rulebook = getRulebook(1);
const messages = (overrides: RuleOverrideInput[]) => validateOverrides(rulebook, overrides).map((p) => p.message);

describe('validateOverrides', () => {
  it('accepts a rapid-review clock counted from the notification', () => {
    expect(
      validateOverrides(rulebook, [
        { rule: 'rapid-review', anchor: 'notificationSubmittedOn', reason: 'Panel guidance June 2025' },
      ]),
    ).toEqual([]);
  });

  it.each([
    [{ length: 10 }, 'length'],
    [{ anchor: 'notificationSubmittedOn' }, 'anchor'],
    [{ unit: 'calendar-days' }, 'unit'],
  ])('refuses any change to notify-panel (%p), naming the rule as statutory', (change, field) => {
    const problems = validateOverrides(rulebook, [{ rule: 'notify-panel', reason: 'we are busy', ...change }]);
    expect(problems).toEqual([
      { index: 0, rule: 'notify-panel', field, message: 'notify-panel is statutory and cannot be overridden' },
    ]);
  });

  it('refuses an unknown rule', () => {
    expect(messages([{ rule: 'tea-break', length: 3, reason: 'x' }])).toEqual([
      expect.stringMatching(/^Unknown rule "tea-break" \(rulebook version 1 has: notify-panel, .*annual-report\)$/),
    ]);
  });

  it.each([0, -5, 2.5, Number.NaN])('refuses the non-positive or fractional length %p', (length) => {
    expect(messages([{ rule: 'rapid-review', length, reason: 'x' }])).toEqual([
      expect.stringMatching(/^The length of rapid-review must be a positive whole number/),
    ]);
  });

  it('refuses a length beyond the bound of its unit', () => {
    expect(messages([{ rule: 'lcspr-publish', length: 121, reason: 'x' }])).toEqual([
      'The length of lcspr-publish can be at most 120 calendar-months; got 121',
    ]);
    expect(messages([{ rule: 'lcspr-publish', length: 200, unit: 'calendar-days', reason: 'x' }])).toEqual([]);
  });

  it('refuses an anchor the rule does not allow', () => {
    expect(messages([{ rule: 'rapid-review', anchor: 'publishedOn', reason: 'x' }])).toEqual([
      'rapid-review can count only from laAwareOn or notificationSubmittedOn, not from "publishedOn"',
    ]);
  });

  it('refuses changing a field the rule keeps fixed', () => {
    expect(messages([{ rule: 'pre-publication', anchor: 'publishedOn', reason: 'x' }])).toEqual([
      'The anchor of pre-publication cannot be overridden',
    ]);
  });

  it('refuses an unknown unit, a missing reason, an empty override and a rule overridden twice', () => {
    expect(
      validateOverrides(rulebook, [
        { rule: 'inform-partners', unit: 'fortnights', reason: 'x' },
        { rule: 'keep-published', length: 24, reason: '  ' },
        { rule: 'pre-publication', reason: 'nothing to say' },
        { rule: 'keep-published', length: 18, reason: 'again' },
      ]),
    ).toEqual([
      {
        index: 0,
        rule: 'inform-partners',
        field: 'unit',
        message: expect.stringMatching(
          /^The unit of inform-partners must be one of working-days, calendar-days, calendar-months, not "fortnights"$/,
        ),
      },
      { index: 1, rule: 'keep-published', field: 'reason', message: 'The override of keep-published needs a reason' },
      {
        index: 2,
        rule: 'pre-publication',
        field: 'rule',
        message: expect.stringMatching(/^The override of pre-publication changes nothing/),
      },
      { index: 3, rule: 'keep-published', field: 'rule', message: 'keep-published is overridden more than once' },
    ]);
  });
});

describe('resolveRulebook', () => {
  it('returns the rulebook unchanged (same rule objects) without overrides', () => {
    const resolved = resolveRulebook(rulebook);
    expect(resolved.version).toBe(1);
    expect(resolved.rules).toEqual(rulebook.rules);
    expect(resolved.rules.every((rule) => rule.override === undefined)).toBe(true);
  });

  it('applies an override and shows which rule changed, from what, by whom and why', () => {
    const resolved = resolveRulebook(rulebook, [
      {
        rule: 'rapid-review',
        anchor: 'notificationSubmittedOn',
        reason: 'Our procedures follow the Panel guidance of June 2025',
        changedBy: 'user-1',
        changedOn: '2026-01-15',
      },
    ]);
    const rapidReview = resolved.rules.find((rule) => rule.id === 'rapid-review');
    expect(rapidReview).toMatchObject({ anchor: 'notificationSubmittedOn', length: 15, unit: 'working-days' });
    expect(rapidReview?.override).toEqual({
      rule: 'rapid-review',
      anchor: 'notificationSubmittedOn',
      reason: 'Our procedures follow the Panel guidance of June 2025',
      changedBy: 'user-1',
      changedOn: '2026-01-15',
      defaults: { anchor: 'laAwareOn', length: 15, unit: 'working-days' },
    });
    expect(resolved.rules.filter((rule) => rule.override).map((rule) => rule.id)).toEqual(['rapid-review']);
    // The released rulebook itself is untouched.
    expect(rulebook.rules.find((rule) => rule.id === 'rapid-review')?.anchor).toBe('laAwareOn');
  });

  it('throws InvalidOverridesError with the problems as contract field details', () => {
    let error: unknown;
    try {
      resolveRulebook(rulebook, [{ rule: 'notify-panel', length: 10, reason: 'x' }]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidOverridesError);
    expect((error as InvalidOverridesError).code).toBe('validation-failed');
    expect((error as InvalidOverridesError).message).toMatch(/notify-panel is statutory/);
    expect((error as InvalidOverridesError).details).toEqual([
      { field: 'ruleOverrides[0].length', messages: ['notify-panel is statutory and cannot be overridden'] },
    ]);
  });
});

import { ClockRuleError, InvalidOverridesError, UnknownRulebookVersionError } from '@app/workflows';
import { NotFoundError } from '@app/common';
import { ErrorResponseFilter } from './error-response.filter';

describe('ErrorResponseFilter: one error family, one filter', () => {
  const filter = new ErrorResponseFilter();

  it("answers a rulebook's refusal of a clock state as 422 rule-violated, with its message", () => {
    const body = filter.toBody(new ClockRuleError('The notify-panel clock is never paused'));
    expect(body).toEqual({ statusCode: 422, code: 'rule-violated', message: 'The notify-panel clock is never paused' });
  });

  it('answers invalid rule overrides as 400 validation-failed with one entry per bad field', () => {
    const body = filter.toBody(
      new InvalidOverridesError([
        { index: 0, rule: 'notify-panel', field: 'length', message: 'notify-panel is statutory' },
      ]),
    );
    expect(body).toEqual({
      statusCode: 400,
      code: 'validation-failed',
      message: 'Invalid rule overrides: notify-panel is statutory',
      details: [{ field: 'ruleOverrides[0].length', messages: ['notify-panel is statutory'] }],
    });
  });

  it('keeps an internal rulebook error a 500 that shows only an error id', () => {
    // A marker no random error id can contain (ids are hexadecimal): the internal message must not show through.
    const body = filter.toBody(new UnknownRulebookVersionError('Rulebook version "zz-internal" does not exist'));
    expect(body.statusCode).toBe(500);
    expect(body.code).toBe('internal');
    expect(body.message).not.toMatch(/zz-internal|Rulebook version/);
  });

  it('maps the libs errors as before', () => {
    expect(filter.toBody(new NotFoundError('Case'))).toEqual({
      statusCode: 404,
      code: 'not-found',
      message: 'Case not found',
    });
  });
});

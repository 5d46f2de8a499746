import { RULEBOOKS } from './rules';
import { RULE_TITLES } from './rule-titles';

describe('rule titles', () => {
  it('name every rule of every released rulebook in a few plain words', () => {
    for (const rulebook of Object.values(RULEBOOKS)) {
      for (const rule of rulebook.rules) expect(RULE_TITLES[rule.id]).toMatch(/^[A-Z][A-Za-z ,]+[a-z]$/);
    }
  });
});

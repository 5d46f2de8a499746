import { UnknownRulebookVersionError, UnknownRuleError } from './errors';
import { CURRENT_RULEBOOK_VERSION, getRule, getRulebook, RULEBOOKS } from './rules';
import { CASE_FACTS, PARTNERSHIP_FACTS, RULE_IDS } from './types';

describe('the default rulebook (version 1)', () => {
  const rulebook = getRulebook(1);

  it('has exactly one rule per rule id of version 1, in the order of RULE_IDS', () => {
    expect(rulebook.rules.map((rule) => rule.id)).toEqual(RULE_IDS.slice(0, 8));
  });

  it.each([
    ['notify-panel', 'laAwareOn', 5, 'working-days', 'after'],
    ['inform-partners', 'laAwareOn', 5, 'working-days', 'after'],
    ['rapid-review', 'laAwareOn', 15, 'working-days', 'after'],
    ['lcspr-publish', 'decisionOn', 6, 'calendar-months', 'after'],
    ['pre-publication', 'plannedPublicationOn', 7, 'working-days', 'before'],
    ['keep-published', 'publishedOn', 12, 'calendar-months', 'after'],
    ['not-publishing', 'plannedPublicationOn', 0, 'working-days', 'before'],
    ['annual-report', 'lastAnnualReportPublishedOn', 12, 'calendar-months', 'after'],
  ])('%s: %s, %d %s %s (docs/domain/README.md)', (id, anchor, length, unit, direction) => {
    expect(getRule(rulebook, id)).toMatchObject({ anchor, length, unit, direction });
  });

  it('never lets notify-panel be paused or overridden (statutory)', () => {
    expect(getRule(rulebook, 'notify-panel')).toMatchObject({
      pausable: false,
      overridable: [],
      responsible: 'local-authority',
    });
  });

  it('lets rapid-review count from the notification instead, and pauses only rapid-review and lcspr-publish', () => {
    expect(getRule(rulebook, 'rapid-review').allowedAnchors).toEqual(['laAwareOn', 'notificationSubmittedOn']);
    expect(rulebook.rules.filter((rule) => rule.pausable).map((rule) => rule.id)).toEqual([
      'rapid-review',
      'lcspr-publish',
    ]);
  });

  it('treats keep-published as a minimum period and the annual report as partnership-level', () => {
    expect(rulebook.rules.filter((rule) => rule.kind === 'minimum-period').map((rule) => rule.id)).toEqual([
      'keep-published',
    ]);
    expect(rulebook.rules.filter((rule) => rule.scope === 'partnership').map((rule) => rule.id)).toEqual([
      'annual-report',
    ]);
  });

  it('describes each rule in a plain sentence, with a source and a confidence mark', () => {
    for (const rule of rulebook.rules) {
      expect(rule.description).toMatch(/^[A-Z].{20,}\.$/);
      expect(rule.source.document.length).toBeGreaterThan(0);
      expect(rule.source.section.length).toBeGreaterThan(0);
      expect(['C', 'S', 'U']).toContain(rule.source.confidence);
    }
    expect(getRule(rulebook, 'notify-panel').description).toMatch(
      /local authority notifies the Child Safeguarding Practice Review Panel/,
    );
  });

  it('uses anchors that exist and always allows a rule its own anchor', () => {
    const known: readonly string[] = [...CASE_FACTS, ...PARTNERSHIP_FACTS];
    for (const rule of rulebook.rules) {
      expect(rule.allowedAnchors).toContain(rule.anchor);
      for (const anchor of rule.allowedAnchors) expect(known).toContain(anchor);
      if (rule.scope === 'case') expect(CASE_FACTS).toContain(rule.anchor);
    }
  });

  it('is frozen, so a released version cannot be changed at run time', () => {
    expect(Object.isFrozen(RULEBOOKS)).toBe(true);
    expect(Object.isFrozen(rulebook.rules[0])).toBe(true);
    expect(() => {
      (rulebook.rules[0] as { length: number }).length = 10;
    }).toThrow(TypeError);
  });
});

describe('rulebook versions', () => {
  it('the current version is released and is the default', () => {
    expect(getRulebook().version).toBe(CURRENT_RULEBOOK_VERSION);
    expect(RULEBOOKS[CURRENT_RULEBOOK_VERSION]).toBe(getRulebook(CURRENT_RULEBOOK_VERSION));
  });

  it.each([0, 3, 1.5, Number.NaN])('refuses the unknown version %p with a clear error', (version) => {
    expect(() => getRulebook(version)).toThrow(UnknownRulebookVersionError);
    expect(() => getRulebook(version)).toThrow(/Unknown rulebook version .*; known versions: 1, 2/);
  });

  it('version 2 keeps every rule of version 1 unchanged and adds its own after them, one per rule id', () => {
    const v2 = getRulebook(2);
    expect(v2.rules.slice(0, getRulebook(1).rules.length)).toEqual(getRulebook(1).rules);
    expect(v2.rules.map((rule) => rule.id)).toEqual([...RULE_IDS]);
  });

  it.each([
    ['notify-sos-ofsted', 'case', 'laAwareOn', 5, 'working-days'],
    ['agency-return', 'item', 'clockStartedOn', 5, 'working-days'],
    ['action-due', 'item', 'clockStartedOn', 0, 'working-days'],
    ['lcspr-extension-notice', 'case', 'clockStartedOn', 5, 'working-days'],
    ['annual-report-copies', 'partnership', 'lastAnnualReportPublishedOn', 7, 'calendar-days'],
  ])('version 2 adds %s (%s scope): %s, %d %s', (id, scope, anchor, length, unit) => {
    expect(getRule(getRulebook(2), id)).toMatchObject({ scope, anchor, length, unit, direction: 'after' });
  });

  it('refuses an unknown rule id', () => {
    expect(() => getRule(getRulebook(1), 'no-such-rule')).toThrow(UnknownRuleError);
  });
});

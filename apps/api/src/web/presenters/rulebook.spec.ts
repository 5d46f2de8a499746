import { getRulebook, resolveRulebook, RULE_IDS, RULE_TITLES } from '@app/workflows';
import { lengthText, overridableText, periodText, ruleSections, stoppedByText } from './rulebook';

const valueOf = (section: ReturnType<typeof ruleSections>[number], key: string) => {
  const row = section.rows.find((r) => r.key.text === key);
  return row && 'text' in row.value ? row.value.text : undefined;
};

describe('the rulebook in plain English', () => {
  it('gives every rule a section whose id is the rule id, with its title, length, start, stop, source and confidence', () => {
    const sections = ruleSections(resolveRulebook(getRulebook()));
    expect(sections.map((s) => s.id)).toEqual([...RULE_IDS]);
    for (const section of sections) {
      expect(section.title).toBe(RULE_TITLES[section.id]);
      for (const key of [
        'Due',
        'Length',
        'What starts the clock',
        'What stops the clock',
        'Who is responsible',
        'Source',
      ])
        expect(valueOf(section, key)).toBeTruthy();
      expect(valueOf(section, 'How sure the source is')).toMatch(/^[CSU]: /);
      expect(section.override).toBeUndefined();
    }
    const notify = sections.find((s) => s.id === 'notify-panel')!;
    expect(valueOf(notify, 'Due')).toBe(
      '5 working days after the day the local authority became aware of the incident',
    );
    expect(valueOf(notify, 'What stops the clock')).toBe(
      'Recording “Record the notification to the Panel” on the case.',
    );
    expect(valueOf(notify, 'Can the partnership change it')).toBe('No: it is statutory');
    expect(valueOf(notify, 'How sure the source is')).toBe(
      'C: Confirmed. Checked against a primary source: the law, regulations or statutory guidance.',
    );
  });

  it('shows an overridden rule with both periods and the reason', () => {
    const rulebook = resolveRulebook(getRulebook(), [
      {
        rule: 'rapid-review',
        anchor: 'notificationSubmittedOn',
        length: 20,
        reason: 'Local procedure',
        changedOn: '2026-03-02',
      },
    ]);
    const section = ruleSections(rulebook).find((s) => s.id === 'rapid-review')!;
    expect(valueOf(section, 'Due (this partnership)')).toBe(
      '20 working days after the day the notification was sent to the Panel',
    );
    expect(valueOf(section, 'Due (the rulebook)')).toBe(
      '15 working days after the day the local authority became aware of the incident',
    );
    expect(section.override).toEqual({ reason: 'Local procedure', changedOn: '2 March 2026' });
  });

  it('words periods counted back, minimum periods and lengths of one', () => {
    const rules = getRulebook().rules;
    const rule = (id: string) => rules.find((r) => r.id === id)!;
    expect(periodText(rule('pre-publication'))).toBe('At least 7 working days before the planned publication date');
    expect(periodText(rule('not-publishing'))).toBe('Before the planned publication date');
    expect(periodText(rule('keep-published'))).toBe('For at least 12 months after the day the report was published');
    expect(periodText(rule('lcspr-publish'))).toBe('6 months after the day the partners agreed the decision');
    expect(lengthText(1, 'calendar-months')).toBe('1 month');
    expect(lengthText(1, 'working-days')).toBe('1 working day');
    expect(overridableText(rule('inform-partners'))).toBe('Yes: its length and its unit');
    expect(stoppedByText('keep-published')).toMatch(/minimum period/);
  });
});

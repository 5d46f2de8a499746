import { getRulebook } from '@app/workflows';
import {
  closureDayRows,
  overrideInput,
  overrideRows,
  readOffsets,
  readOverrideForm,
  reminderLines,
  settingErrors,
  unfilledRoleNames,
} from './settings';

const rule = (id: string) => getRulebook().rules.find((r) => r.id === id)!;

describe('the partnership settings pages', () => {
  it('names each unfilled role with its agency', () => {
    expect(
      unfilledRoleNames({ unfilledRoles: [{ role: 'lead-partner', agency: 'police' }, { role: 'subgroup-member' }] }),
    ).toEqual(['Lead partner (Police)', 'Subgroup member']);
  });

  it('says when each reminder is sent and to whom, the product default when none is set', () => {
    expect(reminderLines(null)).toEqual([
      '5 working days before the due date: a warning, to business unit and subgroup members',
      '2 working days before the due date: a warning, to business unit and subgroup members',
      '1 working day before the due date: a warning, to business unit and subgroup members',
      'On the due date: a reminder that it is due today, to business unit and subgroup members',
      '1 working day after the due date: a notice that the deadline was missed, to business unit and subgroup members',
      '2 working days after the due date: the missed deadline escalated, to delegated partners',
      '5 working days after the due date: the missed deadline escalated, to lead partners',
    ]);
    expect(reminderLines([])).toEqual([]);
  });

  it('reads offsets typed with commas or spaces (and a typographic minus), and refuses what is not a whole number', () => {
    expect(readOffsets(' -5, −2 0,1 ')).toEqual({ offsets: [-5, -2, 0, 1] });
    expect(readOffsets('')).toEqual({ offsets: [] });
    expect(readOffsets('-5, two')).toEqual({ error: expect.stringMatching(/^Enter whole numbers/) });
    expect(readOffsets('1.5')).toHaveProperty('error');
  });

  it('lists closure days in date order with their weekday, marking those on a weekend', () => {
    expect(closureDayRows(['2026-12-26', '2026-12-24'])).toEqual([
      { date: '2026-12-24', text: 'Thursday 24 December 2026', weekend: false },
      { date: '2026-12-26', text: 'Saturday 26 December 2026', weekend: true },
    ]);
  });

  it('shows each rule a partnership may change, statutory ones left out, with the override beside the rulebook', () => {
    const rows = overrideRows(getRulebook().rules, [
      { rule: 'inform-partners', length: 3, reason: 'Our protocol', changedOn: '2026-02-01' },
    ]);
    expect(rows.map((r) => r.rule)).not.toContain('notify-panel');
    const inform = rows.find((r) => r.rule === 'inform-partners')!;
    expect(inform).toMatchObject({
      partnership: '3 working days after the day the local authority became aware of the incident',
      rulebook: '5 working days after the day the local authority became aware of the incident',
      reason: 'Our protocol',
      changedOn: '1 February 2026',
      href: '/manage/settings/rules/inform-partners',
    });
    expect(inform.rows.map((r) => r.key.text)).toEqual(['The rulebook', 'This partnership', 'Why', 'Changed on']);
    expect(rows.find((r) => r.rule === 'rapid-review')!.partnership).toBe('As the rulebook');
  });

  it('sends only what differs from the rulebook, and catches a length that is not a whole number first', () => {
    const rapid = rule('rapid-review');
    expect(
      readOverrideForm(rapid, { length: '20', unit: 'working-days', anchor: 'laAwareOn', reason: 'Why' }).override,
    ).toEqual({ rule: 'rapid-review', reason: 'Why', length: 20 });
    expect(
      readOverrideForm(rapid, { length: '15', unit: 'working-days', anchor: 'laAwareOn', reason: 'Why' }).override,
    ).toEqual({ rule: 'rapid-review', reason: 'Why' });
    const wrong = readOverrideForm(rapid, { length: 'ten', unit: 'working-days', anchor: '', reason: '' });
    expect(wrong.errors).toEqual({
      length: { text: 'Length must be a whole number, like 15', href: '#length' },
      anchor: { text: 'Select what starts the clock', href: '#anchor' },
    });
    // A rule whose anchor cannot change keeps the rulebook's, whatever is posted.
    expect(
      readOverrideForm(rule('inform-partners'), {
        length: '5',
        unit: 'calendar-days',
        anchor: 'decisionOn',
        reason: 'x',
      }).override,
    ).toEqual({ rule: 'inform-partners', reason: 'x', unit: 'calendar-days' });
  });

  it('gives a stored override back to the API without who set it and when', () => {
    expect(
      overrideInput({ rule: 'rapid-review', length: 20, reason: 'x', changedBy: 'u', changedOn: '2026-01-01' }),
    ).toEqual({ rule: 'rapid-review', length: 20, reason: 'x' });
  });

  it('words the API’s refusals as the form’s messages, linked to the field', () => {
    expect(
      settingErrors(
        [
          {
            field: 'ruleOverrides.1.length',
            messages: ['The length of rapid-review can be at most 1000 working-days; got 2000'],
          },
          { field: 'ruleOverrides.1.reason', messages: ['reason must be longer than or equal to 3 characters'] },
        ],
        { unit: 'working-days' },
      ),
    ).toEqual({
      length: { text: 'Length must be a whole number from 1 to 1000', href: '#length' },
      reason: { text: 'Enter why the partnership changes this rule, in at least 3 characters', href: '#reason' },
    });
    expect(
      settingErrors([
        { field: 'closureDays', messages: ['each closure day must be a real date YYYY-MM-DD from 2000 to 2099'] },
      ]),
    ).toEqual({
      closureDays: {
        text: 'Closure day must be a real date between 1 January 2000 and 31 December 2099',
        href: '#closureDay-day',
      },
    });
    expect(
      settingErrors([{ field: 'signOffAgencies', messages: ['signOffAgencies must contain at least 1 elements'] }]),
    ).toEqual({ signOffAgencies: { text: 'Select at least one agency that signs off', href: '#signOffAgencies' } });
    expect(
      settingErrors([{ field: 'reminderOffsets', messages: ["All reminderOffsets's elements must be unique"] }]),
    ).toEqual({ reminderOffsets: { text: 'Give each number of working days once', href: '#reminderOffsets' } });
  });
});

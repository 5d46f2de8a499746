import { addedSentence, betweenSentence, SKIPPED_SHOWN, skippedDays } from './working-days';

describe('the working-day calculator', () => {
  it('answers the GOV.UK way, with weekdays, forwards and backwards', () => {
    expect(addedSentence('2025-12-19', 5, '2025-12-30')).toBe(
      '5 working days after Friday 19 December 2025 is Tuesday 30 December 2025',
    );
    expect(addedSentence('2026-01-05', -1, '2026-01-02')).toBe(
      '1 working day before Monday 5 January 2026 is Friday 2 January 2026',
    );
    expect(addedSentence('2026-01-03', 0, '2026-01-03')).toBe(
      '0 working days after Saturday 3 January 2026 is the same day',
    );
  });

  it('says what the count between two dates covers', () => {
    expect(betweenSentence('2025-12-22', '2026-01-05', 7)).toBe(
      'There are 7 working days after Monday 22 December 2025, up to and including Monday 5 January 2026',
    );
    expect(betweenSentence('2026-01-05', '2026-01-02', -1)).toBe(
      'There is 1 working day from Friday 2 January 2026 up to the day before Monday 5 January 2026',
    );
  });

  it('lists the days not counted, cut short past a limit', () => {
    expect(skippedDays([{ date: '2026-12-24', title: 'Partnership closure day', kind: 'closure' }])).toEqual({
      items: ['Thursday 24 December 2026: Partnership closure day'],
      more: 0,
    });
    const many = Array.from({ length: SKIPPED_SHOWN + 3 }, () => ({
      date: '2026-12-25',
      title: 'Christmas Day',
      kind: 'bank-holiday' as const,
    }));
    expect(skippedDays(many).more).toBe(3);
  });
});

import { todayInLondon } from './today';

describe('todayInLondon', () => {
  it.each([
    ['the last night of GMT before the spring change', '2026-03-28T23:30:00Z', '2026-03-28'],
    ['half an hour before the clocks go forward (01:00 UTC)', '2026-03-29T00:30:00Z', '2026-03-29'],
    ['the first night of BST: 23:30 UTC is 00:30 next day in London', '2026-03-29T23:30:00Z', '2026-03-30'],
    ['a summer night just before UTC midnight', '2026-06-30T23:30:00Z', '2026-07-01'],
    ['the last night of BST: 23:30 UTC is already 25 October in London', '2026-10-24T23:30:00Z', '2026-10-25'],
    ['the first night of GMT after the autumn change', '2026-10-25T23:30:00Z', '2026-10-25'],
    ['New Year’s Eve in winter (London = UTC)', '2025-12-31T23:59:59Z', '2025-12-31'],
    ['an instant with an explicit offset', '2026-07-01T00:30:00+02:00', '2026-06-30'],
  ])('%s: %s -> %s', (_why, instant, expected) => {
    expect(todayInLondon(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => todayInLondon(new Date('not a date'))).toThrow(RangeError);
  });
});

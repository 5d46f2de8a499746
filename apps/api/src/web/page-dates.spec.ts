import { govukDate, govukDateTime } from './page-dates';

describe('dates on pages', () => {
  it('writes a date the GOV.UK way, without a leading zero and with the month in full', () => {
    expect(govukDate('2026-01-14')).toBe('14 January 2026');
    expect(govukDate('2026-11-05')).toBe('5 November 2026');
  });

  it('writes nothing for a missing date', () => {
    expect(govukDate(undefined)).toBe('');
  });

  it('writes an instant in London time, with summer time', () => {
    expect(govukDateTime('2026-07-01T14:05:00Z')).toBe('1 July 2026 at 3:05pm');
    expect(govukDateTime('2026-01-01T00:30:00Z')).toBe('1 January 2026 at 12:30am');
    expect(govukDateTime('2026-03-29T11:00:00Z')).toBe('29 March 2026 at 12:00pm');
  });
});

import * as calendar from '.';

describe('the public API of libs/calendar', () => {
  it('offers a shared England and Wales calendar without closure days', () => {
    expect(calendar.englandAndWales).toBeInstanceOf(calendar.WorkingDayCalendar);
    expect(calendar.englandAndWales.closureDays).toEqual([]);
    expect(calendar.englandAndWales.addWorkingDays('2025-12-19', 5)).toBe('2025-12-30');
  });

  it('exports the date, holiday and today functions', () => {
    for (const name of [
      'isValidLocalDate',
      'addCalendarDays',
      'addCalendarMonths',
      'dayOfWeek',
      'bankHolidays',
      'todayInLondon',
    ]) {
      expect(typeof (calendar as Record<string, unknown>)[name]).toBe('function');
    }
  });
});

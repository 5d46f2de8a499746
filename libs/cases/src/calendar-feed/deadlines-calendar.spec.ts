import { icsDay, icsEvents, unfoldIcs, type IcsEvent } from '../../../../test/support/ics';
import { calendarEventUid, deadlinesCalendar, type DeadlinesCalendarInput } from './deadlines-calendar';

const CASE_ID = '4f0c8d4e-8d7a-4a64-9d6c-2f1e1b0e6a11';
const input = (over: Partial<DeadlinesCalendarInput> = {}): DeadlinesCalendarInput => ({
  partnershipId: 'b3a3c1a0-0000-4000-8000-000000000001',
  partnershipName: 'Northshire Safeguarding Partnership',
  publicUrl: 'https://practice-review.example',
  caseDeadlines: [
    { caseId: CASE_ID, caseReference: 'CSPR-2026-0007', rule: 'notify-panel', subject: '', dueOn: '2026-03-10' },
    { caseId: CASE_ID, caseReference: 'CSPR-2026-0007', rule: 'agency-return', subject: 'police', dueOn: '2026-03-20' },
  ],
  dutyDeadlines: [],
  now: new Date('2026-03-05T10:00:00Z'),
  ...over,
});

describe('the deadlines calendar (ICS)', () => {
  it('holds one all-day event per deadline on its due date, titled with the reference and the rule', () => {
    const text = deadlinesCalendar(input());
    const events = icsEvents(text);
    expect(events.map((e) => [e.summary, icsDay(e.start), icsDay(e.end), e.start.dateOnly])).toEqual([
      ['CSPR-2026-0007: Notify the Panel', '2026-03-10', '2026-03-11', true],
      ['CSPR-2026-0007: Agency return (police)', '2026-03-20', '2026-03-21', true],
    ]);
    expect(text).toContain('DTSTART;VALUE=DATE:20260310');
    expect(text).toContain('DTEND;VALUE=DATE:20260311');
  });

  it('links each event to its case page and says nothing else in its description', () => {
    const [event] = icsEvents(deadlinesCalendar(input()));
    expect(event.description).toBe(`https://practice-review.example/cases/${CASE_ID}`);
  });

  it('keeps an event id when the due date moves, and gives each deadline of a case its own', () => {
    const before = icsEvents(deadlinesCalendar(input()));
    const moved = input();
    moved.caseDeadlines = [{ ...moved.caseDeadlines[0], dueOn: '2026-04-01' }, moved.caseDeadlines[1]];
    const after = icsEvents(deadlinesCalendar(moved));
    const uidOf = (events: IcsEvent[], summary: string) => events.find((e) => e.summary === summary)!.uid;
    expect(uidOf(after, 'CSPR-2026-0007: Notify the Panel')).toBe(uidOf(before, 'CSPR-2026-0007: Notify the Panel'));
    expect(new Set(before.map((e) => e.uid)).size).toBe(2);
    expect(before[0].uid).toBe(calendarEventUid(`${CASE_ID}|notify-panel|`));
    expect(before[0].uid).toMatch(/^[0-9a-f]{32}@practice-review$/);
  });

  it("names the partnership's duties without a case, linking to the duties page", () => {
    const text = deadlinesCalendar(
      input({ caseDeadlines: [], dutyDeadlines: [{ rule: 'annual-report', dueOn: '2026-12-31' }] }),
    );
    expect(icsEvents(text).map((e) => [e.summary, e.description, icsDay(e.start)])).toEqual([
      ['Partnership duty: Publish the annual report', 'https://practice-review.example/manage/duties', '2026-12-31'],
    ]);
  });

  it('is named for the partnership, asks to be fetched again hourly, and stamps events in UTC', () => {
    const text = unfoldIcs(deadlinesCalendar(input({ caseDeadlines: [] })));
    expect(text).toContain('X-WR-CALNAME:Practice review deadlines (Northshire Safeguarding Partnership)');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(text).toContain('X-WR-TIMEZONE:Europe/London');
    expect(icsEvents(text)).toEqual([]);
    expect(deadlinesCalendar(input())).toMatch(/DTSTAMP:20260305T100000Z/);
  });
});

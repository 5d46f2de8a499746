// node-ical is CommonJS; its sync parser reads a whole calendar, as a calendar application would.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ical = require('node-ical') as {
  sync: { parseICS(text: string): Record<string, { type: string; [key: string]: unknown }> };
};
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

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: Date & { dateOnly?: boolean };
  end: Date;
}
const eventsOf = (text: string): ParsedEvent[] =>
  Object.values(ical.sync.parseICS(text)).filter((c) => c.type === 'VEVENT') as unknown as ParsedEvent[];
/** The text with its long lines joined again (RFC 5545 folds lines at 75 octets). */
const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '');
/** node-ical reads a DATE as local midnight. */
const dayOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('the deadlines calendar (ICS)', () => {
  it('holds one all-day event per deadline on its due date, titled with the reference and the rule', () => {
    const text = deadlinesCalendar(input());
    const events = eventsOf(text);
    expect(events.map((e) => [e.summary, dayOf(e.start), dayOf(e.end), e.start.dateOnly])).toEqual([
      ['CSPR-2026-0007: Notify the Panel', '2026-03-10', '2026-03-11', true],
      ['CSPR-2026-0007: Agency return (police)', '2026-03-20', '2026-03-21', true],
    ]);
    expect(text).toContain('DTSTART;VALUE=DATE:20260310');
    expect(text).toContain('DTEND;VALUE=DATE:20260311');
  });

  it('links each event to its case page and says nothing else in its description', () => {
    const [event] = eventsOf(deadlinesCalendar(input()));
    expect(event.description).toBe(`https://practice-review.example/cases/${CASE_ID}`);
  });

  it('keeps an event id when the due date moves, and gives each deadline of a case its own', () => {
    const before = eventsOf(deadlinesCalendar(input()));
    const moved = input();
    moved.caseDeadlines = [{ ...moved.caseDeadlines[0], dueOn: '2026-04-01' }, moved.caseDeadlines[1]];
    const after = eventsOf(deadlinesCalendar(moved));
    const uidOf = (events: ParsedEvent[], summary: string) => events.find((e) => e.summary === summary)!.uid;
    expect(uidOf(after, 'CSPR-2026-0007: Notify the Panel')).toBe(uidOf(before, 'CSPR-2026-0007: Notify the Panel'));
    expect(new Set(before.map((e) => e.uid)).size).toBe(2);
    expect(before[0].uid).toBe(calendarEventUid(`${CASE_ID}|notify-panel|`));
    expect(before[0].uid).toMatch(/^[0-9a-f]{32}@practice-review$/);
  });

  it("names the partnership's duties without a case, linking to the duties page", () => {
    const text = deadlinesCalendar(
      input({ caseDeadlines: [], dutyDeadlines: [{ rule: 'annual-report', dueOn: '2026-12-31' }] }),
    );
    expect(eventsOf(text).map((e) => [e.summary, e.description, dayOf(e.start)])).toEqual([
      ['Partnership duty: Publish the annual report', 'https://practice-review.example/manage/duties', '2026-12-31'],
    ]);
  });

  it('is named for the partnership, asks to be fetched again hourly, and stamps events in UTC', () => {
    const text = unfolded(deadlinesCalendar(input({ caseDeadlines: [] })));
    expect(text).toContain('X-WR-CALNAME:Practice review deadlines (Northshire Safeguarding Partnership)');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(text).toContain('X-WR-TIMEZONE:Europe/London');
    expect(eventsOf(text)).toEqual([]);
    expect(deadlinesCalendar(input())).toMatch(/DTSTAMP:20260305T100000Z/);
  });
});

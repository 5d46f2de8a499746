import fc from 'fast-check';
import { WorkingDayCalendar } from '@app/calendar';
import {
  DEFAULT_REMINDER_OFFSETS,
  londonNineAm,
  planDeadlineReminders,
  RECIPIENT_ROLES,
  supersededReminders,
} from './reminder-plan';

const calendar = new WorkingDayCalendar();

function planned(dueOn: string, offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS) {
  return planDeadlineReminders(dueOn, offsets, (d, n) => calendar.addWorkingDays(d, n)).map((p) => ({
    ...p,
    fireAtMs: londonNineAm(p.fireOn).getTime(),
  }));
}

const kinds = (rows: { kind: string }[]) => rows.map((r) => r.kind);

describe('supersededReminders: of the reminders already due, the latest for each audience is sent', () => {
  // notify-panel of a case the local authority knew of on Mon 5 Jan 2026: due Mon 12 Jan.
  const reminders = planned('2026-01-12');

  it('keeps the breach for the business unit and subgroup and both escalations when every reminder is long past', () => {
    const months = Date.parse('2026-04-20T10:00:00Z');
    expect(kinds(supersededReminders(reminders, months))).toEqual(['warning', 'warning', 'warning', 'due-today']);
  });

  it('supersedes nothing when only one reminder is due', () => {
    expect(supersededReminders(reminders, Date.parse('2026-01-05T09:00:00Z'))).toEqual([]);
    expect(supersededReminders(reminders, Date.parse('2026-01-05T08:59:59Z'))).toEqual([]);
  });

  it('sends only the due-day reminder on the due day, not the warnings before it', () => {
    const superseded = supersededReminders(reminders, Date.parse('2026-01-12T09:00:00Z'));
    expect(superseded.map((r) => r.offsetDays)).toEqual([-5, -2, -1]);
  });

  it('does not let the escalation to delegated partners supersede the breach the business unit has not had', () => {
    const superseded = supersededReminders(reminders, Date.parse('2026-01-14T09:30:00Z'));
    expect(kinds(superseded)).toEqual(['warning', 'warning', 'warning', 'due-today']);
  });

  it('counts rows already sent: a reminder planned later (new offsets) behind one already sent is superseded', () => {
    const sentBreach = { kind: 'breach' as const, offsetDays: 1, fireAtMs: Date.parse('2026-01-13T09:00:00Z') };
    const newWarning = { kind: 'warning' as const, offsetDays: -3, fireAtMs: Date.parse('2026-01-07T09:00:00Z') };
    expect(supersededReminders([sentBreach, newWarning], Date.parse('2026-01-20T10:00:00Z'))).toEqual([newWarning]);
  });

  it('never supersedes the breach, whatever offsets a partnership chooses and whenever it is planned', () => {
    const offsets = fc.uniqueArray(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 20 });
    const instant = fc.integer({ min: Date.parse('2025-10-01T00:00:00Z'), max: Date.parse('2026-06-30T00:00:00Z') });
    fc.assert(
      fc.property(offsets, instant, (chosen, now) => {
        const superseded = supersededReminders(planned('2026-01-12', chosen), now);
        expect(superseded.filter((r) => r.kind === 'breach')).toEqual([]);
        // One reminder of each audience among those due stays to be sent.
        const due = planned('2026-01-12', chosen).filter((r) => r.fireAtMs <= now);
        const audiences = new Set(due.map((r) => RECIPIENT_ROLES[r.kind].join(',')));
        expect(due.length - superseded.length).toBe(audiences.size);
      }),
      { numRuns: 200 },
    );
  });
});

import type { AuditEventView } from '@app/cases';
import { timelineItems } from './timeline';

const SERVICE = { id: '00000000-0000-0000-0000-000000000000', name: 'practice-review', roles: [] };
const BU = { id: 'u-bu', name: 'Bea Business', roles: ['business-unit'] };
const POLICE = { id: 'u-p', name: 'Pat Police', roles: ['delegated-partner'], agency: 'police' };

/** Recorded and happened on the same day, as most acts are. */
const dated = (event: Omit<AuditEventView, 'recordedAt' | 'occurredOn'>): AuditEventView => ({
  ...event,
  recordedAt: event.at,
  occurredOn: event.at.slice(0, 10),
});

const history: AuditEventView[] = (
  [
    {
      at: '2026-01-05T09:30:00.000Z',
      actor: BU,
      type: 'case.opened',
      from: null,
      to: 'notification.awaiting-notification',
      payload: { laAwareOn: '2026-01-05' },
    },
    {
      at: '2026-07-14T13:05:00.000Z',
      actor: BU,
      type: 'notification.submitted',
      from: 'notification.awaiting-notification',
      to: 'rapid-review.gathering',
      payload: { submittedOn: '2026-01-07' },
    },
    {
      at: '2026-07-15T08:00:00.000Z',
      actor: SERVICE,
      type: 'deadline.missed',
      from: 'rapid-review.gathering',
      to: 'rapid-review.gathering',
      payload: { rule: 'inform-partners', dueOn: '2026-01-12' },
    },
    {
      at: '2026-07-16T08:00:00.000Z',
      actor: POLICE,
      type: 'decision.signed-off',
      from: 'decision.awaiting-sign-off',
      to: 'decision.awaiting-sign-off',
      payload: { decision: 'agree' },
    },
    {
      at: '2026-07-17T08:00:00.000Z',
      actor: SERVICE,
      type: 'deadlines.recomputed',
      from: 'decision.awaiting-sign-off',
      to: 'decision.awaiting-sign-off',
      payload: { reason: 'partnership-settings-changed' },
    },
  ] as Omit<AuditEventView, 'recordedAt' | 'occurredOn'>[]
).map(dated);

describe("the case page's timeline", () => {
  const items = timelineItems(history);

  it('lists the events newest first, each saying what happened in plain English', () => {
    expect(items.map((i) => i.title)).toEqual([
      "Deadlines recalculated after a change to the partnership's settings",
      'Decision signed off',
      'Deadline missed: Tell the safeguarding partners (due 12 January 2026)',
      'Notification to the Panel recorded',
      'Case opened',
    ]);
  });

  it('says who: name and role (and agency), or the service itself', () => {
    expect(items.map((i) => i.by)).toEqual([
      'practice-review (the service)',
      'Pat Police (Delegated partner, Police)',
      'practice-review (the service)',
      'Bea Business (Business unit)',
      'Bea Business (Business unit)',
    ]);
  });

  it('says when, the GOV.UK way in London time, keeping the instant for the page', () => {
    expect(items[3]).toMatchObject({ at: '2026-07-14T13:05:00.000Z', when: '14 July 2026 at 2:05pm' });
  });

  it('gives the change of state in plain English, and none for an event that kept the state', () => {
    expect(items.map((i) => i.change)).toEqual([
      undefined,
      undefined,
      undefined,
      { from: 'Waiting for the notification to the Panel', to: 'Rapid review under way' },
      { to: 'Waiting for the notification to the Panel' },
    ]);
  });
});

/** A case is stored as JSON: a snapshot read back from storage continues exactly like the one in memory. */
import { allowedEvents, dispatch, PersistedCaseSnapshot } from './case-engine';
import type { CaseEvent } from './case.types';
import { actors, ALL_STATES, CaseState, ev, machine, partners, reach, steps } from './case-test-kit.spec';

const roundTrip = (s: PersistedCaseSnapshot): PersistedCaseSnapshot => JSON.parse(JSON.stringify(s));

/** A next event each non-final state accepts. */
const NEXT: Record<Exclude<CaseState, 'closed'>, CaseEvent> = {
  'notification.awaiting-notification': steps.notify(),
  'rapid-review.gathering': steps.recommend(),
  'decision.awaiting-sign-off': ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-01-21', actors.health),
  'decision.disputed': ev({ type: 'decision.escalated', note: 'n' }, '2026-01-23'),
  'decision.reconsidering': steps.recommend('no-lcspr', '2026-02-12'),
  'decision.agreed': steps.submit(),
  'decision.escalated': steps.resolve(),
  'panel-response.awaiting-response': steps.panel('agrees'),
  'national-review.in-progress': ev({ type: 'national-review.published', publishedOn: '2026-09-01' }, '2026-09-01'),
  'lcspr.in-progress': steps.draft(),
  'lcspr.paused': steps.resume(),
  'publication.unscheduled': steps.schedule(),
  'publication.scheduled': steps.sendReport(),
  'publication.awaiting-panel-informed': steps.informPanel(),
  'learning.action-plan': steps.addAction(),
  // Issue 12 item 2
  'notification.awaiting-sos-ofsted-notification': steps.notifySosOfsted(),
  'notification.sos-ofsted-notified': steps.close('2026-01-09'),
};

describe('persist, then rehydrate', () => {
  it.each(ALL_STATES.filter((s): s is Exclude<CaseState, 'closed'> => s !== 'closed'))(
    '%s continues identically',
    (state) => {
      const original = reach(state);
      const stored = roundTrip(original);
      expect(stored).toEqual(original);
      expect(allowedEvents(machine, stored)).toEqual(allowedEvents(machine, original));
      const a = dispatch(machine, original, NEXT[state]);
      const b = dispatch(machine, stored, NEXT[state]);
      expect(a.ok).toBe(true);
      expect(roundTrip((b as { snapshot: PersistedCaseSnapshot }).snapshot)).toEqual(
        roundTrip((a as { snapshot: PersistedCaseSnapshot }).snapshot),
      );
      expect(b).toEqual(a);
    },
  );

  it('a whole case stored and read back after every event ends where the in-memory one does', () => {
    const events = [
      steps.notify(),
      steps.recommend(),
      ...steps.allAgree(),
      steps.submit(),
      steps.panel('agrees'),
      steps.pause(),
      steps.resume(),
      steps.draft(),
      ...partners.map((p) => steps.finalSign(p)),
      steps.schedule(),
      steps.delay(),
      steps.informPanel(),
      steps.sendReport(),
      steps.publish(),
      steps.addAction(),
      steps.completeAction(),
      steps.close(),
    ];
    let memory = reach('notification.awaiting-notification');
    let stored = roundTrip(memory);
    for (const event of events) {
      const a = dispatch(machine, memory, event);
      const b = dispatch(machine, stored, event);
      if (!a.ok || !b.ok) throw new Error(`${event.type} refused`);
      expect(b.to).toBe(a.to);
      memory = a.snapshot;
      stored = roundTrip(b.snapshot);
    }
    expect(stored).toEqual(roundTrip(memory));
    expect(stored.status).toBe('done');
  });
});

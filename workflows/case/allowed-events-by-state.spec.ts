/** Each state of the case machine accepts exactly the events the contract lists for it, and refuses the rest (409). */
import { allowedEvents, dispatch, stateOf } from './case-engine';
import type { CaseEventType } from './case.types';
import { actors, ALL_STATES, CaseState, ev, EventBody, machine, reach } from './case-test-kit.spec';

const EXPECTED: Record<CaseState, CaseEventType[]> = {
  'notification.awaiting-notification': [
    'partners.informed',
    'fact.corrected',
    'notification.submitted',
    'notification.withdrawn',
  ],
  'rapid-review.gathering': [
    'partners.informed',
    'fact.corrected',
    'agency-return.received',
    'rapid-review.meeting-held',
    'rapid-review.recommended',
    'notification.withdrawn',
  ],
  'decision.awaiting-sign-off': ['partners.informed', 'fact.corrected', 'decision.signed-off'],
  'decision.disputed': ['partners.informed', 'fact.corrected', 'rapid-review.recommended', 'decision.escalated'],
  'decision.reconsidering': ['partners.informed', 'fact.corrected', 'rapid-review.recommended'],
  'decision.agreed': ['partners.informed', 'fact.corrected', 'rapid-review.submitted'],
  'decision.escalated': ['partners.informed', 'fact.corrected', 'escalation.resolved', 'rapid-review.recommended'],
  'panel-response.awaiting-response': ['partners.informed', 'fact.corrected', 'panel.responded'],
  'national-review.in-progress': ['partners.informed', 'fact.corrected', 'national-review.published'],
  'lcspr.in-progress': [
    'partners.informed',
    'fact.corrected',
    'lcspr.reviewer-appointed',
    'lcspr.terms-agreed',
    'lcspr.methodology-agreed',
    'lcspr.draft-received',
    'lcspr.paused',
    'lcspr.final-report-signed-off',
    'lcspr.completion-planned',
    'lcspr.extended',
    'lcspr.extension-notified',
    'lcspr.progress-reviewed',
    'lcspr.involvement-recorded',
  ],
  'lcspr.paused': [
    'partners.informed',
    'fact.corrected',
    'lcspr.resumed',
    'lcspr.completion-planned',
    'lcspr.extended',
    'lcspr.extension-notified',
    'lcspr.progress-reviewed',
    'lcspr.involvement-recorded',
  ],
  'publication.unscheduled': [
    'partners.informed',
    'fact.corrected',
    'publication.scheduled',
    'publication.report-sent',
  ],
  'publication.scheduled': [
    'partners.informed',
    'fact.corrected',
    'publication.report-sent',
    'publication.published',
    'publication.delayed',
    'publication.withheld',
  ],
  'publication.awaiting-panel-informed': ['partners.informed', 'fact.corrected', 'publication.panel-informed'],
  'learning.action-plan': ['partners.informed', 'fact.corrected', 'action.added', 'action.completed', 'case.closed'],
  closed: [],
};

/** An event each state does NOT accept, sent by someone allowed to send it (so the 403 check passes). */
const NOT_ACCEPTED: Record<CaseState, EventBody> = {
  'notification.awaiting-notification': { type: 'rapid-review.recommended', recommendation: 'lcspr', rationale: 'r' },
  'rapid-review.gathering': { type: 'notification.submitted', submittedOn: '2026-01-07' },
  'decision.awaiting-sign-off': { type: 'rapid-review.submitted', submittedOn: '2026-01-26' },
  'decision.disputed': { type: 'rapid-review.submitted', submittedOn: '2026-01-26' },
  'decision.reconsidering': { type: 'panel.responded', response: 'agrees', respondedOn: '2026-02-10' },
  'decision.agreed': { type: 'decision.escalated', note: 'n' },
  'decision.escalated': { type: 'rapid-review.submitted', submittedOn: '2026-01-26' },
  'panel-response.awaiting-response': { type: 'rapid-review.submitted', submittedOn: '2026-01-26' },
  'national-review.in-progress': { type: 'lcspr.draft-received', receivedOn: '2026-02-10' },
  'lcspr.in-progress': { type: 'publication.scheduled', plannedOn: '2026-12-01' },
  'lcspr.paused': { type: 'lcspr.draft-received', receivedOn: '2026-03-10' },
  'publication.unscheduled': { type: 'publication.published', publishedOn: '2026-06-10', url: 'https://x' },
  'publication.scheduled': { type: 'publication.panel-informed', informedOn: '2026-06-10' },
  'publication.awaiting-panel-informed': { type: 'publication.published', publishedOn: '2026-06-21', url: 'https://x' },
  'learning.action-plan': { type: 'notification.withdrawn', reason: 'r' },
  closed: { type: 'action.added', actionId: 'A9', description: 'd', owner: 'o', dueOn: '2027-01-01' },
};

describe('allowed events, state by state', () => {
  it('covers every state of the machine', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ALL_STATES].sort());
  });

  describe.each(ALL_STATES)('%s', (state) => {
    const snapshot = reach(state);

    it('lists exactly the events the contract allows, in definition order', () => {
      expect(stateOf(snapshot)).toBe(state);
      expect(allowedEvents(machine, snapshot)).toEqual(EXPECTED[state]);
    });

    it(`refuses ${NOT_ACCEPTED[state].type} as an illegal transition, naming the state and the allowed events`, () => {
      expect(EXPECTED[state]).not.toContain(NOT_ACCEPTED[state].type);
      const result = dispatch(machine, snapshot, ev(NOT_ACCEPTED[state], '2026-12-31', actors.subgroup));
      expect(result).toEqual({
        ok: false,
        refusal: {
          kind: 'illegal-transition',
          message: expect.stringContaining(state),
          state,
          allowedEvents: EXPECTED[state],
        },
      });
    });
  });

  it('accepts partners.informed in every state but closed, without moving the case', () => {
    for (const state of ALL_STATES.filter((s) => s !== 'closed')) {
      const result = dispatch(
        machine,
        reach(state),
        ev({ type: 'partners.informed', informedOn: '2026-01-06' }, '2026-01-06'),
      );
      expect(result).toMatchObject({ ok: true, from: state, to: state });
    }
  });
});

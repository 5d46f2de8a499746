/** Each state of the case machine accepts exactly the events the contract lists for it, and refuses the rest (409). */
import { allowedEvents, dispatch, stateOf } from './case-engine';
import type { CaseEventType } from './case.types';
import { actors, ALL_STATES, CaseState, ev, EventBody, machine, reach } from './case-test-kit.spec';

/** The events every state but closed accepts (version 2): documents (item 8) and the notification's details (item 2). */
const ROOT: CaseEventType[] = [
  'partners.informed',
  'document.linked',
  'document.unlinked',
  // Issue 12 item 2
  'sos-ofsted.notified',
  'incident.details-recorded',
  'child.details-recorded',
];
/** Every state from the rapid review to learning takes the action plan's events (issue 12 item 3). */
const PLAN = [
  'action.added',
  'action.progress-updated',
  'action.due-date-changed',
  'action.completed',
  'action.cancelled',
] as const;

const EXPECTED: Record<CaseState, CaseEventType[]> = {
  'notification.awaiting-notification': [
    ...ROOT,
    'notification.submitted',
    'notification.withdrawn',
    // Issue 12 item 1: returns are asked for as soon as the business unit knows
    'agency-return.requested',
    'agency-return.received',
    'agency-return.chased',
  ],
  'rapid-review.gathering': [
    ...ROOT,
    ...PLAN,
    'agency-return.received',
    'rapid-review.meeting-held',
    'rapid-review.recommended',
    'notification.withdrawn',
    'agency-return.requested', // issue 12 item 1
    'agency-return.chased', // issue 12 item 1
  ],
  'decision.awaiting-sign-off': [...ROOT, ...PLAN, 'decision.signed-off'],
  'decision.disputed': [...ROOT, ...PLAN, 'rapid-review.recommended', 'decision.escalated'],
  'decision.reconsidering': [...ROOT, ...PLAN, 'rapid-review.recommended'],
  'decision.agreed': [...ROOT, ...PLAN, 'rapid-review.submitted'],
  'decision.escalated': [...ROOT, ...PLAN, 'escalation.resolved', 'rapid-review.recommended'],
  'panel-response.awaiting-response': [...ROOT, ...PLAN, 'panel.responded'],
  'national-review.in-progress': [...ROOT, ...PLAN, 'national-review.published'],
  'lcspr.in-progress': [
    ...ROOT,
    ...PLAN,
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
    ...ROOT,
    ...PLAN,
    'lcspr.resumed',
    'lcspr.completion-planned',
    'lcspr.extended',
    'lcspr.extension-notified',
    'lcspr.progress-reviewed',
    'lcspr.involvement-recorded',
  ],
  'publication.unscheduled': [...ROOT, ...PLAN, 'publication.scheduled', 'publication.report-sent'],
  'publication.scheduled': [
    ...ROOT,
    ...PLAN,
    'publication.report-sent',
    'publication.published',
    'publication.delayed',
    'publication.withheld',
  ],
  'publication.awaiting-panel-informed': [...ROOT, ...PLAN, 'publication.panel-informed'],
  'learning.action-plan': [...ROOT, ...PLAN, 'case.closed'],
  closed: [],
  // Issue 12 item 2
  'notification.awaiting-sos-ofsted-notification': [...ROOT, 'notification.criteria-met', 'notification.withdrawn'],
  'notification.sos-ofsted-notified': [...ROOT, 'notification.criteria-met', 'case.closed'],
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
  // Issue 12 item 2
  'notification.awaiting-sos-ofsted-notification': { type: 'notification.submitted', submittedOn: '2026-01-07' },
  'notification.sos-ofsted-notified': { type: 'rapid-review.meeting-held', heldOn: '2026-01-09' },
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

/**
 * Shared helpers for the case machine's unit tests: actors, events, and `reach(state)`, which drives a new case along
 * a realistic timeline to any state of the machine.
 *
 * (Test helpers may only live in `*.spec.ts` files in this folder, so this file's own self-test runs only when jest
 * runs this file, not in every spec that imports the helpers.)
 */
import type { Actor } from '../actors';
import { caseMachineV2 } from './case.machine.v2';
import { dispatch, openCase, PersistedCaseSnapshot, stateOf } from './case-engine';
import type { CaseEvent } from './case.types';

/** The machine new cases start on. */
export const machine = caseMachineV2;
export const LA_AWARE_ON = '2026-01-05';
export const SIGN_OFF_AGENCIES = ['local-authority', 'police', 'health'] as const;

export const actors = {
  bu: { id: 'u-bu', name: 'Business Unit', roles: ['business-unit'] },
  subgroup: { id: 'u-sg', name: 'Subgroup Member', roles: ['subgroup-member'] },
  la: { id: 'u-la', name: 'LA Partner', roles: ['delegated-partner'], agency: 'local-authority' },
  police: { id: 'u-po', name: 'Police Partner', roles: ['delegated-partner'], agency: 'police' },
  health: { id: 'u-he', name: 'Health Partner', roles: ['delegated-partner'], agency: 'health' },
  leadPartner: { id: 'u-lp', name: 'Lead Partner', roles: ['lead-partner'], agency: 'local-authority' },
  scrutineer: { id: 'u-sc', name: 'Scrutineer', roles: ['scrutineer'] },
  admin: { id: 'u-ad', name: 'Admin', roles: ['admin'] },
  // Issue 12 item 5
  reviewer: { id: 'u-lr', name: 'Lead Reviewer', roles: ['lead-reviewer'] },
} satisfies Record<string, Actor>;
export const partners = [actors.la, actors.police, actors.health];

/** An event's own fields, without the envelope every event carries. */
export type EventBody<E = CaseEvent> = E extends unknown ? Omit<E, 'actor' | 'today'> : never;

export function ev(body: EventBody, today: string, actor: Actor = actors.bu): CaseEvent {
  return { ...body, actor, today } as CaseEvent;
}

export function newCase(signOffAgencies: readonly string[] = SIGN_OFF_AGENCIES): PersistedCaseSnapshot {
  return openCase(machine, { laAwareOn: LA_AWARE_ON, signOffAgencies: [...signOffAgencies] as never });
}

/** Issue 12 item 2: a death notified to the Secretary of State and Ofsted instead of the Panel. */
export function newDeathCase(
  path: 'looked-after-death' | 'care-leaver-death' = 'looked-after-death',
): PersistedCaseSnapshot {
  return openCase(machine, {
    laAwareOn: LA_AWARE_ON,
    signOffAgencies: [...SIGN_OFF_AGENCIES],
    relevantAgencies: [
      { key: 'local-authority', name: 'Children’s social care' },
      { key: 'police', name: 'Police' },
      { key: 'education', name: 'Schools' },
    ],
    path,
    children: 1,
  });
}

/** Applies events in order; fails loudly (with the refusal) if one is not accepted. */
export function play(snapshot: PersistedCaseSnapshot, ...events: CaseEvent[]): PersistedCaseSnapshot {
  let current = snapshot;
  for (const event of events) {
    const result = dispatch(machine, current, event);
    if (!result.ok) throw new Error(`${event.type} refused in ${stateOf(current)}: ${JSON.stringify(result.refusal)}`);
    current = result.snapshot;
  }
  return current;
}

/** Expects the event to be refused and returns the refusal. */
export function refuse(snapshot: PersistedCaseSnapshot, event: CaseEvent) {
  const result = dispatch(machine, snapshot, event);
  if (result.ok) throw new Error(`${event.type} was accepted in ${stateOf(snapshot)} (now ${result.to})`);
  return result.refusal;
}

/** One partner's decision sign-off on day `day` of January 2026. */
export const signDecision = (day: number, decision: 'agree' | 'disagree' = 'agree', actor: Actor = actors.la) =>
  ev({ type: 'decision.signed-off', decision }, `2026-01-${String(day).padStart(2, '0')}`, actor);

/** The timeline's key dates. */
export const dates = {
  notifiedOn: '2026-01-07',
  recommendedOn: '2026-01-20',
  decidedOn: '2026-01-23',
  rapidReviewSentOn: '2026-01-26',
  panelRespondedOn: '2026-02-10',
  pausedOn: '2026-03-02',
  resumedOn: '2026-03-16',
  draftOn: '2026-06-01',
  finalSignedOn: '2026-06-05',
  scheduledOn: '2026-06-10',
  plannedOn: '2026-07-15',
  reportSentOn: '2026-07-01',
  delayedOn: '2026-06-20',
  newPlannedOn: '2026-08-14',
  informedOn: '2026-06-22',
  publishedOn: '2026-08-14',
};

export const steps = {
  notify: () => ev({ type: 'notification.submitted', submittedOn: dates.notifiedOn }, dates.notifiedOn),
  recommend: (recommendation: 'lcspr' | 'no-lcspr' | 'national-review' = 'lcspr', today = dates.recommendedOn) =>
    ev({ type: 'rapid-review.recommended', recommendation, rationale: 'criteria met' }, today, actors.subgroup),
  /** The three partners agree, the last on `decidedOn`. */
  allAgree: (decidedOn = dates.decidedOn) => [
    ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-01-21', actors.la),
    ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-01-22', actors.police),
    ev({ type: 'decision.signed-off', decision: 'agree' }, decidedOn, actors.health),
  ],
  submit: (submittedOn = dates.rapidReviewSentOn) => ev({ type: 'rapid-review.submitted', submittedOn }, submittedOn),
  panel: (response: 'agrees' | 'challenges' | 'national-review', respondedOn = dates.panelRespondedOn) =>
    ev({ type: 'panel.responded', response, respondedOn }, respondedOn),
  pause: () => ev({ type: 'lcspr.paused', reason: 'inquest', detail: 'coroner' }, dates.pausedOn),
  resume: () => ev({ type: 'lcspr.resumed', resumedOn: dates.resumedOn }, dates.resumedOn),
  draft: (receivedOn = dates.draftOn) => ev({ type: 'lcspr.draft-received', receivedOn }, receivedOn),
  finalSign: (actor: Actor, decision: 'agree' | 'disagree' = 'agree', today = dates.finalSignedOn) =>
    ev({ type: 'lcspr.final-report-signed-off', decision }, today, actor),
  schedule: (plannedOn = dates.plannedOn) => ev({ type: 'publication.scheduled', plannedOn }, dates.scheduledOn),
  sendReport: (sentOn = dates.reportSentOn) => ev({ type: 'publication.report-sent', sentOn }, sentOn),
  delay: () => ev({ type: 'publication.delayed', reason: 'trial', newPlannedOn: dates.newPlannedOn }, dates.delayedOn),
  withhold: () => ev({ type: 'publication.withheld', reason: 'risk to a sibling' }, dates.delayedOn),
  informPanel: () => ev({ type: 'publication.panel-informed', informedOn: dates.informedOn }, dates.informedOn),
  publish: () =>
    ev(
      { type: 'publication.published', publishedOn: dates.publishedOn, url: 'https://example.org/r' },
      dates.publishedOn,
    ),
  addAction: (actionId = 'A1', today = '2026-09-01') =>
    ev({ type: 'action.added', actionId, description: 'train staff', owner: 'LA', dueOn: '2026-12-01' }, today),
  completeAction: (actionId = 'A1', completedOn = '2026-10-01') =>
    ev({ type: 'action.completed', actionId, completedOn }, completedOn),
  close: (today = '2026-10-02') => ev({ type: 'case.closed' }, today),
  // Issue 12 item 4
  escalate: (today = '2026-01-22') => ev({ type: 'decision.escalated', note: 'partners disagree' }, today),
  resolve: (outcome: 'lcspr' | 'no-lcspr' | 'national-review' = 'lcspr', resolvedOn = '2026-01-29') =>
    ev({ type: 'escalation.resolved', outcome, resolvedOn }, resolvedOn, actors.leadPartner),
  // Issue 12 item 2
  notifySosOfsted: (notifiedOn = '2026-01-08') => ev({ type: 'sos-ofsted.notified', notifiedOn }, notifiedOn),
};

export const ALL_STATES = [
  'notification.awaiting-notification',
  'rapid-review.gathering',
  'decision.awaiting-sign-off',
  'decision.disputed',
  'decision.reconsidering',
  'decision.agreed',
  'decision.escalated', // issue 12 item 4
  'panel-response.awaiting-response',
  'national-review.in-progress',
  'lcspr.in-progress',
  'lcspr.paused',
  'publication.unscheduled',
  'publication.scheduled',
  'publication.awaiting-panel-informed',
  'learning.action-plan',
  'closed',
  // Issue 12 item 2
  'notification.awaiting-sos-ofsted-notification',
  'notification.sos-ofsted-notified',
] as const;
export type CaseState = (typeof ALL_STATES)[number];

/** Drives a new case (LCSPR path) to the given state. */
export function reach(state: CaseState): PersistedCaseSnapshot {
  const s = steps;
  switch (state) {
    case 'notification.awaiting-notification':
      return newCase();
    case 'rapid-review.gathering':
      return play(newCase(), s.notify());
    case 'decision.awaiting-sign-off':
      return play(reach('rapid-review.gathering'), s.recommend());
    case 'decision.disputed':
      return play(reach('decision.awaiting-sign-off'), signDecision(21, 'disagree', actors.police));
    case 'decision.agreed':
      return play(reach('decision.awaiting-sign-off'), ...s.allAgree());
    case 'decision.escalated':
      return play(reach('decision.disputed'), s.escalate());
    case 'panel-response.awaiting-response':
      return play(reach('decision.agreed'), s.submit());
    case 'decision.reconsidering':
      return play(reach('panel-response.awaiting-response'), s.panel('challenges'));
    case 'national-review.in-progress':
      return play(reach('panel-response.awaiting-response'), s.panel('national-review'));
    case 'lcspr.in-progress':
      return play(reach('panel-response.awaiting-response'), s.panel('agrees'));
    case 'lcspr.paused':
      return play(reach('lcspr.in-progress'), s.pause());
    case 'publication.unscheduled':
      return play(reach('lcspr.in-progress'), s.draft(), ...partners.map((p) => s.finalSign(p)));
    case 'publication.scheduled':
      return play(reach('publication.unscheduled'), s.schedule());
    case 'publication.awaiting-panel-informed':
      return play(reach('publication.scheduled'), s.delay());
    case 'learning.action-plan':
      return play(reach('publication.scheduled'), s.sendReport(), s.publish());
    case 'closed':
      return play(reach('learning.action-plan'), s.close());
    case 'notification.awaiting-sos-ofsted-notification':
      return newDeathCase();
    case 'notification.sos-ofsted-notified':
      return play(newDeathCase(), s.notifySosOfsted());
  }
}

if (expect.getState().testPath === __filename) {
  describe('the case test kit', () => {
    it.each(ALL_STATES)('drives a new case to %s', (state) => {
      expect(stateOf(reach(state))).toBe(state);
    });
  });
}

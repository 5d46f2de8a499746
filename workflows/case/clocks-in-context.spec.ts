/** Statutory clocks are data in the context: started, stopped, paused and cancelled by the machine's actions. */
import { stateOf } from './case-engine';
import { actors, dates, ev, LA_AWARE_ON, newCase, play, reach, signDecision, steps } from './case-test-kit.spec';

it('opens a case with notify-panel, inform-partners and rapid-review running from laAwareOn', () => {
  expect(newCase().context.clocks).toEqual({
    'notify-panel': { startedOn: LA_AWARE_ON, pauses: [] },
    'inform-partners': { startedOn: LA_AWARE_ON, pauses: [] },
    'rapid-review': { startedOn: LA_AWARE_ON, pauses: [] },
  });
});

it('stops notify-panel on the submittedOn date, not on the day it was recorded', () => {
  const s = play(
    newCase(),
    ev({ type: 'notification.submitted', submittedOn: '2026-01-06', panelReference: 'P-1' }, '2026-01-09'),
  );
  expect(s.context.clocks['notify-panel']).toEqual({ startedOn: LA_AWARE_ON, stoppedOn: '2026-01-06', pauses: [] });
  expect(s.context.notification).toEqual({ submittedOn: '2026-01-06', panelReference: 'P-1' });
  expect(s.context.facts.notificationSubmittedOn).toBe('2026-01-06');
  expect(s.context.clocks['rapid-review']?.stoppedOn).toBeUndefined();
});

it('stops inform-partners on informedOn', () => {
  const s = play(
    reach('rapid-review.gathering'),
    ev({ type: 'partners.informed', informedOn: '2026-01-06' }, '2026-01-08'),
  );
  expect(s.context.clocks['inform-partners']?.stoppedOn).toBe('2026-01-06');
});

it('notification.withdrawn cancels every open clock (a stopped one stays stopped) and closes the case', () => {
  const s = play(
    reach('rapid-review.gathering'),
    ev({ type: 'notification.withdrawn', reason: 'criteria not met' }, '2026-01-12'),
  );
  expect(stateOf(s)).toBe('closed');
  expect(s.status).toBe('done');
  expect(s.context.notification.withdrawn).toEqual({ reason: 'criteria not met', on: '2026-01-12' });
  expect(s.context.clocks['notify-panel']).toEqual({ startedOn: LA_AWARE_ON, stoppedOn: dates.notifiedOn, pauses: [] });
  expect(s.context.clocks['inform-partners']).toEqual({
    startedOn: LA_AWARE_ON,
    cancelledOn: '2026-01-12',
    pauses: [],
  });
  expect(s.context.clocks['rapid-review']).toEqual({ startedOn: LA_AWARE_ON, cancelledOn: '2026-01-12', pauses: [] });
});

it('notification.withdrawn before the notification cancels all three clocks', () => {
  const s = play(newCase(), ev({ type: 'notification.withdrawn', reason: 'not serious harm' }, '2026-01-06'));
  expect(stateOf(s)).toBe('closed');
  for (const clock of Object.values(s.context.clocks)) expect(clock?.cancelledOn).toBe('2026-01-06');
});

it('a second rapid-review.submitted after a Panel challenge keeps the first stoppedOn and records both', () => {
  let s = reach('decision.reconsidering');
  expect(s.context.clocks['rapid-review']?.stoppedOn).toBe(dates.rapidReviewSentOn);
  s = play(
    s,
    steps.recommend('no-lcspr', '2026-02-12'),
    ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-02-13', actors.la),
    ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-02-13', actors.police),
    ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-02-16', actors.health),
    steps.submit('2026-02-17'),
  );
  expect(stateOf(s)).toBe('panel-response.awaiting-response');
  expect(s.context.rapidReviewSubmissions).toEqual([dates.rapidReviewSentOn, '2026-02-17']);
  expect(s.context.clocks['rapid-review']?.stoppedOn).toBe(dates.rapidReviewSentOn);
  expect(s.context.decision).toEqual({ outcome: 'no-lcspr', decidedOn: '2026-02-16' });
  expect(s.context.decisionRounds.map((r) => [r.round, r.recommendation, r.outcome])).toEqual([
    [1, 'lcspr', 'agreed'],
    [2, 'no-lcspr', 'agreed'],
  ]);
});

it('lcspr pause and resume record the pause on the lcspr-publish clock and in the LCSPR', () => {
  let s = play(reach('lcspr.in-progress'), steps.pause());
  expect(stateOf(s)).toBe('lcspr.paused');
  expect(s.context.lcspr.pause).toEqual({ reason: 'inquest', detail: 'coroner', from: dates.pausedOn });
  expect(s.context.clocks['lcspr-publish']?.pauses).toEqual([{ from: dates.pausedOn, reason: 'inquest' }]);
  s = play(s, steps.resume());
  expect(stateOf(s)).toBe('lcspr.in-progress');
  expect(s.context.lcspr.pause).toBeUndefined();
  expect(s.context.clocks['lcspr-publish']).toEqual({
    startedOn: dates.decidedOn,
    pauses: [{ from: dates.pausedOn, to: dates.resumedOn, reason: 'inquest' }],
  });
});

it('a new recommendation after a dispute opens round 2 and keeps round 1 in decisionRounds', () => {
  let s = play(
    reach('decision.awaiting-sign-off'),
    signDecision(21, 'agree', actors.la),
    signDecision(22, 'disagree', actors.police),
  );
  s = play(s, ev({ type: 'decision.escalated', note: 'to lead partners' }, '2026-01-23'));
  s = play(s, steps.recommend('no-lcspr', '2026-01-26'));
  expect(stateOf(s)).toBe('decision.awaiting-sign-off');
  expect(s.context.recommendation).toEqual({ recommendation: 'no-lcspr', rationale: 'criteria met', on: '2026-01-26' });
  expect(s.context.decisionRounds).toEqual([
    {
      round: 1,
      openedOn: dates.recommendedOn,
      recommendation: 'lcspr',
      outcome: 'disputed',
      escalations: [{ note: 'to lead partners', on: '2026-01-23', by: actors.bu.id }],
      signOffs: [
        { agency: 'local-authority', decision: 'agree', by: actors.la.id, byName: actors.la.name, at: '2026-01-21' },
        { agency: 'police', decision: 'disagree', by: actors.police.id, byName: actors.police.name, at: '2026-01-22' },
      ],
    },
    { round: 2, openedOn: '2026-01-26', recommendation: 'no-lcspr', signOffs: [], escalations: [] },
  ]);
  // The police partner who signed round 1 signs round 2 afresh.
  s = play(s, signDecision(27, 'agree', actors.police));
  expect(s.context.decisionRounds[1].signOffs.map((x) => x.agency)).toEqual(['police']);
});

it('publication: scheduling starts pre-publication, sending the report stops it, publishing starts keep-published', () => {
  let s = play(reach('publication.unscheduled'), steps.schedule());
  expect(s.context.clocks['pre-publication']).toEqual({ startedOn: dates.scheduledOn, pauses: [] });
  expect(s.context.facts.plannedPublicationOn).toBe(dates.plannedOn);
  s = play(s, steps.sendReport(), steps.publish());
  expect(stateOf(s)).toBe('learning.action-plan');
  expect(s.context.clocks['pre-publication']?.stoppedOn).toBe(dates.reportSentOn);
  expect(s.context.clocks['lcspr-publish']?.stoppedOn).toBe(dates.publishedOn);
  expect(s.context.clocks['keep-published']).toEqual({ startedOn: dates.publishedOn, pauses: [] });
  expect(s.context.facts.publishedOn).toBe(dates.publishedOn);
});

/** Every guard of the case machine, taken both ways. */
import { dispatch, stateOf } from './case-engine';
import { actors, dates, ev, machine, newCase, partners, play, reach, signDecision, steps } from './case-test-kit.spec';

describe('decision sign-off', () => {
  it('signOffDisagrees: one disagreement disputes the round at once, even after others agreed', () => {
    const s = play(
      reach('decision.awaiting-sign-off'),
      signDecision(21, 'agree', actors.la),
      signDecision(22, 'disagree', actors.health),
    );
    expect(stateOf(s)).toBe('decision.disputed');
    expect(s.context.decisionRounds).toHaveLength(1);
    expect(s.context.decisionRounds[0]).toMatchObject({
      outcome: 'disputed',
      signOffs: [{ agency: 'local-authority' }, { agency: 'health', decision: 'disagree' }],
    });
    expect(s.context.decision).toBeUndefined();
  });

  it('decisionSignOffCompletesAgreement: the last of three agreements agrees the decision, dated that day', () => {
    const s = play(reach('decision.awaiting-sign-off'), ...steps.allAgree('2026-01-23'));
    expect(stateOf(s)).toBe('decision.agreed');
    expect(s.context.decision).toEqual({ outcome: 'lcspr', decidedOn: '2026-01-23' });
    expect(s.context.facts.decisionOn).toBe('2026-01-23');
    expect(s.context.decisionRounds[0].outcome).toBe('agreed');
  });

  it('decisionSignOffCompletesAgreement: two agreements out of three leave the round waiting, recorded', () => {
    const s = play(reach('decision.awaiting-sign-off'), ...steps.allAgree().slice(0, 2));
    expect(stateOf(s)).toBe('decision.awaiting-sign-off');
    expect(s.context.decisionRounds[0].signOffs.map((x) => x.agency)).toEqual(['local-authority', 'police']);
    expect(s.context.decisionRounds[0].outcome).toBeUndefined();
    expect(s.context.decision).toBeUndefined();
  });

  it('a partnership signing with two agencies agrees when those two have agreed', () => {
    let s = newCase(['local-authority', 'health']);
    s = play(s, steps.notify(), steps.recommend('no-lcspr'), signDecision(21, 'agree', actors.la));
    expect(stateOf(s)).toBe('decision.awaiting-sign-off');
    s = play(s, signDecision(22, 'agree', actors.health));
    expect(stateOf(s)).toBe('decision.agreed');
  });
});

describe('final report sign-off', () => {
  const drafted = () => play(reach('lcspr.in-progress'), steps.draft());

  it('finalReportSignOffCompletesAgreement: the third agreement moves the case to publication', () => {
    const s = play(drafted(), ...partners.map((p) => steps.finalSign(p)));
    expect(stateOf(s)).toBe('publication.unscheduled');
    expect(s.context.finalReportRounds).toHaveLength(1);
    expect(s.context.finalReportRounds[0].outcome).toBe('agreed');
  });

  it('finalReportSignOffCompletesAgreement: two agreements keep the LCSPR in progress', () => {
    const s = play(drafted(), steps.finalSign(actors.la), steps.finalSign(actors.health));
    expect(stateOf(s)).toBe('lcspr.in-progress');
    expect(s.context.finalReportRounds[0].signOffs).toHaveLength(2);
    expect(s.context.finalReportRounds[0].outcome).toBeUndefined();
  });

  it('signOffDisagrees: a disagreement disputes the round and the LCSPR stays in progress', () => {
    const s = play(drafted(), steps.finalSign(actors.la), steps.finalSign(actors.police, 'disagree'));
    expect(stateOf(s)).toBe('lcspr.in-progress');
    expect(s.context.finalReportRounds[0].outcome).toBe('disputed');
  });

  it('a revised draft after a dispute opens a new round that can be agreed', () => {
    let s = play(drafted(), steps.finalSign(actors.police, 'disagree'), steps.draft('2026-06-20'));
    expect(s.context.finalReportRounds.map((r) => r.round)).toEqual([1, 2]);
    s = play(s, ...partners.map((p) => steps.finalSign(p, 'agree', '2026-06-25')));
    expect(stateOf(s)).toBe('publication.unscheduled');
    expect(s.context.finalReportRounds.map((r) => r.outcome)).toEqual(['disputed', 'agreed']);
  });
});

describe('panel response', () => {
  const awaitingPanel = (recommendation: 'lcspr' | 'no-lcspr' | 'national-review') =>
    play(newCase(), steps.notify(), steps.recommend(recommendation), ...steps.allAgree(), steps.submit());

  it('agrees + lcspr decision -> lcspr, with the lcspr-publish clock started on the decision date', () => {
    const s = play(awaitingPanel('lcspr'), steps.panel('agrees'));
    expect(stateOf(s)).toBe('lcspr.in-progress');
    expect(s.context.clocks['lcspr-publish']).toEqual({ startedOn: dates.decidedOn, pauses: [] });
    expect(s.context.panelResponses).toEqual([{ response: 'agrees', respondedOn: dates.panelRespondedOn }]);
  });

  it('agrees + no-lcspr decision -> learning, with no lcspr-publish clock', () => {
    const s = play(awaitingPanel('no-lcspr'), steps.panel('agrees'));
    expect(stateOf(s)).toBe('learning.action-plan');
    expect(s.context.clocks['lcspr-publish']).toBeUndefined();
  });

  it('agrees + national-review decision -> national-review', () => {
    const s = play(awaitingPanel('national-review'), steps.panel('agrees'));
    expect(stateOf(s)).toBe('national-review.in-progress');
    expect(s.context.clocks['lcspr-publish']).toBeUndefined();
  });

  it('challenges -> decision.reconsidering, and the agreed decision no longer stands', () => {
    const before = awaitingPanel('lcspr');
    expect(before.context.decision).toBeDefined();
    const s = play(before, steps.panel('challenges'));
    expect(stateOf(s)).toBe('decision.reconsidering');
    expect(s.context.decision).toBeUndefined();
    expect(s.context.clocks['lcspr-publish']).toBeUndefined();
  });

  it('national-review (whatever the decision) -> national-review, then published -> learning', () => {
    let s = play(awaitingPanel('lcspr'), steps.panel('national-review'));
    expect(stateOf(s)).toBe('national-review.in-progress');
    expect(s.context.clocks['lcspr-publish']).toBeUndefined();
    s = play(s, ev({ type: 'national-review.published', publishedOn: '2026-09-01' }, '2026-09-02'));
    expect(stateOf(s)).toBe('learning.action-plan');
    expect(s.context.nationalReview).toEqual({ publishedOn: '2026-09-01' });
  });
});

describe('publication: pendingIsDelay', () => {
  it('a delay, once the Panel is informed, returns to scheduled with the new date and stops not-publishing', () => {
    let s = play(reach('publication.scheduled'), steps.delay());
    expect(stateOf(s)).toBe('publication.awaiting-panel-informed');
    expect(s.context.clocks['not-publishing']).toEqual({ startedOn: dates.delayedOn, pauses: [] });
    s = play(s, steps.informPanel());
    expect(stateOf(s)).toBe('publication.scheduled');
    expect(s.context.publication.plannedOn).toBe(dates.newPlannedOn);
    expect(s.context.facts.plannedPublicationOn).toBe(dates.newPlannedOn);
    expect(s.context.publication.pending).toBeUndefined();
    expect(s.context.publication.delays).toEqual([
      { reason: 'trial', from: dates.plannedOn, to: dates.newPlannedOn, informedOn: dates.informedOn },
    ]);
    expect(s.context.clocks['not-publishing']).toEqual({
      startedOn: dates.delayedOn,
      stoppedOn: dates.informedOn,
      pauses: [],
    });
    expect(s.context.clocks['lcspr-publish']?.cancelledOn).toBeUndefined();
  });

  it('a withholding, once the Panel is informed, goes to learning with lcspr-publish cancelled', () => {
    const s = play(reach('publication.scheduled'), steps.withhold(), steps.informPanel());
    expect(stateOf(s)).toBe('learning.action-plan');
    expect(s.context.publication.withheld).toEqual({
      reason: 'risk to a sibling',
      on: dates.delayedOn,
      informedOn: dates.informedOn,
    });
    expect(s.context.clocks['lcspr-publish']?.cancelledOn).toBe(dates.informedOn);
    expect(s.context.clocks['not-publishing']?.stoppedOn).toBe(dates.informedOn);
    expect(s.context.publication.publishedOn).toBeUndefined();
  });
});

describe('learning: allActionsCompleted', () => {
  it('closes a case whose actions are all completed', () => {
    const s = play(reach('learning.action-plan'), steps.addAction('A1'), steps.completeAction('A1'), steps.close());
    expect(stateOf(s)).toBe('closed');
    expect(s.status).toBe('done');
  });

  it('does not close a case with an open action', () => {
    const s = play(
      reach('learning.action-plan'),
      steps.addAction('A1'),
      steps.addAction('A2'),
      steps.completeAction('A1'),
    );
    const result = dispatch(machine, s, steps.close());
    expect(result.ok).toBe(false);
    expect(stateOf(s)).toBe('learning.action-plan');
  });
});

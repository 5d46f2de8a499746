/** Issue 12 item 4: an escalated dispute waits for the lead partners, whose resolution is the agreed decision. */
import { caseMachineV1 } from './case.machine';
import { dispatch, openCase, stateOf } from './case-engine';
import {
  actors,
  dates,
  ev,
  LA_AWARE_ON,
  partners,
  play,
  reach,
  refuse,
  signDecision,
  steps,
} from './case-test-kit.spec';

const escalated = () => reach('decision.escalated');

describe('an escalation to the lead partners (machine version 2)', () => {
  it('moves a disputed decision to decision.escalated and records the escalation on the round', () => {
    const s = escalated();
    expect(stateOf(s)).toBe('decision.escalated');
    const round = s.context.decisionRounds[0];
    expect(round.outcome).toBe('disputed');
    expect(round.escalations).toEqual([{ note: 'partners disagree', on: '2026-01-22', by: actors.bu.id }]);
  });

  it('dates the escalation the day it happened when recorded later (occurredOn)', () => {
    const late = { ...ev({ type: 'decision.escalated', note: 'n' }, '2026-01-27'), occurredOn: '2026-01-23' };
    const s = play(reach('decision.disputed'), late);
    expect(s.context.decisionRounds[0].escalations[0].on).toBe('2026-01-23');
  });

  it('takes a new recommendation while escalated (sent back, or settled): a new round, the escalation kept unresolved', () => {
    const s = play(escalated(), steps.recommend('no-lcspr', '2026-01-26'));
    expect(stateOf(s)).toBe('decision.awaiting-sign-off');
    expect(s.context.decisionRounds).toHaveLength(2);
    expect(s.context.decisionRounds[0].escalations[0].resolution).toBeUndefined();
    expect(refuse(s, steps.resolve())).toMatchObject({ kind: 'illegal-transition' });
  });

  it('refuses anything else while escalated (409), naming what the case can do', () => {
    expect(refuse(escalated(), steps.submit())).toMatchObject({
      kind: 'illegal-transition',
      state: 'decision.escalated',
      allowedEvents: [
        'partners.informed',
        'document.linked',
        'document.unlinked',
        'sos-ofsted.notified',
        'incident.details-recorded',
        'child.details-recorded',
        'action.added',
        'action.progress-updated',
        'action.due-date-changed',
        'action.completed',
        'action.cancelled',
        'escalation.resolved',
        'rapid-review.recommended',
      ],
    });
  });

  it.each([actors.bu, actors.subgroup, actors.la, actors.scrutineer, actors.reviewer])(
    'refuses the resolution from $name (403): only a lead partner records it',
    (actor) => {
      const event = ev(
        { type: 'escalation.resolved', outcome: 'lcspr', resolvedOn: '2026-01-29' },
        '2026-01-29',
        actor,
      );
      expect(refuse(escalated(), event)).toEqual({
        kind: 'forbidden',
        message: 'escalation.resolved is sent only by a lead-partner',
      });
    },
  );

  it("agrees the decision with the lead partners' outcome, dated the day they reached it", () => {
    const s = play(escalated(), { ...steps.resolve('no-lcspr', '2026-01-28'), today: '2026-01-30' });
    expect(stateOf(s)).toBe('decision.agreed');
    expect(s.context.decision).toEqual({ outcome: 'no-lcspr', decidedOn: '2026-01-28' });
    expect(s.context.facts.decisionOn).toBe('2026-01-28');
    const round = s.context.decisionRounds[0];
    expect(round.outcome).toBe('disputed');
    expect(round.escalations[0].resolution).toEqual({
      outcome: 'no-lcspr',
      resolvedOn: '2026-01-28',
      by: actors.leadPartner.id,
    });
  });

  it('keeps the note of the resolution when given', () => {
    const resolve = ev(
      { type: 'escalation.resolved', outcome: 'lcspr', resolvedOn: '2026-01-29', note: 'agreed at the executive' },
      '2026-01-29',
      actors.leadPartner,
    );
    expect(play(escalated(), resolve).context.decisionRounds[0].escalations[0].resolution?.note).toBe(
      'agreed at the executive',
    );
  });

  it("starts the LCSPR's 6 months from the day the lead partners decided", () => {
    const s = play(
      escalated(),
      steps.resolve('lcspr', '2026-01-29'),
      steps.submit('2026-02-02'),
      steps.panel('agrees'),
    );
    expect(stateOf(s)).toBe('lcspr.in-progress');
    expect(s.context.clocks['lcspr-publish']).toMatchObject({ startedOn: '2026-01-29' });
  });

  it('refuses a resolution dated in the future or before the escalation (422)', () => {
    expect(refuse(escalated(), { ...steps.resolve('lcspr', '2026-01-30'), today: '2026-01-29' })).toEqual({
      kind: 'rule-violated',
      message: 'resolvedOn (2026-01-30) cannot be in the future',
    });
    expect(refuse(escalated(), steps.resolve('lcspr', '2026-01-21'))).toEqual({
      kind: 'rule-violated',
      message: 'resolvedOn (2026-01-21) cannot be before the escalation (2026-01-22)',
    });
  });

  it('leaves a version 1 case disputed when escalated, as version 1 always did', () => {
    let s = openCase(caseMachineV1, {
      laAwareOn: LA_AWARE_ON,
      signOffAgencies: ['local-authority', 'police', 'health'],
    });
    for (const event of [
      steps.notify(),
      steps.recommend(),
      signDecision(21, 'agree', partners[0]),
      signDecision(22, 'disagree', partners[1]),
      steps.escalate(dates.decidedOn),
    ]) {
      const result = dispatch(caseMachineV1, s, event);
      if (!result.ok) throw new Error(JSON.stringify(result.refusal));
      s = result.snapshot;
    }
    expect(stateOf(s)).toBe('decision.disputed');
    expect(s.context.decisionRounds[0].escalations).toHaveLength(1);
  });
});

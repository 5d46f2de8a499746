/**
 * Issue 12 item 6 on the machine: acts dated the day they happened (`occurredOn`), sign-offs the business unit records
 * on a delegated partner's behalf, and corrections of the dates a case rests on.
 */
import type { Actor } from '../../actors';
import { allowedEvents, dispatch, type PersistedCaseSnapshot } from '../case-engine';
import { agenciesTheActorMaySignFor, eventsTheActorMaySendNow, refusalFor, signOffsAwaited } from '../case.permissions';
import type { CaseEvent } from '../case.types';
import { actors, dates, ev, machine, newCase, play, reach, refuse, steps } from '../case-test-kit.spec';

const onBehalf = (agency: string, today: string, occurredOn?: string, decision: 'agree' | 'disagree' = 'agree') =>
  ({
    type: 'decision.signed-off',
    decision,
    onBehalfOf: agency,
    delegationReason: 'Delegation by exception: agreed at the partners meeting',
    ...(occurredOn ? { occurredOn } : {}),
    actor: actors.bu,
    today,
  }) as CaseEvent;

const correct = (fact: string, value: string, today: string, incidentOn = '2026-01-01') =>
  ({
    type: 'fact.corrected',
    fact,
    value,
    reason: 'Recorded wrongly',
    incidentOn,
    actor: actors.bu,
    today,
  }) as CaseEvent;

const round = (s: PersistedCaseSnapshot) => s.context.decisionRounds[s.context.decisionRounds.length - 1];

describe('occurredOn: an act dated the day it happened', () => {
  it('dates a sign-off, an escalation and an action on the day given, not the day they are recorded', () => {
    const signed = play(reach('decision.awaiting-sign-off'), {
      ...ev({ type: 'decision.signed-off', decision: 'disagree' }, '2026-01-27', actors.police),
      occurredOn: '2026-01-22',
    } as CaseEvent);
    expect(round(signed).signOffs[0]).toMatchObject({ agency: 'police', at: '2026-01-22' });
    const escalated = play(signed, {
      ...ev({ type: 'decision.escalated', note: 'to the lead partners' }, '2026-01-28'),
      occurredOn: '2026-01-23',
    } as CaseEvent);
    expect(round(escalated).escalations[0].on).toBe('2026-01-23');
  });

  it('leaves an event without occurredOn dated the day it is recorded, as version 1 did', () => {
    const signed = play(
      reach('decision.awaiting-sign-off'),
      ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-01-27', actors.la),
    );
    expect(round(signed).signOffs[0].at).toBe('2026-01-27');
  });

  it('refuses a day in the future, or before the local authority became aware', () => {
    const s = reach('rapid-review.gathering');
    const withDay = (occurredOn: string) =>
      ({
        ...ev({ type: 'notification.withdrawn', reason: 'Criteria not met.' }, '2026-01-10'),
        occurredOn,
      }) as CaseEvent;
    expect(refuse(s, withDay('2026-01-11'))).toEqual({
      kind: 'rule-violated',
      message: 'occurredOn (2026-01-11) cannot be in the future',
    });
    expect(refuse(s, withDay('2026-01-04')).message).toBe(
      'occurredOn (2026-01-04) cannot be before the date the local authority became aware (2026-01-05)',
    );
    expect(play(s, withDay('2026-01-08')).context.notification.withdrawn).toEqual({
      reason: 'Criteria not met.',
      on: '2026-01-08',
    });
  });

  it('refuses a sign-off dated before the recommendation it signs', () => {
    // The recommendation was made on 20 January 2026.
    const refusal = refuse(reach('decision.awaiting-sign-off'), onBehalf('police', '2026-01-27', '2026-01-19'));
    expect(refusal.message).toBe('occurredOn (2026-01-19) cannot be before the recommendation it signs (2026-01-20)');
  });

  it('dates the decision by the latest sign-off, even when the one completing it is dated earlier', () => {
    const s = play(
      reach('decision.awaiting-sign-off'),
      ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-01-22', actors.la),
      ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-01-26', actors.health),
      onBehalf('police', '2026-01-27', '2026-01-21'),
    );
    expect(s.context.decision).toEqual({ outcome: 'lcspr', decidedOn: '2026-01-26' });
    expect(s.context.facts.decisionOn).toBe('2026-01-26');
  });
});

describe("a sign-off recorded on a delegated partner's behalf", () => {
  const s = reach('decision.awaiting-sign-off');

  it("is the agency's sign-off, recorded by the business unit with the reason, on the meeting's day", () => {
    const signed = play(s, onBehalf('police', '2026-01-27', '2026-01-21'));
    expect(round(signed).signOffs).toEqual([
      {
        agency: 'police',
        decision: 'agree',
        by: actors.bu.id,
        byName: actors.bu.name,
        at: '2026-01-21',
        onBehalf: { reason: 'Delegation by exception: agreed at the partners meeting' },
      },
    ]);
    // The agency signs once per round: its own partner may not sign again.
    expect(
      refuse(signed, ev({ type: 'decision.signed-off', decision: 'agree' }, '2026-01-28', actors.police)).message,
    ).toMatch(/^The police agency already signed off this decision round \(agree, 2026-01-21\)$/);
  });

  it('is recorded only by the business unit, for an agency that signs for the partnership', () => {
    const context = s.context;
    expect(refusalFor(actors.bu, 'decision.signed-off', context, { onBehalfOf: 'police' })).toBeUndefined();
    expect(refusalFor(actors.subgroup, 'decision.signed-off', context, { onBehalfOf: 'police' })).toBe(
      "A sign-off on a delegated partner's behalf (onBehalfOf) is recorded only by the business unit",
    );
    expect(refusalFor(actors.police, 'decision.signed-off', context, { onBehalfOf: 'health' })).toBe(
      "A sign-off on a delegated partner's behalf (onBehalfOf) is recorded only by the business unit",
    );
    expect(refusalFor(actors.bu, 'decision.signed-off', context)).toMatch(
      /^decision.signed-off is sent only by a delegated partner; the business unit records one/,
    );
    const twoAgencies = play(newCase(['local-authority', 'police']), steps.notify(), steps.recommend());
    expect(dispatch(machine, twoAgencies, onBehalf('health', '2026-01-27'))).toEqual({
      ok: false,
      refusal: {
        kind: 'forbidden',
        message: 'The health agency does not sign off for this partnership (local-authority, police do)',
      },
    });
  });

  it('is offered to the business unit for each agency still awaited, and the awaited rows follow', () => {
    const bu: Actor = actors.bu;
    expect(agenciesTheActorMaySignFor(bu, s.context, 'decision.signed-off')).toEqual([
      'local-authority',
      'police',
      'health',
    ]);
    const signed = play(s, onBehalf('police', '2026-01-27'));
    expect(agenciesTheActorMaySignFor(bu, signed.context, 'decision.signed-off')).toEqual([
      'local-authority',
      'health',
    ]);
    expect(signOffsAwaited(signed.context, allowedEvents(machine, signed)).map((a) => a.agency)).toEqual([
      'local-authority',
      'health',
    ]);
    const all = play(signed, onBehalf('local-authority', '2026-01-27'), onBehalf('health', '2026-01-27'));
    expect(eventsTheActorMaySendNow(bu, all.context, allowedEvents(machine, all))).not.toContain('decision.signed-off');
    expect(all.value).toEqual({ decision: 'agreed' });
  });

  it('signs a final report for the agency too', () => {
    const draft = play(reach('lcspr.in-progress'), steps.draft());
    const signed = play(draft, {
      ...ev({ type: 'lcspr.final-report-signed-off', decision: 'agree' }, '2026-06-04'),
      onBehalfOf: 'health',
      delegationReason: 'Delegation by exception',
      occurredOn: '2026-06-02',
    } as CaseEvent);
    expect(signed.context.finalReportRounds[0].signOffs[0]).toMatchObject({ agency: 'health', at: '2026-06-02' });
    expect(
      refuse(draft, {
        ...ev({ type: 'lcspr.final-report-signed-off', decision: 'agree' }, '2026-06-04'),
        onBehalfOf: 'health',
        delegationReason: 'x',
        occurredOn: '2026-05-31',
      } as CaseEvent).message,
    ).toBe(`occurredOn (2026-05-31) cannot be before the draft it signs was received (${dates.draftOn})`);
  });
});

describe('fact.corrected', () => {
  it('moves the aware date and the clocks that start on it, and keeps both dates with the reason', () => {
    const s = play(newCase(), correct('laAwareOn', '2026-01-02', '2026-01-06'));
    expect(s.context.facts.laAwareOn).toBe('2026-01-02');
    for (const rule of ['notify-panel', 'inform-partners', 'rapid-review'] as const) {
      expect(s.context.clocks[rule]).toEqual({ startedOn: '2026-01-02', pauses: [] });
    }
    expect(s.context.corrections).toEqual([
      {
        fact: 'laAwareOn',
        from: '2026-01-05',
        to: '2026-01-02',
        reason: 'Recorded wrongly',
        on: '2026-01-06',
        by: actors.bu.id,
        byName: actors.bu.name,
      },
    ]);
  });

  it("moves the notification's date and the day it stopped the notify-panel clock", () => {
    const s = play(reach('rapid-review.gathering'), correct('notificationSubmittedOn', '2026-01-06', '2026-01-09'));
    expect(s.context.notification.submittedOn).toBe('2026-01-06');
    expect(s.context.facts.notificationSubmittedOn).toBe('2026-01-06');
    expect(s.context.clocks['notify-panel']).toMatchObject({ startedOn: '2026-01-05', stoppedOn: '2026-01-06' });
  });

  it('records a corrected incident date (kept beside the snapshot) without moving any clock', () => {
    const s = play(newCase(), correct('incidentOn', '2026-01-01', '2026-01-06', '2026-01-03'));
    expect(s.context.clocks).toEqual(newCase().context.clocks);
    expect(s.context.corrections![0]).toMatchObject({ fact: 'incidentOn', from: '2026-01-03', to: '2026-01-01' });
  });

  it.each([
    ['laAwareOn', '2026-01-07', 'value (2026-01-07) cannot be in the future'],
    ['laAwareOn', '2026-01-05', 'value (2026-01-05) is already the laAwareOn'],
    ['laAwareOn', '2026-01-02', 'value (2026-01-02) cannot be before the incident (2026-01-03)', '2026-01-03'],
    [
      'incidentOn',
      '2026-01-06',
      'value (2026-01-06) cannot be after the date the local authority became aware (2026-01-05)',
    ],
    ['partnersInformedOn', '2026-01-06', 'partnersInformedOn has not been recorded yet: there is nothing to correct'],
    [
      'notificationSubmittedOn',
      '2026-01-06',
      'notificationSubmittedOn has not been recorded yet: there is nothing to correct',
    ],
  ])('refuses correcting %s to %s: %s', (fact, value, message, incidentOn = '2026-01-01') => {
    expect(refuse(newCase(), correct(fact, value, '2026-01-06', incidentOn))).toEqual({
      kind: 'rule-violated',
      message,
    });
  });

  it('refuses an aware date after the first act recorded on the case', () => {
    // The notification was sent on 7 January 2026.
    const s = reach('rapid-review.gathering');
    expect(refuse(s, correct('laAwareOn', '2026-01-08', '2026-01-09')).message).toBe(
      'value (2026-01-08) cannot be after the first act recorded on the case (2026-01-07)',
    );
    expect(play(s, correct('laAwareOn', '2026-01-07', '2026-01-09')).context.facts.laAwareOn).toBe('2026-01-07');
  });

  it('is taken in every state but closed, from the business unit and the subgroup only', () => {
    expect(allowedEvents(machine, reach('lcspr.paused'))).toContain('fact.corrected');
    expect(allowedEvents(machine, reach('closed'))).not.toContain('fact.corrected');
    expect(
      refuse(newCase(), { ...correct('laAwareOn', '2026-01-02', '2026-01-06'), actor: actors.police } as CaseEvent)
        .kind,
    ).toBe('forbidden');
  });
});

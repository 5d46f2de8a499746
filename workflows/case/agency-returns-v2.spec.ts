/**
 * Issue 12 item 1 on the machine: agency returns asked for, chased and received (each with its item clock), the
 * meeting's agencies present and quorum, the recommendation's test against the criteria; version 1 cases as before.
 */
import { DEFAULT_RELEVANT_AGENCIES } from '../actors';
import { caseMachineV1 } from './case.machine';
import { dispatch, openCase, PersistedCaseSnapshot, stateOf } from './case-engine';
import type { CaseEvent } from './case.types';
import {
  actors,
  dates,
  ev,
  EventBody,
  LA_AWARE_ON,
  machine,
  play,
  refuse,
  signDecision,
  SIGN_OFF_AGENCIES,
  steps,
} from './case-test-kit.spec';

/** A version-2 case opened with the default list of relevant agencies (aware Monday 5 January 2026). */
function newCaseV2(): PersistedCaseSnapshot {
  return openCase(machine, {
    laAwareOn: LA_AWARE_ON,
    signOffAgencies: [...SIGN_OFF_AGENCIES],
    relevantAgencies: [...DEFAULT_RELEVANT_AGENCIES],
  });
}

const request = (agency: string, requestedOn: string, dueOn?: string, today = requestedOn) =>
  ev({ type: 'agency-return.requested', agency, requestedOn, ...(dueOn ? { dueOn } : {}) }, today);
const receive = (agency: string, today: string, extra: Partial<EventBody<CaseEvent>> = {}) =>
  ev({ type: 'agency-return.received', agency, ...extra } as EventBody, today);

function ruleViolated(snapshot: PersistedCaseSnapshot, event: CaseEvent): string {
  const refusal = refuse(snapshot, event);
  expect(refusal.kind).toBe('rule-violated');
  return refusal.message;
}

const clock = (snapshot: PersistedCaseSnapshot, agency: string) =>
  snapshot.context.itemClocks?.[`agency-return:${agency}`];

describe('asking an agency for its return (agency-return.requested, version 2)', () => {
  it('is taken in the notification stage, and starts that agency’s agency-return clock on the day asked', () => {
    const asked = play(newCaseV2(), request('education', '2026-01-06'));
    expect(stateOf(asked)).toBe('notification.awaiting-notification');
    expect(clock(asked, 'education')).toEqual({
      rule: 'agency-return',
      subject: 'education',
      startedOn: '2026-01-06',
      pauses: [],
    });
    expect(asked.context.returns).toEqual([
      { agency: 'education', requests: [{ requestedOn: '2026-01-06' }], chases: [] },
    ]);
  });

  it('is taken in the rapid review’s gathering, with an agreed due date fixing the clock’s due date', () => {
    const asked = play(newCaseV2(), steps.notify(), request('housing', '2026-01-08', '2026-01-22'));
    expect(clock(asked, 'housing')).toMatchObject({ startedOn: '2026-01-08', dueOn: '2026-01-22' });
  });

  it('refuses an agency that is not one of the case’s relevant agencies', () => {
    expect(ruleViolated(newCaseV2(), request('ambulance', '2026-01-06'))).toMatch(
      /ambulance is not one of the case's relevant agencies/,
    );
  });

  it('refuses an agreed due date before the request, and a request in the future or before awareness', () => {
    expect(ruleViolated(newCaseV2(), request('police', '2026-01-08', '2026-01-07'))).toBe(
      'dueOn (2026-01-07) cannot be before requestedOn (2026-01-08)',
    );
    expect(ruleViolated(newCaseV2(), request('police', '2026-01-09', undefined, '2026-01-08'))).toMatch(/future/);
    expect(ruleViolated(newCaseV2(), request('police', '2026-01-02'))).toMatch(/before the date the local authority/);
  });

  it('asked again while outstanding, restarts the clock with the new date and keeps both requests', () => {
    const again = play(
      newCaseV2(),
      request('police', '2026-01-06'),
      request('police', '2026-01-09', '2026-01-16', '2026-01-09'),
    );
    expect(clock(again, 'police')).toMatchObject({ startedOn: '2026-01-09', dueOn: '2026-01-16' });
    expect(clock(again, 'police')?.stoppedOn).toBeUndefined();
    expect(again.context.returns?.[0].requests).toEqual([
      { requestedOn: '2026-01-06' },
      { requestedOn: '2026-01-09', dueOn: '2026-01-16' },
    ]);
    expect(ruleViolated(again, request('police', '2026-01-08', undefined, '2026-01-10'))).toMatch(
      /cannot be before the earlier request \(2026-01-09\)/,
    );
  });

  it('refuses asking again once the return was received', () => {
    const received = play(newCaseV2(), request('police', '2026-01-06'), receive('police', '2026-01-08'));
    expect(ruleViolated(received, request('police', '2026-01-09'))).toBe(
      'The return of Police was already received on 2026-01-08',
    );
  });

  it('is sent by the business unit or the subgroup only', () => {
    expect(dispatch(machine, newCaseV2(), { ...request('police', '2026-01-06'), actor: actors.subgroup }).ok).toBe(
      true,
    );
    for (const actor of [actors.police, actors.scrutineer, actors.leadPartner, actors.admin]) {
      expect(refuse(newCaseV2(), { ...request('police', '2026-01-06'), actor }).kind).toBe('forbidden');
    }
  });

  it('is not taken once the rapid review has recommended (409)', () => {
    const recommended = play(newCaseV2(), steps.notify(), steps.recommend());
    expect(refuse(recommended, request('police', '2026-01-20'))).toMatchObject({
      kind: 'illegal-transition',
      state: 'decision.awaiting-sign-off',
    });
  });
});

describe('receiving a return (agency-return.received, version 2)', () => {
  const asked = () => play(newCaseV2(), steps.notify(), request('education', '2026-01-07'));

  it('stops the agency’s clock on the day it arrived and keeps it in agencyReturns too', () => {
    const received = play(asked(), receive('education', '2026-01-15', { receivedOn: '2026-01-13' }));
    expect(clock(received, 'education')).toMatchObject({ startedOn: '2026-01-07', stoppedOn: '2026-01-13' });
    expect(received.context.agencyReturns).toEqual([{ agency: 'education', on: '2026-01-13' }]);
    expect(received.context.returns).toEqual([
      { agency: 'education', requests: [{ requestedOn: '2026-01-07' }], receivedOn: '2026-01-13', chases: [] },
    ]);
  });

  it('is dated the day it is recorded by default, or the day the act happened when recorded later', () => {
    expect(play(asked(), receive('education', '2026-01-12')).context.returns?.[0].receivedOn).toBe('2026-01-12');
    const later = play(asked(), { ...receive('education', '2026-01-14'), occurredOn: '2026-01-09' } as CaseEvent);
    expect(later.context.returns?.[0].receivedOn).toBe('2026-01-09');
  });

  it('records a nil return', () => {
    const nil = play(asked(), receive('education', '2026-01-12', { nilReturn: true }));
    expect(nil.context.returns?.[0]).toMatchObject({ receivedOn: '2026-01-12', nilReturn: true });
    expect(clock(nil, 'education')?.stoppedOn).toBe('2026-01-12');
  });

  it('records a return from an agency never asked, with no clock', () => {
    const unasked = play(newCaseV2(), receive('cafcass', '2026-01-06'));
    expect(unasked.context.returns).toEqual([
      { agency: 'cafcass', requests: [], receivedOn: '2026-01-06', chases: [] },
    ]);
    expect(clock(unasked, 'cafcass')).toBeUndefined();
  });

  it('refuses an agency not in the case’s list, a second return, and a date before the request', () => {
    expect(ruleViolated(asked(), receive('ambulance', '2026-01-12'))).toMatch(/not one of the case's relevant/);
    const received = play(asked(), receive('education', '2026-01-12'));
    expect(ruleViolated(received, receive('education', '2026-01-13'))).toBe(
      'The education return was already received',
    );
    expect(ruleViolated(asked(), receive('education', '2026-01-12', { receivedOn: '2026-01-06' }))).toMatch(
      /cannot be before the return was requested \(2026-01-07\)/,
    );
  });
});

describe('chasing a late return (agency-return.chased, version 2)', () => {
  it('records the chase and leaves the clock running', () => {
    const chased = play(
      newCaseV2(),
      request('probation', '2026-01-06'),
      ev({ type: 'agency-return.chased', agency: 'probation', chasedOn: '2026-01-14', note: 'Phoned' }, '2026-01-14'),
    );
    expect(chased.context.returns?.[0].chases).toEqual([{ chasedOn: '2026-01-14', note: 'Phoned' }]);
    expect(clock(chased, 'probation')?.stoppedOn).toBeUndefined();
  });

  it('refuses a chase with nothing outstanding, or dated before the request', () => {
    const chase = (agency: string, chasedOn: string) =>
      ev({ type: 'agency-return.chased', agency, chasedOn }, '2026-01-14');
    expect(ruleViolated(newCaseV2(), chase('probation', '2026-01-14'))).toBe(
      'There is no outstanding return of Probation service to chase',
    );
    const received = play(newCaseV2(), request('probation', '2026-01-06'), receive('probation', '2026-01-08'));
    expect(ruleViolated(received, chase('probation', '2026-01-14'))).toMatch(/no outstanding return/);
    const asked = play(newCaseV2(), request('probation', '2026-01-07'));
    expect(ruleViolated(asked, chase('probation', '2026-01-06'))).toMatch(/before the return was requested/);
  });
});

describe('outstanding return clocks end with the rapid review', () => {
  const withReturns = () =>
    play(
      newCaseV2(),
      request('police', '2026-01-06'),
      request('housing', '2026-01-06'),
      steps.notify(),
      receive('police', '2026-01-09'),
    );

  it('are cancelled when the rapid review is sent to the Panel; a received return stays met', () => {
    const sent = play(withReturns(), steps.recommend(), ...steps.allAgree(), steps.submit());
    expect(clock(sent, 'housing')).toMatchObject({ cancelledOn: dates.rapidReviewSentOn });
    expect(clock(sent, 'police')).toMatchObject({ stoppedOn: '2026-01-09' });
    expect(clock(sent, 'police')?.cancelledOn).toBeUndefined();
  });

  it('are cancelled when the notification is withdrawn, in either stage', () => {
    const withdraw = ev({ type: 'notification.withdrawn', reason: 'criteria not met' }, '2026-01-12');
    expect(clock(play(withReturns(), withdraw), 'housing')).toMatchObject({ cancelledOn: '2026-01-12' });
    const early = play(newCaseV2(), request('housing', '2026-01-06'), withdraw);
    expect(stateOf(early)).toBe('closed');
    expect(clock(early, 'housing')).toMatchObject({ cancelledOn: '2026-01-12' });
  });
});

describe('the rapid review meeting (version 2)', () => {
  it('keeps each meeting’s agencies present and quorum beside the dates version 1 keeps', () => {
    const met = play(
      newCaseV2(),
      steps.notify(),
      ev(
        {
          type: 'rapid-review.meeting-held',
          heldOn: '2026-01-14',
          agenciesPresent: ['police', 'education'],
          quorate: false,
        },
        '2026-01-14',
        actors.subgroup,
      ),
      ev({ type: 'rapid-review.meeting-held', heldOn: '2026-01-12' }, '2026-01-14', actors.subgroup),
    );
    expect(met.context.meetings).toEqual(['2026-01-12', '2026-01-14']);
    expect(met.context.meetingDetails).toEqual([
      { heldOn: '2026-01-12' },
      { heldOn: '2026-01-14', agenciesPresent: ['police', 'education'], quorate: false },
    ]);
  });

  it('refuses an agency present that is not one of the case’s', () => {
    const gathering = play(newCaseV2(), steps.notify());
    const meeting = ev(
      { type: 'rapid-review.meeting-held', heldOn: '2026-01-14', agenciesPresent: ['police', 'ambulance'] },
      '2026-01-14',
      actors.subgroup,
    );
    expect(ruleViolated(gathering, meeting)).toMatch(/^agenciesPresent: ambulance is not one/);
  });
});

describe('the recommendation with its test against the criteria (version 2)', () => {
  const assessed = (recommendation: 'lcspr' | 'no-lcspr', today: string) =>
    ev(
      {
        type: 'rapid-review.recommended',
        recommendation,
        rationale: 'criteria met',
        improvementsNeeded: true,
        improvementsNeededReasons: 'Information sharing between school and health',
        panelConsideredLocal: false,
        panelConsideredLocalReasons: 'The Panel has not considered it',
        immediateSafetyActions: 'Sibling safety plan',
        parallelProcesses: ['criminal-investigation', 'inquest'],
        learningIdentified: 'Escalation routes not known',
      },
      today,
      actors.subgroup,
    );

  it('keeps each recommendation with its criteria answers, its round, and the earlier rounds’ answers', () => {
    const disputed = play(newCaseV2(), steps.notify(), assessed('lcspr', '2026-01-20'), signDecision(21, 'disagree'));
    const again = play(disputed, steps.recommend('no-lcspr', '2026-01-22'));
    expect(again.context.recommendations).toEqual([
      {
        round: 1,
        recommendation: 'lcspr',
        rationale: 'criteria met',
        on: '2026-01-20',
        criteria: [
          {
            criterion: 'improvements-needed',
            applies: true,
            reasons: 'Information sharing between school and health',
          },
          { criterion: 'panel-considered-local', applies: false, reasons: 'The Panel has not considered it' },
        ],
        immediateSafetyActions: 'Sibling safety plan',
        parallelProcesses: ['criminal-investigation', 'inquest'],
        learningIdentified: 'Escalation routes not known',
      },
      { round: 2, recommendation: 'no-lcspr', rationale: 'criteria met', on: '2026-01-22', criteria: [] },
    ]);
    // Version 1's record of the recommendation is kept as it was.
    expect(again.context.recommendation).toEqual({
      recommendation: 'no-lcspr',
      rationale: 'criteria met',
      on: '2026-01-22',
    });
    expect(again.context.decisionRounds.map((r) => r.recommendation)).toEqual(['lcspr', 'no-lcspr']);
  });
});

describe('a case of machine version 1 keeps version 1’s agency returns', () => {
  const v1Case = () =>
    play1(openCase(caseMachineV1, { laAwareOn: LA_AWARE_ON, signOffAgencies: [...SIGN_OFF_AGENCIES] }), steps.notify());
  function play1(snapshot: PersistedCaseSnapshot, ...events: CaseEvent[]) {
    return events.reduce((current, event) => {
      const result = dispatch(caseMachineV1, current, event);
      if (!result.ok) throw new Error(JSON.stringify(result.refusal));
      return result.snapshot;
    }, snapshot);
  }
  const refusal1 = (snapshot: PersistedCaseSnapshot, event: CaseEvent) => {
    const result = dispatch(caseMachineV1, snapshot, event);
    if (result.ok) throw new Error('accepted');
    return result.refusal;
  };

  it('takes a return from one of the three statutory agencies, dated the day it is recorded, with no clock', () => {
    const received = play1(v1Case(), receive('police', '2026-01-09'));
    expect(received.context.agencyReturns).toEqual([{ agency: 'police', on: '2026-01-09' }]);
    expect(received.context.returns).toBeUndefined();
    expect(received.context.itemClocks).toBeUndefined();
    expect(refusal1(received, receive('police', '2026-01-10'))).toEqual({
      kind: 'rule-violated',
      message: 'The police return was already received',
    });
  });

  it('refuses any other agency, and version 2’s fields, with 422', () => {
    expect(refusal1(v1Case(), receive('education', '2026-01-09'))).toEqual({
      kind: 'rule-violated',
      message: 'agency must be one of local-authority, police, health on this case (machine version 1), not education',
    });
    expect(refusal1(v1Case(), receive('police', '2026-01-09', { nilReturn: true })).message).toMatch(
      /^nilReturn can be recorded only on cases opened on machine version 2/,
    );
    const meeting = ev({ type: 'rapid-review.meeting-held', heldOn: '2026-01-09', quorate: true }, '2026-01-09');
    expect(refusal1(v1Case(), meeting)).toMatchObject({ kind: 'rule-violated' });
  });

  it('does not take agency-return.requested (409)', () => {
    expect(refusal1(v1Case(), request('police', '2026-01-08'))).toMatchObject({ kind: 'illegal-transition' });
  });
});

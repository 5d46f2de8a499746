/** Versions of the case machine live side by side: a case keeps moving on the version it began on. */
import type { AnyStateMachine } from 'xstate';
import { CaseMachineRegistry } from './case-machine.registry';
import { caseMachineV1 } from './case.machine';
import { caseSetup } from './case.setup';
import { allowedEvents, dispatch, openCase, stateOf } from './case-engine';
import type { CaseEvent } from './case.types';
import { actors, LA_AWARE_ON, play, reach, SIGN_OFF_AGENCIES, steps } from './case-test-kit.spec';

/** Version 2: identical, except that learning also accepts `case.archived`, closing the case at once. */
function buildV2(): AnyStateMachine {
  const config = caseMachineV1.config;
  const learning = config.states!.learning!;
  const actionPlan = learning.states!['action-plan']!;
  return caseSetup.createMachine({
    ...config,
    states: {
      ...config.states,
      learning: {
        ...learning,
        states: {
          'action-plan': { ...actionPlan, on: { ...actionPlan.on, 'case.archived': { target: '#case.closed' } } },
        },
      },
    },
  } as Parameters<typeof caseSetup.createMachine>[0]);
}

const archive = { type: 'case.archived', actor: actors.bu, today: '2026-10-01' } as unknown as CaseEvent;

describe('CaseMachineRegistry', () => {
  it('starts with version 1 current', () => {
    const registry = new CaseMachineRegistry();
    expect(registry.currentVersion).toBe(1);
    expect(registry.versionsKnown).toEqual([1]);
    expect(registry.get(1)).toBe(caseMachineV1);
    expect(() => registry.get(2)).toThrow(/Unknown case machine version 2/);
  });

  it('changes the current version only when a version is registered with makeCurrent', () => {
    const registry = new CaseMachineRegistry();
    const v2 = buildV2();
    registry.register(2, v2);
    expect(registry.currentVersion).toBe(1);
    expect(registry.versionsKnown).toEqual([1, 2]);
    expect(registry.get(2)).toBe(v2);
    registry.register(3, buildV2(), { makeCurrent: true });
    expect(registry.currentVersion).toBe(3);
    expect(registry.versionsKnown).toEqual([1, 2, 3]);
  });

  it('refuses to register a version twice', () => {
    const registry = new CaseMachineRegistry();
    expect(() => registry.register(1, buildV2())).toThrow(/already registered/);
    registry.register(2, buildV2());
    expect(() => registry.register(2, buildV2(), { makeCurrent: true })).toThrow(/version 2 is already registered/);
    expect(registry.currentVersion).toBe(1);
  });

  it('keeps a case begun on v1 moving on v1, while v2 accepts its new event', () => {
    const registry = new CaseMachineRegistry();
    registry.register(2, buildV2(), { makeCurrent: true });
    const v1 = registry.get(1);
    const v2 = registry.get(registry.currentVersion);

    // The stored case began on v1 and is now in learning.
    const begunOnV1 = play(reach('learning.action-plan'), steps.addAction('A1'));
    expect(allowedEvents(v1, begunOnV1)).not.toContain('case.archived');
    expect(dispatch(v1, begunOnV1, archive)).toMatchObject({
      ok: false,
      refusal: {
        kind: 'illegal-transition',
        state: 'learning.action-plan',
        allowedEvents: ['partners.informed', 'action.added', 'action.completed', 'case.closed'],
      },
    });
    // v1 carries on as before.
    const moved = dispatch(v1, begunOnV1, steps.completeAction('A1'));
    expect(moved.ok && stateOf(moved.snapshot)).toBe('learning.action-plan');

    // The same snapshot under v2 accepts the v2-only event.
    expect(allowedEvents(v2, begunOnV1)).toContain('case.archived');
    expect(dispatch(v2, begunOnV1, archive)).toMatchObject({ ok: true, from: 'learning.action-plan', to: 'closed' });

    // A new case opened on v2 starts like a v1 case.
    const onV2 = openCase(v2, { laAwareOn: LA_AWARE_ON, signOffAgencies: [...SIGN_OFF_AGENCIES] });
    expect(stateOf(onV2)).toBe('notification.awaiting-notification');
  });
});

/** Versions of the case machine live side by side: a case keeps moving on the version it began on. */
import type { AnyStateMachine } from 'xstate';
import { CaseMachineRegistry } from './case-machine.registry';
import { caseMachineV1 } from './case.machine';
import { caseMachineV2 } from './case.machine.v2';
import { caseSetup } from './case.setup';
import { allowedEvents, dispatch, openCase, stateOf } from './case-engine';
import type { CaseEvent } from './case.types';
import { actors, LA_AWARE_ON, play, reach, SIGN_OFF_AGENCIES, steps } from './case-test-kit.spec';

/** A next version: identical to the current one, except that learning also accepts `case.archived`, closing the case. */
function buildNext(): AnyStateMachine {
  const config = caseMachineV2.config;
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
  it('knows versions 1 and 2, with version 2 current', () => {
    const registry = new CaseMachineRegistry();
    expect(registry.currentVersion).toBe(2);
    expect(registry.versionsKnown).toEqual([1, 2]);
    expect(registry.get(1)).toBe(caseMachineV1);
    expect(registry.get(2)).toBe(caseMachineV2);
    expect(() => registry.get(3)).toThrow(/Unknown case machine version 3/);
  });

  it('changes the current version only when a version is registered with makeCurrent', () => {
    const registry = new CaseMachineRegistry();
    const v3 = buildNext();
    registry.register(3, v3);
    expect(registry.currentVersion).toBe(2);
    expect(registry.versionsKnown).toEqual([1, 2, 3]);
    expect(registry.get(3)).toBe(v3);
    registry.register(4, buildNext(), { makeCurrent: true });
    expect(registry.currentVersion).toBe(4);
    expect(registry.versionsKnown).toEqual([1, 2, 3, 4]);
  });

  it('refuses to register a version twice', () => {
    const registry = new CaseMachineRegistry();
    expect(() => registry.register(1, buildNext())).toThrow(/already registered/);
    registry.register(3, buildNext());
    expect(() => registry.register(3, buildNext(), { makeCurrent: true })).toThrow(/version 3 is already registered/);
    expect(registry.currentVersion).toBe(2);
  });

  it('keeps a case begun on one version moving on it, while the next accepts its new event', () => {
    const registry = new CaseMachineRegistry();
    registry.register(3, buildNext(), { makeCurrent: true });
    const v1 = registry.get(2);
    const v2 = registry.get(registry.currentVersion);

    // The stored case began on the current version and is now in learning.
    const begunOnV1 = play(reach('learning.action-plan'), steps.addAction('A1'));
    expect(allowedEvents(v1, begunOnV1)).not.toContain('case.archived');
    expect(dispatch(v1, begunOnV1, archive)).toMatchObject({
      ok: false,
      refusal: {
        kind: 'illegal-transition',
        state: 'learning.action-plan',
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
          'case.closed',
        ],
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

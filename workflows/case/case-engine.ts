import { AnyStateMachine, initialTransition, transition } from 'xstate';
import type { Actor } from '../actors';
import { refusalFor } from './case.permissions';
import { ruleViolation } from './case.rules';
import type { CaseContext, CaseEvent, CaseEventType, CaseInput } from './case.types';

/** What is stored for a case: XState's persisted snapshot (plain JSON). */
export interface PersistedCaseSnapshot {
  status: string;
  value: unknown;
  context: CaseContext;
  [key: string]: unknown;
}

export type Refusal =
  | { kind: 'forbidden'; message: string }
  | { kind: 'illegal-transition'; message: string; state: string; allowedEvents: string[] }
  | { kind: 'rule-violated'; message: string };

export type DispatchResult =
  { ok: true; snapshot: PersistedCaseSnapshot; from: string; to: string } | { ok: false; refusal: Refusal };

type CaseMachineLike = AnyStateMachine;

/** The stage is the top-level state; the contract's stage names are the machine's top-level state names. */
export function stageOf(snapshot: { value: unknown }): string {
  const value = snapshot.value;
  return typeof value === 'string' ? value : Object.keys(value as object)[0];
}

/** The full state path, e.g. `decision.awaiting-sign-off`. */
export function stateOf(snapshot: { value: unknown }): string {
  const parts: string[] = [];
  let value: unknown = snapshot.value;
  while (value && typeof value === 'object') {
    const [key] = Object.keys(value);
    parts.push(key);
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') parts.push(value);
  return parts.join('.');
}

function restore(machine: CaseMachineLike, persisted: PersistedCaseSnapshot) {
  return machine.resolveState({ value: persisted.value as never, context: persisted.context });
}

/** The events the case's current state accepts (whatever their guards would say), in definition order. */
export function allowedEvents(machine: CaseMachineLike, persisted: PersistedCaseSnapshot): CaseEventType[] {
  const snapshot = restore(machine, persisted);
  if (snapshot.status !== 'active') return [];
  const seen = new Set<string>();
  for (const node of snapshot._nodes) {
    for (const type of node.ownEvents) {
      if (!type.startsWith('xstate.') && type !== '*') seen.add(type);
    }
  }
  return [...seen] as CaseEventType[];
}

export function openCase(machine: CaseMachineLike, input: CaseInput): PersistedCaseSnapshot {
  const [snapshot] = initialTransition(machine, input);
  return machine.getPersistedSnapshot(snapshot) as unknown as PersistedCaseSnapshot;
}

/**
 * Applies one event purely, checking in the contract's order: who may send it (403), whether the state accepts it
 * (409, with the events it does accept), and the domain rules (422). Nothing is executed but XState's `assign`s.
 */
export function dispatch(machine: CaseMachineLike, persisted: PersistedCaseSnapshot, event: CaseEvent): DispatchResult {
  const from = stateOf(persisted);
  const forbidden = refusalFor(event.actor as Actor, event.type, persisted.context, {
    onBehalfOf: 'onBehalfOf' in event ? event.onBehalfOf : undefined,
  });
  if (forbidden) return { ok: false, refusal: { kind: 'forbidden', message: forbidden } };

  const allowed = allowedEvents(machine, persisted);
  if (!allowed.includes(event.type)) {
    return {
      ok: false,
      refusal: {
        kind: 'illegal-transition',
        message: `${event.type} is not possible while the case is in ${from}`,
        state: from,
        allowedEvents: allowed,
      },
    };
  }
  const violation = ruleViolation(persisted.context, event);
  if (violation) return { ok: false, refusal: { kind: 'rule-violated', message: violation } };

  const before = restore(machine, persisted);
  const [next] = transition(machine, before, event);
  if (next === before || (next.value === before.value && next.context === before.context)) {
    return { ok: false, refusal: { kind: 'rule-violated', message: `${event.type} is not possible now` } };
  }
  const snapshot = machine.getPersistedSnapshot(next) as unknown as PersistedCaseSnapshot;
  return { ok: true, snapshot, from, to: stateOf(snapshot) };
}

import type { AnyStateMachine } from 'xstate';
import { caseMachineV1 } from './case.machine';

interface StateNodeLike {
  path: string[];
  states: Record<string, StateNodeLike>;
}

/** The full path of every leaf state of a machine (`decision.awaiting-sign-off`, `closed`), as `stateOf` names them. */
export function leafStateNames(machine: AnyStateMachine): string[] {
  const walk = (node: StateNodeLike): string[] => {
    const children = Object.values(node.states);
    return children.length === 0 ? [node.path.join('.')] : children.flatMap(walk);
  };
  return walk(machine.root as unknown as StateNodeLike);
}

/** The stages of a case: the top-level states of the machine. */
export const CASE_STAGES: readonly string[] = Object.keys(caseMachineV1.root.states);

/** Every state a case can be in (`CaseView.state`, an audit event's `from` and `to`). */
export const CASE_STATES: readonly string[] = leafStateNames(caseMachineV1);

import type { AnyStateMachine } from 'xstate';
import { CASE_MACHINES } from './case-machine.registry';

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

const unique = (names: string[]) => [...new Set(names)];

/** The stages of a case: the top-level states of the machines, of every version. */
export const CASE_STAGES: readonly string[] = unique(
  CASE_MACHINES.flatMap(([, machine]) => Object.keys(machine.root.states)),
);

/** Every state a case can be in (`CaseView.state`, an audit event's `from` and `to`), in any version. */
export const CASE_STATES: readonly string[] = unique(CASE_MACHINES.flatMap(([, machine]) => leafStateNames(machine)));

import type { AnyStateMachine } from 'xstate';
import { caseMachineV1 } from './case.machine';
import { caseMachineV2 } from './case.machine.v2';

/** Every released version of the case machine, oldest first; the last is the one new cases start on. */
export const CASE_MACHINES: readonly (readonly [number, AnyStateMachine])[] = [
  [1, caseMachineV1],
  [2, caseMachineV2],
];

/**
 * Every version of the case machine the service can run. A case keeps the version it started on: when guidance
 * changes, a new version is registered beside the old and only new cases take it, unless a case is migrated.
 */
export class CaseMachineRegistry {
  private readonly versions = new Map<number, AnyStateMachine>(CASE_MACHINES);
  private current = CASE_MACHINES[CASE_MACHINES.length - 1][0];

  register(version: number, machine: AnyStateMachine, options: { makeCurrent?: boolean } = {}): void {
    if (this.versions.has(version)) throw new Error(`Case machine version ${version} is already registered`);
    this.versions.set(version, machine);
    if (options.makeCurrent) this.current = version;
  }

  get(version: number): AnyStateMachine {
    const machine = this.versions.get(version);
    if (!machine) throw new Error(`Unknown case machine version ${version}`);
    return machine;
  }

  get currentVersion(): number {
    return this.current;
  }

  get versionsKnown(): number[] {
    return [...this.versions.keys()].sort((a, b) => a - b);
  }
}

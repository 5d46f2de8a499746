import type { AnyStateMachine } from 'xstate';
import { caseMachineV1 } from './case.machine';

/**
 * Every version of the case machine the service can run. A case keeps the version it started on: when guidance
 * changes, a new version is registered beside the old and only new cases take it, unless a case is migrated.
 */
export class CaseMachineRegistry {
  private readonly versions = new Map<number, AnyStateMachine>([[1, caseMachineV1]]);
  private current = 1;

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

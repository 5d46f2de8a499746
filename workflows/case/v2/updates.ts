/**
 * The actions and guards version 2 of the case machine adds, as pure functions over the context and the event. Each
 * item of issue 12 keeps its own in its own file; `case.setup.ts` turns them into named XState actions (an `assign`
 * of the partial context returned) and guards, so stage configs name them like any other.
 */
import type { CaseContext, CaseEvent } from '../case.types';

export type ContextUpdate = (context: CaseContext, event: CaseEvent) => Partial<CaseContext>;
export type ContextGuard = (context: CaseContext, event: CaseEvent) => boolean;

export const V2_UPDATES = {} satisfies Record<string, ContextUpdate>;

export const V2_GUARDS = {} satisfies Record<string, ContextGuard>;

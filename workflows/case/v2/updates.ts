/**
 * The actions and guards version 2 of the case machine adds, as pure functions over the context and the event. Each
 * item of issue 12 keeps its own in its own file; `case.setup.ts` turns them into named XState actions (an `assign`
 * of the partial context returned) and guards, so stage configs name them like any other.
 */
import type { CaseContext, CaseEvent } from '../case.types';
// Issue 12 items 4 and 5
import { ESCALATION_UPDATES } from './escalations';
import { LCSPR_UPDATES } from './lcspr-managed';
// Issue 12 items 3 and 8
import { ACTION_PLAN_UPDATES } from './action-plan';
import { DOCUMENT_UPDATES } from './documents';
// Issue 12 item 2
import { NOTIFICATION_PATH_GUARDS, NOTIFICATION_PATH_UPDATES } from './notification-paths';
import { RAPID_REVIEW_UPDATES } from './rapid-review'; // issue 12 item 1

export type ContextUpdate = (context: CaseContext, event: CaseEvent) => Partial<CaseContext>;
export type ContextGuard = (context: CaseContext, event: CaseEvent) => boolean;

export const V2_UPDATES = {
  // Issue 12 items 4 and 5
  ...ESCALATION_UPDATES,
  ...LCSPR_UPDATES,
  // Issue 12 items 3 and 8
  ...ACTION_PLAN_UPDATES,
  ...DOCUMENT_UPDATES,
  // Issue 12 item 2
  ...NOTIFICATION_PATH_UPDATES,
  ...RAPID_REVIEW_UPDATES, // issue 12 item 1
} satisfies Record<string, ContextUpdate>;

export const V2_GUARDS = {
  // Issue 12 item 2
  ...NOTIFICATION_PATH_GUARDS,
} satisfies Record<string, ContextGuard>;

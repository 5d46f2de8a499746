/**
 * The action plan, tracked and escalated (issue 12 item 3, machine version 2). Actions are recorded from the rapid
 * review on, each owned by one of the case's relevant agencies with a named lead; its due date is an item clock
 * (`action-due`, one per action, due on the action's own date) whose reminders escalate an overdue action to the
 * owning agency's delegated partner; progress updates give it a status; it ends completed or cancelled.
 *
 * Pure: updates and guards over the context and the event, turned into named XState actions by case.setup.ts.
 */
import { AGENCIES } from '../../actors';
import { itemClockKey, type ItemClocks, type LocalDate } from '../../rulebook/types';
import { cancelAllItemClocks, cancelItemClock, startItemClock, stopItemClock } from '../clocks';
import { actDate, type ActionItem, type CaseContext, type CaseEvent, type CaseEventOf } from '../case.types';
import type { ActionSource, ActionStatus } from './action-plan.values';

const RULE = 'action-due';

/** The events of the action plan: every stage from the rapid review to learning accepts them (`withActionPlan`). */
export const ACTION_PLAN_EVENTS = [
  'action.added',
  'action.progress-updated',
  'action.due-date-changed',
  'action.completed',
  'action.cancelled',
] as const;

/** The named actions (`ACTION_PLAN_UPDATES`) each event runs. */
const ACTION_PLAN_HANDLERS = {
  'action.added': { actions: 'addPlanAction' },
  'action.progress-updated': { actions: 'recordActionProgress' },
  'action.due-date-changed': { actions: 'changeActionDueDate' },
  'action.completed': { actions: 'completePlanAction' },
  'action.cancelled': { actions: 'cancelPlanAction' },
} as const satisfies Record<(typeof ACTION_PLAN_EVENTS)[number], { actions: string }>;

/**
 * The stage, accepting the action plan's events in every one of its states (handlers on the stage's own `on`; a state
 * of the stage that handles one of them itself would take precedence, so none does in version 2).
 */
export function withActionPlan<T extends object>(stage: T): T {
  const on = (stage as { on?: Record<string, unknown> }).on ?? {};
  return { ...stage, on: { ...on, ...ACTION_PLAN_HANDLERS } };
}

/** Neither completed nor cancelled: it still holds up the case's closing. */
export function isOpenAction(action: ActionItem): boolean {
  return !action.completedOn && !action.cancelled;
}

/** An action's status: how it ended, else its latest progress update's, else not started. */
export function actionStatus(action: ActionItem): ActionStatus {
  if (action.completedOn) return 'completed';
  if (action.cancelled) return 'cancelled';
  return action.progress?.[action.progress.length - 1]?.status ?? 'not-started';
}

/**
 * Where an action added now comes from, when the sender does not say: the review the case is in or has come from.
 * The Panel's national review, or the LCSPR the Panel agreed to, once under way; otherwise the rapid review (and the
 * decision and the Panel's response that follow it, or learning when no review followed).
 */
export function defaultActionSource(context: CaseContext): ActionSource {
  const last = context.panelResponses[context.panelResponses.length - 1];
  if (last?.response === 'national-review') return 'national-review';
  if (last?.response === 'agrees' && context.decision?.outcome === 'national-review') return 'national-review';
  if (last?.response === 'agrees' && context.decision?.outcome === 'lcspr') return 'lcspr';
  return 'rapid-review';
}

/** The agency keys an action may be owned by: the case's relevant agencies, or on version 1 the three statutory. */
export function owningAgencyKeys(context: CaseContext): readonly string[] {
  const relevant = context.relevantAgencies ?? [];
  return relevant.length > 0 ? relevant.map((agency) => agency.key) : AGENCIES;
}

/** A case begun on machine version 2 keeps item clocks (`initialContextV2`); one of version 1 has none. */
function isVersion2(context: CaseContext): boolean {
  return context.itemClocks !== undefined;
}

function withAction(context: CaseContext, id: string, change: Partial<ActionItem>): Pick<CaseContext, 'actions'> {
  return { actions: { ...context.actions, [id]: { ...context.actions[id], ...change } } };
}

/** The action's clock with a new due date (an agreed change): its reminders are planned again from it. */
function moveItemClockDue(clocks: ItemClocks | undefined, subject: string, dueOn: LocalDate): ItemClocks {
  const key = itemClockKey(RULE, subject);
  const clock = clocks?.[key];
  if (!clock || clock.stoppedOn || clock.cancelledOn) return { ...clocks };
  return { ...clocks, [key]: { ...clock, dueOn } };
}

type E<T extends CaseEvent['type']> = CaseEventOf<T>;

export const ACTION_PLAN_UPDATES = {
  /** The action, owned and led, with its clock started on the day it was added and due on its own date. */
  addPlanAction: (context: CaseContext, event: CaseEvent) => {
    const e = event as E<'action.added'>;
    const addedOn = actDate(e);
    const action: ActionItem = {
      description: e.description,
      owner: e.owner,
      dueOn: e.dueOn,
      addedOn,
      ...(e.owningAgency ? { owningAgency: e.owningAgency } : {}),
      ...(e.lead ? { lead: e.lead } : {}),
      source: e.source ?? defaultActionSource(context),
      progress: [],
    };
    return {
      actions: { ...context.actions, [e.actionId]: action },
      itemClocks: startItemClock(context.itemClocks, RULE, e.actionId, addedOn, e.dueOn),
    };
  },
  recordActionProgress: (context: CaseContext, event: CaseEvent) => {
    const e = event as E<'action.progress-updated'>;
    const progress = [
      ...(context.actions[e.actionId].progress ?? []),
      { updatedOn: e.updatedOn, status: e.status, note: e.note },
    ];
    return withAction(context, e.actionId, { progress });
  },
  changeActionDueDate: (context: CaseContext, event: CaseEvent) => {
    const e = event as E<'action.due-date-changed'>;
    const action = context.actions[e.actionId];
    const change = { from: action.dueOn, to: e.dueOn, reason: e.reason, on: actDate(e) };
    return {
      ...withAction(context, e.actionId, {
        dueOn: e.dueOn,
        dueDateChanges: [...(action.dueDateChanges ?? []), change],
      }),
      itemClocks: moveItemClockDue(context.itemClocks, e.actionId, e.dueOn),
    };
  },
  /** Met or late against its due date: the clock stops on the day it was completed. */
  completePlanAction: (context: CaseContext, event: CaseEvent) => {
    const e = event as E<'action.completed'>;
    return {
      ...withAction(context, e.actionId, { completedOn: e.completedOn }),
      itemClocks: stopItemClock(context.itemClocks, RULE, e.actionId, e.completedOn),
    };
  },
  cancelPlanAction: (context: CaseContext, event: CaseEvent) => {
    const e = event as E<'action.cancelled'>;
    const on = actDate(e);
    return {
      ...withAction(context, e.actionId, { cancelled: { reason: e.reason, on } }),
      itemClocks: cancelItemClock(context.itemClocks, RULE, e.actionId, on),
    };
  },
  /** A closed case runs no clock: an item's still running (a withdrawn notification's actions) is cancelled. */
  cancelRunningItemClocks: (context: CaseContext, event: CaseEvent) => ({
    itemClocks: cancelAllItemClocks(context.itemClocks, actDate(event)),
  }),
};

/**
 * Why an event of the action plan may not be applied (422), or undefined. On a case of version 1 the new fields of
 * `action.added` are refused (its machine would not keep them) and its rules are as before.
 */
export function actionPlanViolation(context: CaseContext, event: CaseEvent): string | undefined {
  const on = actDate(event);
  const future = (field: string, date: LocalDate) =>
    date > event.today ? `${field} (${date}) cannot be in the future` : undefined;
  const action = 'actionId' in event ? context.actions[event.actionId] : undefined;
  const open = () => {
    if (!action) return `There is no action ${(event as { actionId: string }).actionId}`;
    const id = (event as { actionId: string }).actionId;
    if (action.completedOn) return `Action ${id} was already completed on ${action.completedOn}`;
    if (action.cancelled) return `Action ${id} was cancelled on ${action.cancelled.on}`;
    return undefined;
  };

  switch (event.type) {
    case 'action.added': {
      const given = (['owningAgency', 'lead', 'source'] as const).filter((field) => event[field] !== undefined);
      if (!isVersion2(context) && given.length > 0) {
        return `${given.join(', ')} can be recorded only on cases opened since version 2 of the case record`;
      }
      const agencies = owningAgencyKeys(context);
      if (event.owningAgency !== undefined && !agencies.includes(event.owningAgency)) {
        return `owningAgency (${event.owningAgency}) is not one of the case's relevant agencies (${agencies.join(', ')})`;
      }
      if (isVersion2(context) && event.dueOn < on) {
        return `dueOn (${event.dueOn}) cannot be before the day the action was added (${on})`;
      }
      return undefined;
    }
    case 'action.completed':
      return open();
    case 'action.progress-updated': {
      const refused = open() ?? future('updatedOn', event.updatedOn);
      if (refused) return refused;
      if (event.updatedOn < action!.addedOn) {
        return `updatedOn (${event.updatedOn}) cannot be before the action was added (${action!.addedOn})`;
      }
      const last = action!.progress?.[action!.progress.length - 1];
      return last && event.updatedOn < last.updatedOn
        ? `updatedOn (${event.updatedOn}) cannot be before the latest progress update (${last.updatedOn})`
        : undefined;
    }
    case 'action.due-date-changed': {
      const refused = open();
      if (refused) return refused;
      if (event.dueOn === action!.dueOn) return `dueOn is already the due date (${event.dueOn})`;
      return event.dueOn < on ? `dueOn (${event.dueOn}) cannot be before the day it was agreed (${on})` : undefined;
    }
    case 'action.cancelled':
      return open();
    default:
      return undefined;
  }
}

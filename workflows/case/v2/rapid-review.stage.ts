import { caseSetup } from '../case.setup';
import type { CaseEventType } from '../case.types';
import { rapidReviewStage } from '../rapid-review.stage';

type StageConfig = Parameters<typeof caseSetup.createStateConfig>[0];
type Transitions = NonNullable<StageConfig['on']>;
const v1 = rapidReviewStage as StageConfig;

/**
 * The events of agency returns (issue 12 item 1), taken while returns are gathered: from the notification stage on
 * (the business unit asks as soon as it knows) and through the rapid review's gathering.
 */
export const AGENCY_RETURN_TRANSITIONS = {
  'agency-return.requested': { actions: 'requestAgencyReturn' },
  'agency-return.received': { actions: 'receiveAgencyReturn' },
  'agency-return.chased': { actions: 'chaseAgencyReturn' },
} satisfies Partial<Record<CaseEventType, unknown>>;

/**
 * Stage 2, version 2 (issue 12 item 1): returns are asked for, chased and received (a received return stops its
 * clock; version 1's `recordAgencyReturn` is replaced by `receiveAgencyReturn`, which also keeps `agencyReturns`).
 * The meeting's and recommendation's extra fields, and the cancelling of outstanding return clocks, are added to
 * version 1's transitions wherever they are by {@link withRapidReviewAdditions}.
 */
export const rapidReviewStageV2 = caseSetup.createStateConfig({
  ...v1,
  states: {
    gathering: {
      ...v1.states!.gathering,
      on: { ...v1.states!.gathering!.on, ...AGENCY_RETURN_TRANSITIONS } as Transitions,
    },
  },
} as StageConfig);

/**
 * Actions version 2 runs after version 1's, on every transition of these events, whichever stage takes them (the
 * decision stage takes a new recommendation and sends the rapid review; both stages take a withdrawal).
 */
export const RAPID_REVIEW_ALSO_ON: Partial<Record<CaseEventType, readonly string[]>> = {
  'rapid-review.meeting-held': ['recordMeetingDetails'],
  'rapid-review.recommended': ['recordRecommendationDetails'],
  'rapid-review.submitted': ['cancelAgencyReturnClocks'],
  'notification.withdrawn': ['cancelAgencyReturnClocks'],
};

type StateNode = { on?: Record<string, unknown>; states?: Record<string, StateNode> };
type TransitionObject = { actions?: unknown };

function appendActions(transition: unknown, extra: readonly string[]): unknown {
  if (Array.isArray(transition)) return transition.map((t) => appendActions(t, extra));
  if (typeof transition === 'string') return { target: transition, actions: [...extra] };
  const t = transition as TransitionObject;
  const actions = t.actions === undefined ? [] : Array.isArray(t.actions) ? t.actions : [t.actions];
  return { ...t, actions: [...actions, ...extra.filter((name) => !actions.includes(name))] };
}

function withActionsAlso<T extends StateNode>(node: T, also: Partial<Record<string, readonly string[]>>): T {
  const on = node.on
    ? Object.fromEntries(
        Object.entries(node.on).map(([type, transition]) => [
          type,
          also[type] ? appendActions(transition, also[type]!) : transition,
        ]),
      )
    : undefined;
  const states = node.states
    ? Object.fromEntries(Object.entries(node.states).map(([name, child]) => [name, withActionsAlso(child, also)]))
    : undefined;
  return { ...node, ...(on ? { on } : {}), ...(states ? { states } : {}) };
}

/**
 * Version 2's machine states with item 1's additions: the notification stage's waiting state takes the agency
 * return events, and {@link RAPID_REVIEW_ALSO_ON} runs after version 1's actions on every transition of its events.
 * Applied to the whole `states` of `caseMachineV2`, so it holds whichever stage configs other items give it.
 */
export function withRapidReviewAdditions<T extends Record<string, unknown>>(states: T): T {
  const notification = states.notification as StateNode;
  const waiting = notification.states!['awaiting-notification']!;
  const withReturns = {
    ...states,
    notification: {
      ...notification,
      states: {
        ...notification.states,
        'awaiting-notification': { ...waiting, on: { ...waiting.on, ...AGENCY_RETURN_TRANSITIONS } },
      },
    },
  };
  return Object.fromEntries(
    Object.entries(withReturns).map(([name, stage]) => [
      name,
      withActionsAlso(stage as StateNode, RAPID_REVIEW_ALSO_ON),
    ]),
  ) as T;
}

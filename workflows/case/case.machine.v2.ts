import { CASE_MACHINE_ID, caseMachineV1 } from './case.machine';
import { caseSetup, initialContextV2 } from './case.setup';
import { decisionStageV2 } from './v2/decision.stage';
import { lcsprStageV2 } from './v2/lcspr.stage';
// Issue 12 items 3 and 8
import { withActionPlan } from './v2/action-plan';
import { DOCUMENT_HANDLERS } from './v2/documents';
import { learningStageV2 } from './v2/learning.stage';
import { notificationStageV2 } from './v2/notification.stage';
import { rapidReviewStageV2, withRapidReviewAdditions } from './v2/rapid-review.stage';

type MachineConfig = Parameters<typeof caseSetup.createMachine>[0];
const v1 = caseMachineV1.config as MachineConfig;

/**
 * Version 2 of the case machine (issue 12: the case record as practitioners keep it). Version 1 is never edited, so
 * cases begun on it keep moving as they did; version 2 starts from its states and changes the stages that record
 * more (stage configs in `./v2/`). New cases start on it.
 */
export const caseMachineV2 = caseSetup.createMachine({
  ...v1,
  id: CASE_MACHINE_ID,
  description: `${v1.description} Version 2: agency returns, the action plan, escalations, corrections and more.`,
  context: ({ input }) => initialContextV2(input),
  on: {
    ...v1.on,
    ...DOCUMENT_HANDLERS, // issue 12 item 8
    // Issue 12 item 2: recorded in any state but closed
    'sos-ofsted.notified': { actions: 'recordSosOfstedNotified' },
    'incident.details-recorded': { actions: 'recordNotificationDetails' },
    'child.details-recorded': { actions: 'recordNotificationDetails' },
  },
  // Issue 12 item 1: agency returns from the notification on; meetings and recommendations in full (see the function)
  states: withRapidReviewAdditions({
    ...v1.states,
    notification: notificationStageV2, // issue 12 item 2
    // Issue 12 item 3: the action plan from the rapid review on; a closed case runs no item clock
    'rapid-review': withActionPlan(rapidReviewStageV2), // item 1: rapid review content
    decision: withActionPlan(decisionStageV2), // item 4: escalations
    'panel-response': withActionPlan(v1.states!['panel-response']),
    'national-review': withActionPlan(v1.states!['national-review']),
    lcspr: withActionPlan(lcsprStageV2), // item 5: the LCSPR managed
    publication: withActionPlan(v1.states!.publication),
    learning: withActionPlan(learningStageV2),
    closed: { ...v1.states!.closed, entry: 'cancelRunningItemClocks' },
  }),
} as MachineConfig);

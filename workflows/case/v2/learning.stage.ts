import { learningStage } from '../learning.stage';

/**
 * Learning in version 2 (issue 12 item 3): the action plan's events are the stage's own (`withActionPlan`, as in every
 * stage from the rapid review on), so its one state only closes the case, once every action is completed or cancelled.
 */
export const learningStageV2 = {
  ...learningStage,
  states: {
    'action-plan': {
      description: 'Actions are added, updated and completed or cancelled; the case closes only when none is open.',
      on: {
        'case.closed': { guard: 'allActionsCompleted', target: '#case.closed' },
      },
    },
  },
} as typeof learningStage;

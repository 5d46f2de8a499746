import { caseSetup } from './case.setup';

export const learningStage = caseSetup.createStateConfig({
  description: 'Learning: the action plan is tracked until every action is completed and the case is closed.',
  initial: 'action-plan',
  states: {
    'action-plan': {
      description: 'Actions are added and completed; the case closes only when none is open.',
      on: {
        'action.added': { actions: 'addAction' },
        'action.completed': { actions: 'completeAction' },
        'case.closed': { guard: 'allActionsCompleted', target: '#case.closed' },
      },
    },
  },
});

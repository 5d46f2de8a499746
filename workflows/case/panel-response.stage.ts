import { caseSetup } from './case.setup';

/** The national Panel's answer to the rapid review: agree, challenge, or take a national review. */
export const panelResponseStage = caseSetup.createStateConfig({
  description: "Panel response: the national Panel considers the rapid review and the partners' decision.",
  initial: 'awaiting-response',
  states: {
    'awaiting-response': {
      description: 'The rapid review has been sent; waiting for the Panel to respond.',
      on: {
        'panel.responded': [
          { guard: 'panelTakesNationalReview', target: '#case.national-review', actions: 'recordPanelResponse' },
          {
            guard: 'panelChallenges',
            target: '#case.decision.reconsidering',
            actions: ['recordPanelResponse', 'reopenDecision'],
          },
          { guard: 'decidedLcspr', target: '#case.lcspr', actions: ['recordPanelResponse', 'startLcsprClock'] },
          { guard: 'decidedNationalReview', target: '#case.national-review', actions: 'recordPanelResponse' },
          { target: '#case.learning', actions: 'recordPanelResponse' },
        ],
      },
    },
  },
});

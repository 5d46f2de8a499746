import { caseSetup } from './case.setup';

/** Stage 3: the delegated safeguarding partners jointly sign off the decision, then it goes to the Panel. */
export const decisionStage = caseSetup.createStateConfig({
  description: "Decision: each agency's delegated partner signs off the recommendation; all must agree.",
  initial: 'awaiting-sign-off',
  states: {
    'awaiting-sign-off': {
      description:
        'Waiting for every sign-off agency to agree or disagree with the recommendation (one sign-off each).',
      on: {
        'decision.signed-off': [
          { guard: 'signOffDisagrees', target: 'disputed', actions: ['recordDecisionSignOff', 'markDecisionDisputed'] },
          {
            guard: 'decisionSignOffCompletesAgreement',
            target: 'agreed',
            actions: ['recordDecisionSignOff', 'markDecisionAgreed'],
          },
          { actions: 'recordDecisionSignOff' },
        ],
      },
    },
    disputed: {
      description:
        'A partner disagreed. A new recommendation opens a new round, or the dispute is escalated to the lead partners.',
      on: {
        'rapid-review.recommended': { target: 'awaiting-sign-off', actions: 'recordRecommendation' },
        'decision.escalated': { actions: 'recordEscalation' },
      },
    },
    reconsidering: {
      description:
        'The Panel challenged the decision: the subgroup makes a new recommendation for the partners to sign.',
      on: {
        'rapid-review.recommended': { target: 'awaiting-sign-off', actions: 'recordRecommendation' },
      },
    },
    agreed: {
      description: 'All partners agreed; the rapid review and decision are to be sent to the Panel.',
      on: {
        'rapid-review.submitted': { target: '#case.panel-response', actions: 'recordRapidReviewSubmitted' },
      },
    },
  },
});

import { caseSetup } from './case.setup';

/** Stage 2: the Safeguarding Practice Review subgroup gathers agency returns, meets and recommends. */
export const rapidReviewStage = caseSetup.createStateConfig({
  description: 'Rapid review: the subgroup gathers the facts from every agency and recommends what should follow.',
  initial: 'gathering',
  states: {
    gathering: {
      description: 'Agency returns and rapid review meetings; ends with the subgroup recommendation.',
      on: {
        'agency-return.received': { actions: 'recordAgencyReturn' },
        'rapid-review.meeting-held': { actions: 'recordMeeting' },
        'rapid-review.recommended': { target: '#case.decision.awaiting-sign-off', actions: 'recordRecommendation' },
        'notification.withdrawn': { target: '#case.closed', actions: 'recordWithdrawal' },
      },
    },
  },
});

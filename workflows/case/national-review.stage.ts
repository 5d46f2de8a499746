import { caseSetup } from './case.setup';

export const nationalReviewStage = caseSetup.createStateConfig({
  description: 'National review: the Panel reviews the case itself; the partnership supports it and awaits its report.',
  initial: 'in-progress',
  states: {
    'in-progress': {
      description: 'The national review is under way; ends when the Panel publishes it.',
      on: {
        'national-review.published': { target: '#case.learning', actions: 'recordNationalReviewPublished' },
      },
    },
  },
});

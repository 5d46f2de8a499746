import { caseSetup } from '../case.setup';
import { lcsprStage } from '../lcspr.stage';

type StageConfig = Parameters<typeof caseSetup.createStateConfig>[0];
const v1 = lcsprStage as StageConfig;
const v1States = v1.states!;

/** What the partners record of a review while it runs or waits (issue 12 item 5). */
const managed = {
  'lcspr.completion-planned': { actions: 'planCompletion' },
  'lcspr.extended': { actions: 'extendLcspr' },
  'lcspr.extension-notified': { actions: 'recordExtensionNotified' },
  'lcspr.progress-reviewed': { actions: 'recordProgressReview' },
  'lcspr.involvement-recorded': { actions: 'recordInvolvement' },
} as const;

/**
 * Stage 4, version 2 (issue 12 item 5): the LCSPR managed. A planned completion date, agreed extensions told to the
 * Panel and the Secretary of State, progress reviews and involvement, in progress or paused; the reviewer's account.
 */
export const lcsprStageV2 = caseSetup.createStateConfig({
  ...v1,
  states: {
    ...v1States,
    'in-progress': {
      ...v1States['in-progress'],
      on: {
        ...v1States['in-progress']!.on,
        'lcspr.reviewer-appointed': { actions: 'recordReviewerWithAccount' },
        ...managed,
      },
    },
    paused: {
      ...v1States.paused,
      on: { ...v1States.paused!.on, ...managed },
    },
  },
} as StageConfig);

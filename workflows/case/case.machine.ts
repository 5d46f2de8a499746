import { caseSetup, initialContext } from './case.setup';
import { decisionStage } from './decision.stage';
import { learningStage } from './learning.stage';
import { lcsprStage } from './lcspr.stage';
import { nationalReviewStage } from './national-review.stage';
import { notificationStage } from './notification.stage';
import { panelResponseStage } from './panel-response.stage';
import { publicationStage } from './publication.stage';
import { rapidReviewStage } from './rapid-review.stage';

export const CASE_MACHINE_ID = 'case';

/**
 * Version 1 of the case machine. The top-level states are the contract's stages; statutory clocks are data in the
 * context (started, stopped, paused by actions), never XState timers, so a persisted snapshot carries them whole.
 */
export const caseMachineV1 = caseSetup.createMachine({
  id: CASE_MACHINE_ID,
  description: 'A serious child safeguarding incident, from notification to the close of its action plan.',
  context: ({ input }) => initialContext(input),
  initial: 'notification',
  on: {
    'partners.informed': { actions: 'recordPartnersInformed' },
  },
  states: {
    notification: notificationStage,
    'rapid-review': rapidReviewStage,
    decision: decisionStage,
    'panel-response': panelResponseStage,
    'national-review': nationalReviewStage,
    lcspr: lcsprStage,
    publication: publicationStage,
    learning: learningStage,
    closed: {
      type: 'final',
      description: 'The case is closed: its action plan is complete, or the notification was withdrawn.',
    },
  },
});

export type CaseMachine = typeof caseMachineV1;

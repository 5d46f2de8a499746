import { caseSetup } from '../case.setup';
import { decisionStage } from '../decision.stage';

type StageConfig = Parameters<typeof caseSetup.createStateConfig>[0];
const v1 = decisionStage as StageConfig;
const v1States = v1.states!;

/**
 * Stage 3, version 2 (issue 12 item 4): an escalation waits for the lead partners in `escalated`, and a lead
 * partner's resolution is the agreed decision, dated the day they reached it.
 */
export const decisionStageV2 = caseSetup.createStateConfig({
  ...v1,
  states: {
    ...v1States,
    disputed: {
      ...v1States.disputed,
      on: {
        ...v1States.disputed!.on,
        'decision.escalated': { target: 'escalated', actions: 'escalateToLeadPartners' },
      },
    },
    escalated: {
      description:
        'Escalated to the lead partners: a lead partner records the decision they reached, which is then the agreed ' +
        'decision; or a new recommendation (the partners settled it, or the lead partners sent it back) opens a new round.',
      on: {
        'escalation.resolved': { target: 'agreed', actions: 'resolveEscalation' },
        'rapid-review.recommended': { target: 'awaiting-sign-off', actions: 'recordRecommendation' },
      },
    },
  },
} as StageConfig);

import { CASE_MACHINE_ID, caseMachineV1 } from './case.machine';
import { caseSetup, initialContextV2 } from './case.setup';

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
  states: {
    ...v1.states,
  },
} as MachineConfig);

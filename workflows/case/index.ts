export * from './case.types';
export * from './case.machine';
export * from './case.machine.v2';
export * from './clocks';
export * from './case-states';
export * from './case.permissions';
export * from './case.rules';
export * from './case-engine';
export * from './case-machine.registry';
// Issue 12 items 3 and 8
export * from './v2/action-plan.values';
export * from './v2/documents.values';
export { actionStatus, isOpenAction } from './v2/action-plan';
export { completesAgreement, openActions, initialContext, initialContextV2 } from './case.setup';

export * from './case.types';
export * from './case.machine';
export * from './case-states';
export * from './case.permissions';
export * from './case.rules';
export * from './case-engine';
export * from './case-machine.registry';
export { completesAgreement, openActions, initialContext } from './case.setup';

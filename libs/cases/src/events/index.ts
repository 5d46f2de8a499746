export * from './event-payloads';
export * from './event-payload-registry';
export * from './audit-event-types';
export * from './event-bodies';
export * from './event-descriptions';
export * from './lcspr-managed-payloads';
export * from './event-envelope';

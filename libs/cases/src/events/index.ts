export * from './event-payloads';
export * from './action-plan-payloads'; // issue 12 items 3 and 8
export * from './event-payload-registry';
export * from './audit-event-types';
export * from './event-bodies';
export * from './event-descriptions';
export * from './lcspr-managed-payloads';
export * from './notification-payloads';
export * from './rapid-review-payloads'; // issue 12 item 1

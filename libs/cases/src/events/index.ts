export * from './event-payloads';
export * from './event-payload-registry';

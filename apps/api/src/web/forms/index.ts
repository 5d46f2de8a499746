export * from './event-form';
export * from './read-event-form';
export * from './form-errors';
export { DATE_PARTS, type DatePart } from './form-fields';

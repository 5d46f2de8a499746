export * from './event-form';
export * from './read-event-form';
export * from './form-errors';
export { DATE_PARTS, firstInputId, type DatePart, type FormField } from './form-fields';

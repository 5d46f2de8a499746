/**
 * The rulebook: statutory rules as versioned data, partnership overrides, and the deadlines they give a case.
 * Pure: no framework, no I/O, no clock; the calendar arrives through the DeadlineCalendar interface.
 */
export * from './types';
export * from './errors';
export * from './rules';
export * from './overrides';
export * from './deadlines';
export * from './rule-titles';
export * from './partnership-duties';

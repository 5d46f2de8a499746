export * from './clock';
export * from './errors/domain-error';
export * from './common.module';
export * from './validation';
export * from './field-errors';
export * from './logging/logger-options';
export * from './semaphore';
export * from './periodic-sweep';

export * from './validators';
export * from './fields';
export * from './validate-plain';
export * from './open-case.dto';
export * from './notification-codes';
export * from './notification-rules';

export * from './validators';
export * from './fields';
export * from './validate-plain';
export * from './open-case.dto';

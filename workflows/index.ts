export * from './errors';
export * from './actors';
export * from './rulebook';
export * from './case';

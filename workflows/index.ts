export * from './actors';
export * from './rulebook';

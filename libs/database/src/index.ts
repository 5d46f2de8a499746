export * from './entity-base';
export * from './is-unique-violation';
export * from './transaction-runner';
export * from './read-side';
export * from './migrations';
export * from './database.module';
export * from './column-transformers';

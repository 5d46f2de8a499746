export * from './integrity-violation';
export * from './case-invariants';
export * from './integrity-checker';

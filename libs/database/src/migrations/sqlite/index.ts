export * from './1795440032331-accounts';

export * from './1795440032331-accounts';
export * from './1795440658488-cases';
export * from './1795441442274-reminders';
export * from './1795451287293-list-indexes';
export * from './1795454728494-reminder-walk-index';
export * from './1795944118887-reminder-unfilled-roles';
export * from './1795944179193-security-limits';
export * from './1795948327806-operator-partnership';

export * from './notice-plan';
export * from './reminder-plan';
export * from './reminder.entity';
export * from './reminder-queue';
export * from './reminder-reconciler';
export * from './reminder-scheduler';
export * from './reminder-sender';
export * from './reminders.module';

export * from './mail-message';
export * from './mail.module';
export * from './nodemailer-mail-sender';
export * from './in-memory-mail-sender';
export type { RenderedMail, UnfilledRoles } from './templates/render';
export * from './templates/deadline-reminder';
export * from './templates/event-notice';
export * from './templates/duty-reminder';

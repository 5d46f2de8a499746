import { Module } from '@nestjs/common';
import { MAIL_SENDER } from './mail-message';
import { NodemailerMailSender } from './nodemailer-mail-sender';

/** Provides `MAIL_SENDER`. Needs `AppConfig` in scope (the global `AppConfigModule`). */
@Module({
  providers: [NodemailerMailSender, { provide: MAIL_SENDER, useExisting: NodemailerMailSender }],
  exports: [MAIL_SENDER],
})
export class MailModule {}

import { Test } from '@nestjs/testing';
import { AppConfig, AppConfigModule } from '@app/config';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIL_SENDER, type MailSender } from './mail-message';
import { MailModule } from './mail.module';
import { NodemailerMailSender } from './nodemailer-mail-sender';

describe('MailModule', () => {
  it('provides MAIL_SENDER as the nodemailer sender built from AppConfig, and closes it with the app', async () => {
    const outboxDir = await mkdtemp(join(tmpdir(), 'mail-module-'));
    const config = { mail: { transport: 'outbox', outboxDir, from: 'noreply@practice-review.test' } } as AppConfig;
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(config), MailModule],
    }).compile();
    try {
      const sender = moduleRef.get<MailSender>(MAIL_SENDER);
      expect(sender).toBeInstanceOf(NodemailerMailSender);
      await sender.send({
        to: ['a@lscp.test'],
        subject: 's',
        text: 't',
        html: '<p>t</p>',
        messageId: '<m-1@practice-review>',
      });
      expect(await readdir(outboxDir)).toHaveLength(1);
    } finally {
      await moduleRef.close();
      await rm(outboxDir, { recursive: true, force: true });
    }
  });
});

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { MailMessage, MailSender } from './mail-message';

const SMTP_TIMEOUT_MS = 10_000;

/** Headers on every mail: it is machine-sent, so auto-responders (and Exchange out-of-office) stay quiet. */
const AUTOMATED_HEADERS = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

/**
 * The only class that imports nodemailer. `MAIL_TRANSPORT=outbox` writes each message as one RFC 5322 `.eml`
 * file in `MAIL_OUTBOX_DIR`; `smtp` relays it to `SMTP_URL`. Either way errors propagate to the caller.
 */
@Injectable()
export class NodemailerMailSender implements MailSender, OnModuleDestroy {
  private readonly transporter: Mail;
  private readonly from: string;
  private readonly outboxDir?: string;
  /**
   * nodemailer 7 converts line endings only when `newline` is on the message itself (mail-composer reads
   * `mail.newline`); the stream transport's own `newline` option only labels its log line. Not in the typings.
   */
  private readonly composerOptions: { newline?: 'unix' } = {};

  constructor(config: AppConfig) {
    const mail = config.mail;
    this.from = mail.from;
    if (mail.transport === 'outbox') {
      this.outboxDir = mail.outboxDir;
      this.composerOptions = { newline: 'unix' };
      this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    } else {
      if (!mail.smtpUrl) throw new Error('mail.smtpUrl is required when mail.transport is "smtp"');
      // Built directly rather than via createTransport({ url, ... }): createTransport keeps only what the URL
      // says and would drop the timeouts. Query parameters in SMTP_URL still override these.
      this.transporter = nodemailer.createTransport(
        new SMTPTransport({
          url: mail.smtpUrl,
          connectionTimeout: SMTP_TIMEOUT_MS,
          greetingTimeout: SMTP_TIMEOUT_MS,
          socketTimeout: SMTP_TIMEOUT_MS,
        }),
      );
    }
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    if (message.to.length === 0) throw new Error(`mail ${message.messageId} has no recipients`);
    const info = await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: AUTOMATED_HEADERS,
      ...this.composerOptions,
    });
    if (this.outboxDir !== undefined) {
      await writeAtomically(this.outboxDir, outboxFileName(message.messageId), info.message as Buffer);
    }
    return { messageId: info.messageId ?? message.messageId };
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}

/**
 * A readable, file-system-safe name that is a pure function of the Message-ID: a re-send overwrites the same
 * file. The hash keeps two ids that sanitise alike (`a/b`, `a:b`) from sharing a file.
 */
export function outboxFileName(messageId: string): string {
  const readable = messageId
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9._@-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
  const hash = createHash('sha256').update(messageId).digest('hex').slice(0, 12);
  return `${readable}--${hash}.eml`;
}

/** Temp file (dot-prefixed, not `.eml`, so readers never see half a message), fsync, then rename over. */
async function writeAtomically(dir: string, fileName: string, content: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tempPath = join(dir, `.${fileName}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tempPath, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, join(dir, fileName));
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

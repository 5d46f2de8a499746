import type { MailMessage, MailSender } from './mail-message';

/**
 * A test double for `MAIL_SENDER`: keeps what was sent, keyed by Message-ID like the outbox (a re-send
 * replaces), and can be told to fail the next sends to exercise the caller's retries.
 */
export class InMemoryMailSender implements MailSender {
  private readonly byId = new Map<string, MailMessage>();
  private failuresLeft = 0;

  get sent(): MailMessage[] {
    return [...this.byId.values()];
  }

  failNext(times = 1): void {
    this.failuresLeft = times;
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error(`InMemoryMailSender: simulated failure sending ${message.messageId}`);
    }
    this.byId.set(message.messageId, { ...message, to: [...message.to] });
    return { messageId: message.messageId };
  }

  clear(): void {
    this.byId.clear();
    this.failuresLeft = 0;
  }
}

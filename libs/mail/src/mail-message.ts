/**
 * One mail, fully rendered. `messageId` is chosen by the caller and stable for a given notification
 * (e.g. `<reminder-<id>@practice-review>`), so a retried send carries the same Message-ID and, with the
 * outbox transport, overwrites the same file instead of adding a duplicate.
 */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * Sends one mail. Rejects on any failure: the caller (a queue job) owns the retries, so the sender never
 * swallows an error nor retries by itself.
 */
export interface MailSender {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** Injection token for the process's `MailSender`. */
export const MAIL_SENDER = Symbol('MAIL_SENDER');

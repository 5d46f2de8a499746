import { AppConfig } from '@app/config';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { MailMessage } from './mail-message';
import { NodemailerMailSender } from './nodemailer-mail-sender';
import { parseRfc5322 } from './testing/parse-rfc5322';

interface Received {
  from: string | false;
  to: string[];
  raw: string;
}

/** A real SMTP peer on a free local port that keeps every DATA it accepts, or fails DATA with 451. */
async function startPeer(
  mode: 'accept' | 'fail-data',
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const onData: SMTPServerOptions['onData'] = (stream, session, callback) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (mode === 'fail-data') {
        const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
        return callback(error);
      }
      received.push({
        from: session.envelope.mailFrom && session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  };
  const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const smtpConfig = (smtpUrl: string): AppConfig =>
  ({
    mail: { transport: 'smtp', outboxDir: '/nonexistent', smtpUrl, from: 'noreply@practice-review.test' },
  }) as AppConfig;

const message: MailMessage = {
  to: ['delegated.partner@police.test'],
  subject: '[CSPR-2026-0007] A decision awaits your sign-off',
  text: 'A decision awaits your sign-off.\n',
  html: '<p>A decision awaits your sign-off.</p>',
  messageId: '<notice-91@practice-review>',
};

describe('NodemailerMailSender with the smtp transport', () => {
  it('delivers the message to a real SMTP peer with our Message-ID, subject and envelope', async () => {
    const peer = await startPeer('accept');
    const sender = new NodemailerMailSender(smtpConfig(peer.url));
    try {
      await expect(sender.send(message)).resolves.toEqual({ messageId: '<notice-91@practice-review>' });
    } finally {
      sender.onModuleDestroy();
      await peer.close();
    }

    expect(peer.received).toHaveLength(1);
    const [delivered] = peer.received;
    expect(delivered.from).toBe('noreply@practice-review.test');
    expect(delivered.to).toEqual(['delegated.partner@police.test']);
    const parsed = parseRfc5322(delivered.raw);
    expect(parsed.headers.get('message-id')).toBe('<notice-91@practice-review>');
    expect(parsed.headers.get('subject')).toBe(message.subject);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.parts.map((p) => p.headers.get('content-type')?.split(';')[0])).toEqual(['text/plain', 'text/html']);
  });

  it('rejects when the peer answers DATA with a temporary error, so the caller can retry', async () => {
    const peer = await startPeer('fail-data');
    const sender = new NodemailerMailSender(smtpConfig(peer.url));
    try {
      await expect(sender.send(message)).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      sender.onModuleDestroy();
      await peer.close();
    }
    expect(peer.received).toHaveLength(0);
  });

  it('rejects when nothing listens at the SMTP URL', async () => {
    const peer = await startPeer('accept');
    await peer.close();
    const sender = new NodemailerMailSender(smtpConfig(peer.url));
    try {
      await expect(sender.send(message)).rejects.toMatchObject({ code: 'ESOCKET' });
    } finally {
      sender.onModuleDestroy();
    }
  });

  it('refuses to start without an SMTP URL', () => {
    expect(
      () => new NodemailerMailSender({ mail: { transport: 'smtp', outboxDir: 'x', from: 'a@b.test' } } as AppConfig),
    ).toThrow(/smtpUrl/);
  });
});

import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { freePort } from './redis-server';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
  raw: string;
}

/**
 * A real SMTP server for the tests. It can refuse the next N messages (451), or hold a message's DATA reply so a
 * test can kill the sender in the middle of a send. `stop()` takes it off the network (connections are refused, open
 * ones reset) and `restart()` puts it back on the same port, keeping what it received.
 */
export class SmtpPeer {
  readonly received: ReceivedMail[] = [];
  refuseNext = 0;
  /** When set, only messages whose raw text matches count towards (and are refused by) `refuseNext`. */
  refuseOnly?: (raw: string) => boolean;
  holdMs = 0;
  /** Messages whose DATA arrived (accepted or not). */
  dataStarted = 0;
  private readonly closedSessions = new Set<string>();
  private server!: SMTPServer;
  private readonly sockets = new Set<Socket>();
  private listening = false;
  port = 0;

  static async start(): Promise<SmtpPeer> {
    const peer = new SmtpPeer();
    peer.port = await freePort();
    await peer.listen();
    return peer;
  }

  private async listen(): Promise<void> {
    const peer = this;
    peer.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onClose: (session) => {
        peer.closedSessions.add(session.id);
      },
      onData: (stream, session, callback) => {
        peer.dataStarted++;
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          if (peer.refuseNext > 0 && (!peer.refuseOnly || peer.refuseOnly(raw))) {
            peer.refuseNext--;
            const error = new Error('Try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          const accept = () => {
            // A message counts as delivered only if its sender is still there to get the 250: SMTP's own rule.
            if (peer.closedSessions.has(session.id)) return callback(new Error('Client went away'));
            const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
            const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
            peer.received.push({
              messageId: header('Message-ID'),
              to: session.envelope.rcptTo.map((r) => r.address).sort(),
              subject: header('Subject'),
              raw,
            });
            callback();
          };
          if (peer.holdMs > 0) setTimeout(accept, peer.holdMs);
          else accept();
        });
      },
    });
    // A sender killed mid-message resets its connection; for a server that is routine, not a failure.
    peer.server.on('error', () => undefined);
    // smtp-server's own net.Server: every socket it accepts, so stop() can reset them at once.
    peer.server.server.on('connection', (socket: Socket) => {
      peer.sockets.add(socket);
      socket.once('close', () => peer.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      peer.server.server.once('error', failed);
      peer.server.listen(peer.port, '127.0.0.1', () => {
        peer.server.server.removeListener('error', failed);
        resolve();
      });
    });
    peer.listening = true;
  }

  /**
   * A full outage: stops listening (new connections are refused) and resets every open connection, without the
   * grace period smtp-server gives them. Resolves once the port is closed.
   */
  async stop(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  /** Listens again on the same port after stop(); what was received so far is kept. */
  async restart(): Promise<void> {
    if (this.listening) return;
    await this.listen();
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (Date.now() > deadline) {
        throw new Error(`SMTP peer: condition not met in ${timeoutMs} ms; received ${JSON.stringify(this.received.map((m) => m.subject))}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.received;
  }

  close(): Promise<void> {
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

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
  /** Timers of messages held before their answer (holdMs), cleared when the peer stops. */
  private readonly holds = new Set<NodeJS.Timeout>();
  private listening = false;
  port = 0;

  static async start(): Promise<SmtpPeer> {
    const peer = new SmtpPeer();
    peer.port = await freePort();
    await peer.listen();
    return peer;
  }

  private async listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
      onData: (stream, session, callback) => {
        this.dataStarted++;
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          if (this.refuseNext > 0 && (!this.refuseOnly || this.refuseOnly(raw))) {
            this.refuseNext--;
            const error = new Error('Try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          const accept = () => {
            // A message counts as delivered only if its sender is still there to get the 250: SMTP's own rule.
            if (this.closedSessions.has(session.id)) return callback(new Error('Client went away'));
            const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
            const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
            this.received.push({
              messageId: header('Message-ID'),
              to: session.envelope.rcptTo.map((r) => r.address).sort(),
              subject: header('Subject'),
              raw,
            });
            callback();
          };
          if (this.holdMs > 0) {
            const hold = setTimeout(() => {
              this.holds.delete(hold);
              accept();
            }, this.holdMs);
            this.holds.add(hold);
          } else accept();
        });
      },
    });
    // A sender killed mid-message resets its connection; for a server that is routine, not a failure.
    this.server.on('error', () => undefined);
    // smtp-server's own net.Server: every socket it accepts, so stop() can reset them at once.
    this.server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      this.server.server.once('error', failed);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.server.removeListener('error', failed);
        resolve();
      });
    });
    this.listening = true;
  }

  /**
   * A full outage: stops listening (new connections are refused) and resets every open connection, without the
   * grace period smtp-server gives them. Resolves once the port is closed.
   */
  async stop(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.dropHeldMessages();
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
        throw new Error(
          `SMTP peer: condition not met in ${timeoutMs} ms; received ${JSON.stringify(this.received.map((m) => m.subject))}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.received;
  }

  /** Messages held (holdMs) and not yet answered are never accepted: their senders are going away with the peer. */
  private dropHeldMessages(): void {
    for (const hold of this.holds) clearTimeout(hold);
    this.holds.clear();
  }

  close(): Promise<void> {
    this.dropHeldMessages();
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

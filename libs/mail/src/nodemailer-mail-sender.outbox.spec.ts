import { AppConfig } from '@app/config';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MailMessage } from './mail-message';
import { NodemailerMailSender, outboxFileName } from './nodemailer-mail-sender';
import { parseRfc5322 } from './testing/parse-rfc5322';

function outboxConfig(outboxDir: string): AppConfig {
  return {
    mail: { transport: 'outbox', outboxDir, from: 'practice-review <noreply@practice-review.test>' },
  } as AppConfig;
}

const message = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  to: ['business.unit@lscp.test', 'subgroup@lscp.test'],
  subject: '[CSPR-2026-0007] Notify the Panel: due in 2 working days (Mon 12 Jan 2026)',
  text: 'Case: CSPR-2026-0007\nOpen case CSPR-2026-0007: https://review.test/cases/abc\n',
  html: '<p>Case: CSPR-2026-0007</p><p><a href="https://review.test/cases/abc">Open case</a></p>',
  messageId: '<reminder-4f1c@practice-review>',
  ...overrides,
});

describe('NodemailerMailSender with the outbox transport', () => {
  let root: string;
  let outboxDir: string;
  let sender: NodemailerMailSender;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mail-outbox-'));
    outboxDir = join(root, 'not', 'yet', 'created');
    sender = new NodemailerMailSender(outboxConfig(outboxDir));
  });

  afterEach(async () => {
    sender.onModuleDestroy();
    await rm(root, { recursive: true, force: true });
  });

  it('writes exactly one .eml file per message, creating the outbox folder, that parses as RFC 5322 multipart', async () => {
    const result = await sender.send(message());

    expect(result.messageId).toBe('<reminder-4f1c@practice-review>');
    const files = await readdir(outboxDir);
    expect(files).toEqual([outboxFileName('<reminder-4f1c@practice-review>')]);
    expect(files[0]).toMatch(/^reminder-4f1c@practice-review--[0-9a-f]{12}\.eml$/);

    const raw = await readFile(join(outboxDir, files[0]), 'utf8');
    expect(raw).not.toContain('\r\n');
    const parsed = parseRfc5322(raw);
    expect(parsed.headers.get('from')).toBe('"practice-review" <noreply@practice-review.test>');
    expect(parsed.headers.get('to')).toBe('business.unit@lscp.test, subgroup@lscp.test');
    expect(parsed.headers.get('subject')).toBe(message().subject);
    expect(parsed.headers.get('message-id')).toBe('<reminder-4f1c@practice-review>');
    expect(Number.isNaN(Date.parse(parsed.headers.get('date') ?? ''))).toBe(false);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.headers.get('content-type')).toMatch(/^multipart\/alternative;/);

    const byType = new Map(parsed.parts.map((p) => [p.headers.get('content-type')?.split(';')[0], p.body]));
    expect([...byType.keys()]).toEqual(['text/plain', 'text/html']);
    expect(byType.get('text/plain')).toBe(message().text);
    expect(byType.get('text/html')).toBe(message().html);
  });

  it('overwrites the same file when the same Message-ID is sent again, leaving no temp files', async () => {
    await sender.send(message({ subject: 'first attempt' }));
    await sender.send(message({ subject: 'retried attempt' }));

    const files = await readdir(outboxDir);
    expect(files).toHaveLength(1);
    const parsed = parseRfc5322(await readFile(join(outboxDir, files[0]), 'utf8'));
    expect(parsed.headers.get('subject')).toBe('retried attempt');
  });

  it('writes one file per distinct Message-ID, even when they sanitise to the same text', async () => {
    await sender.send(message({ messageId: '<reminder/1@practice-review>' }));
    await sender.send(message({ messageId: '<reminder:1@practice-review>' }));
    await sender.send(message({ messageId: '<../../etc/passwd>' }));

    const files = (await readdir(outboxDir)).sort();
    expect(files).toHaveLength(3);
    for (const file of files) expect(file).toMatch(/^[A-Za-z0-9_@-][A-Za-z0-9._@-]*\.eml$/);
  });

  it('rejects when the outbox cannot be written', async () => {
    const blocker = join(root, 'a-file');
    await writeFile(blocker, 'not a folder');
    const blocked = new NodemailerMailSender(outboxConfig(join(blocker, 'outbox')));
    try {
      await expect(blocked.send(message())).rejects.toThrow();
    } finally {
      blocked.onModuleDestroy();
    }
  });

  it('rejects a message without recipients', async () => {
    await expect(sender.send(message({ to: [] }))).rejects.toThrow(/no recipients/);
  });
});

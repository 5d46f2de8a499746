import { InMemoryMailSender } from './in-memory-mail-sender';

describe('InMemoryMailSender', () => {
  const message = {
    to: ['a@lscp.test'],
    subject: 's',
    text: 't',
    html: '<p>t</p>',
    messageId: '<r-1@practice-review>',
  };

  it('keeps one message per Message-ID and can fail the next sends to exercise retries', async () => {
    const sender = new InMemoryMailSender();
    sender.failNext();
    await expect(sender.send(message)).rejects.toThrow(/simulated failure/);
    await sender.send(message);
    await sender.send({ ...message, subject: 'again' });
    expect(sender.sent).toEqual([{ ...message, subject: 'again' }]);
  });
});

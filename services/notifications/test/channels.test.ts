import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { emailChannel } from '../src/channels/email.ts';
import { logChannel } from '../src/channels/log.ts';

const message = { notificationId: 'n-1', recipient: 'ada@example.com', subject: 'Hi', body: '<p>Hello</p>', format: 'html' as const };

test('without SMTP_URL email goes through nodemailer jsonTransport and still gets a message id', async () => {
  const channel = emailChannel({ from: 'Shop <shop@example.com>', timeoutMs: 1000 });
  const { providerMessageId } = await channel.send(message);
  assert.match(providerMessageId, /^<.+@.+>$/);
  await channel.close?.();
});

test('an unreachable SMTP server makes the send fail (so it is retried)', async () => {
  const channel = emailChannel({ smtpUrl: 'smtp://127.0.0.1:1', from: 'shop@example.com', timeoutMs: 1000 });
  await assert.rejects(channel.send(message));
  await channel.close?.();
});

test('the log provider records the message and returns a log id', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const { providerMessageId } = await logChannel('sms', logger).send({ ...message, recipient: '+34600111222', format: 'text' });
  assert.match(providerMessageId, /^log-/);
  assert.equal(lines.length, 1);
  assert.equal(JSON.parse(lines[0]!).providerMessageId, providerMessageId);
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { TestPlatform, apiClient, identityHeaders, type ApiClient } from '@emporium/kit/testing';
import type { EventData, EventType } from '@emporium/contracts';
import { service } from '../src/app.ts';
import { notifications } from '../src/db/schema.ts';
import { TestSmtp, waitFor } from './smtp.ts';

// The users service's account emails: rendered, sent over real SMTP, and their links kept from staff eyes.
const staff = { headers: identityHeaders({ userId: 'staff-1', roles: 'staff' }) };

let smtp: TestSmtp;
let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  smtp = new TestSmtp();
  await smtp.start();
  platform = await TestPlatform.start([service], { env: { notifications: { SMTP_URL: smtp.url() } } });
  api = apiClient(platform.url('notifications'));
});

after(async () => {
  await platform.stop();
  await smtp.stop();
});

async function publish<T extends EventType>(type: T, data: EventData<T>) {
  const event = { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), source: 'users', data };
  await platform.service('notifications').deps.bus.publish(event);
  return event;
}

test('a reset link reaches the account holder; staff and the database never see it once sent', async () => {
  const userId = randomUUID();
  const secret = `secret-${randomUUID()}`;
  const resetUrl = `https://shop.example/account/reset-password?token=${secret}`;
  const event = await publish('user.password_reset_requested', { userId, email: 'reset@example.com', resetUrl, expiresAt: '2030-01-02T03:04:05.000Z' });

  const mail = await waitFor('reset email', () => smtp.matching(secret)[0]);
  assert.deepEqual(mail.to, ['reset@example.com']);
  assert.match(mail.text, /Subject: Reset your password/);
  assert.ok(mail.text.includes(`href="${resetUrl}"`), 'the link is in the html part');
  assert.match(mail.text, /Jan 2, 2030/);

  const sent = await waitFor('sent record', async () => (await api.get(`/notifications/${userId}`, staff)).body.items.find((n: { eventId: string; status: string }) => n.eventId === event.id && n.status === 'sent'));
  assert.equal(sent.eventType, 'user.password_reset_requested');
  assert.ok(!JSON.stringify(sent).includes(secret), 'the API withholds the body');
  const deliveries = await api.get('/notifications/deliveries?limit=100', staff);
  assert.ok(!JSON.stringify(deliveries.body).includes(secret));
  const { db } = platform.service('notifications').deps;
  const [row] = await waitFor('wiped body', async () => {
    const rows = await db.select().from(notifications).where(eq(notifications.eventId, event.id));
    return rows[0] && !rows[0].body.includes(secret) ? rows : undefined;
  });
  assert.match(row!.body, /withheld/);
});

test('verification, existing-account and password-changed emails name their links', async () => {
  const userId = randomUUID();
  const verifyUrl = `https://shop.example/account/verify-email?token=v-${randomUUID()}`;
  await publish('user.email_verification_requested', { userId, email: 'new@example.com', verifyUrl, expiresAt: '2030-01-02T03:04:05.000Z' });
  const verify = await waitFor('verification email', () => smtp.matching(verifyUrl)[0]);
  assert.match(verify.text, /Subject: Confirm your email address/);

  const marker = randomUUID();
  const forgotPasswordUrl = `https://shop.example/account/forgot-password?m=${marker}`;
  await publish('user.signup_with_existing_email', { userId, email: 'known@example.com', signInUrl: 'https://shop.example/account/sign-in', forgotPasswordUrl });
  const existing = await waitFor('existing-account email', () => smtp.matching(forgotPasswordUrl).find((m) => m.to.includes('known@example.com')));
  assert.match(existing.text, /Subject: You already have an account/);
  assert.ok(existing.text.includes('https://shop.example/account/sign-in'));

  await publish('user.password_changed', { userId, email: 'changed@example.com', forgotPasswordUrl });
  const changed = await waitFor('password-changed email', () => smtp.matching(forgotPasswordUrl).find((m) => m.to.includes('changed@example.com')));
  assert.match(changed.text, /Subject: Your password was changed/);
  // Only links that sign someone in are withheld; a notice is shown as sent.
  const history = await waitFor('history', async () => {
    const items = (await api.get(`/notifications/${userId}`, staff)).body.items as Array<{ eventType: string; body: string; status: string }>;
    return items.length === 3 && items.every((n) => n.status === 'sent') ? items : undefined;
  });
  assert.ok(history.find((n) => n.eventType === 'user.password_changed')!.body.includes(forgotPasswordUrl));
  assert.ok(!history.find((n) => n.eventType === 'user.email_verification_requested')!.body.includes(verifyUrl));
});

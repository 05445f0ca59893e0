import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { processedEvents } from '@emporium/kit';
import { TestPlatform, apiClient, identityHeaders, type ApiClient } from '@emporium/kit/testing';
import type { EventData, EventEnvelope, EventType } from '@emporium/contracts';
import { service } from '../src/app.ts';
import { TestSmtp, waitFor } from './smtp.ts';

const STAFF_EMAIL = 'staff@emporium.test';
const staff = { headers: identityHeaders({ userId: 'staff-1', roles: 'staff', email: 'staff@emporium.test' }) };
const customer = (userId: string) => ({ headers: identityHeaders({ userId, roles: 'customer' }) });

let smtp: TestSmtp;
let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  smtp = new TestSmtp();
  await smtp.start();
  platform = await TestPlatform.start([service], {
    env: { notifications: { SMTP_URL: smtp.url(), STAFF_EMAIL, RETRY_BASE_MS: '500', RETRY_MAX_MS: '2000', RETRY_POLL_MS: '100' } },
  });
  api = apiClient(platform.url('notifications'));
});

after(async () => {
  await platform.stop();
  await smtp.stop();
});

/** Publishes an event onto the bus the way another service's outbox relay would. */
async function publish<T extends EventType>(type: T, data: EventData<T>, id: string = randomUUID()): Promise<EventEnvelope<EventData<T>>> {
  const event = { id, type, version: 1, occurredAt: new Date().toISOString(), source: 'test', data };
  await platform.service('notifications').deps.bus.publish(event);
  return event;
}

const newOrderId = () => `ord-${randomUUID().slice(0, 8)}`;
const newUser = () => `user-${randomUUID().slice(0, 8)}`;

async function historyOf(userId: string) {
  const res = await api.get(`/notifications/${userId}`, staff);
  assert.equal(res.status, 200);
  return res.body.items as Array<Record<string, any>>;
}

/** The user's notification for an event once it reached `status`. */
function notificationFor(userId: string, eventId: string, status: string) {
  return waitFor(`notification ${eventId} ${status}`, async () => (await historyOf(userId)).find((n) => n.eventId === eventId && n.status === status));
}

function paid(orderId: string, userId: string, email: string, total = 123456): EventData<'order.paid'> {
  return { orderId, userId, email, total, currency: 'USD', lines: [{ sku: 'MUG-1', quantity: 2, unitPrice: total / 2 }], paymentId: `pay-${orderId}` };
}

test('order.paid sends a confirmation email with the order id and formatted total', async () => {
  const orderId = newOrderId();
  const userId = newUser();
  const event = await publish('order.paid', paid(orderId, userId, 'ada@example.com'));
  const mail = await waitFor('confirmation email', () => smtp.matching(orderId)[0]);
  assert.deepEqual(mail.to, ['ada@example.com']);
  assert.match(mail.text, new RegExp(`Subject: Order ${orderId} confirmed`));
  assert.ok(mail.text.includes('$1,234.56'), 'total formatted from minor units');
  assert.equal(mail.from, 'shop@emporium.local');
  const record = await notificationFor(userId, event.id, 'sent');
  assert.equal(record.channel, 'email');
  assert.equal(record.eventType, 'order.paid');
  assert.equal(record.attempts, 1);
  assert.ok(record.sentAt && record.providerMessageId);
});

test('the same event delivered twice sends one email', async () => {
  const orderId = newOrderId();
  const userId = newUser();
  const event = await publish('order.paid', paid(orderId, userId, 'twice@example.com', 5000));
  await publish('order.paid', event.data, event.id);
  // A later event for the same user: once its email is out, the duplicate has long been handled.
  const marker = await publish('order.shipped', { orderId, userId, email: 'twice@example.com', carrier: 'DHL', trackingNumber: 'TRACK-MARK' });
  await notificationFor(userId, marker.id, 'sent');
  await notificationFor(userId, event.id, 'sent');
  await platform.drainBus();
  assert.equal(smtp.matching(`Order ${orderId} confirmed`).length, 1);
  assert.equal((await historyOf(userId)).filter((n) => n.eventId === event.id).length, 1);
});

test('an email that fails while SMTP is down is marked failed, then sent when it is back', async () => {
  const orderId = newOrderId();
  const userId = newUser();
  await smtp.stop();
  let event: EventEnvelope;
  try {
    event = await publish('order.shipped', { orderId, userId, email: 'later@example.com', carrier: 'UPS', trackingNumber: '1Z-LATER' });
    const failed = await waitFor('failed delivery', async () => {
      const res = await api.get('/notifications/deliveries?status=failed&limit=100', staff);
      assert.equal(res.status, 200);
      return (res.body.items as Array<Record<string, any>>).find((n) => n.eventId === event.id);
    });
    assert.ok(failed.lastError, 'the error is recorded');
    assert.ok(failed.attempts >= 1);
    assert.equal(smtp.matching(orderId).length, 0);
  } finally {
    await smtp.start(); // same port as before
  }
  const mail = await waitFor('retried email', () => smtp.matching(orderId)[0]);
  assert.ok(mail.text.includes('1Z-LATER') && mail.text.includes('UPS'));
  const sent = await notificationFor(userId, event.id, 'sent');
  assert.ok(sent.attempts >= 2);
  assert.equal(sent.lastError, null);
});

test('a stored template overrides the built-in one; deleting it restores the built-in', async () => {
  const path = '/notifications/templates/order.shipped/email/en';
  const put = await api.put(path, { subject: 'On its way: {{orderId}} with {{carrier}}', body: '<p>Carrier {{carrier}}, tracking {{trackingNumber}}</p>' }, staff);
  assert.equal(put.status, 200);
  assert.equal(put.body.source, 'override');
  assert.equal(put.body.format, 'html');
  const listed = await api.get('/notifications/templates', staff);
  const effective = listed.body.items.filter((t: any) => t.eventType === 'order.shipped' && t.channel === 'email' && t.locale === 'en');
  assert.equal(effective.length, 1);
  assert.equal(effective[0].source, 'override');

  const orderId = newOrderId();
  await publish('order.shipped', { orderId, userId: newUser(), email: 'tpl@example.com', carrier: 'Fast & <Co>', trackingNumber: 'T-1' });
  const mail = await waitFor('overridden email', () => smtp.matching(orderId)[0]);
  assert.match(mail.text, new RegExp(`Subject: On its way: ${orderId} with Fast & <Co>`));
  assert.ok(mail.text.includes('Carrier Fast &amp; &lt;Co&gt;, tracking T-1'), 'html body escapes values');

  assert.equal((await api.delete(path, staff)).status, 204);
  assert.equal((await api.delete(path, staff)).status, 404);
  const after = await api.get('/notifications/templates', staff);
  assert.equal(after.body.items.find((t: any) => t.eventType === 'order.shipped' && t.locale === 'en').source, 'builtin');
});

test('a template using an unknown variable is rejected and not stored', async () => {
  const res = await api.put('/notifications/templates/order.refunded/email/es', { subject: 'Reembolso {{orderId}}', body: '{{amount}} {{coupon}}' }, staff);
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  assert.deepEqual(res.body.missing, ['coupon']);
  assert.ok(res.body.allowed.includes('amount'));
  const listed = await api.get('/notifications/templates', staff);
  assert.equal(listed.body.items.find((t: any) => t.eventType === 'order.refunded' && t.locale === 'es').source, 'builtin');
});

test('templates are staff-only and reject bad keys and bodies', async () => {
  assert.equal((await api.get('/notifications/templates')).status, 401);
  assert.equal((await api.get('/notifications/templates', customer('c1'))).status, 403);
  assert.equal((await api.put('/notifications/templates/order.paid/email/en', { subject: 'x', body: 'y' }, customer('c1'))).status, 403);
  const badChannel = await api.put('/notifications/templates/order.paid/fax/en', { subject: 'x', body: 'y' }, staff);
  assert.equal(badChannel.status, 400);
  assert.ok(badChannel.body.errors.some((e: any) => e.field === 'params.channel'));
  const badEvent = await api.put('/notifications/templates/order.lost/email/en', { subject: 'x', body: 'y' }, staff);
  assert.equal(badEvent.status, 400);
  const missingBody = await api.put('/notifications/templates/order.paid/email/en', { subject: 'x' }, staff);
  assert.equal(missingBody.status, 400);
  assert.ok(missingBody.body.errors.some((e: any) => e.field === 'body.body'));
  const htmlSms = await api.put('/notifications/templates/order.paid/sms/en', { subject: 'x', body: 'y', format: 'html' }, staff);
  assert.equal(htmlSms.status, 400);
});

test('a user history is visible to that user and staff only', async () => {
  const userId = newUser();
  const first = await publish('order.payment_failed', { orderId: newOrderId(), userId, email: 'h@example.com', reason: 'card_declined' });
  const second = await publish('order.cancelled', { orderId: newOrderId(), userId, email: 'h@example.com', reason: 'payment failed' });
  await notificationFor(userId, first.id, 'sent');
  await notificationFor(userId, second.id, 'sent');

  const own = await api.get(`/notifications/${userId}`, customer(userId));
  assert.equal(own.status, 200);
  assert.equal(own.body.total, 2);
  assert.ok(own.body.items.every((n: any) => n.userId === userId));
  assert.ok(own.body.items[0].createdAt >= own.body.items[1].createdAt, 'newest first');

  const page = await api.get(`/notifications/${userId}?limit=1&offset=1`, customer(userId));
  assert.equal(page.body.items.length, 1);
  assert.equal(page.body.items[0].id, own.body.items[1].id);

  assert.equal((await api.get(`/notifications/${userId}`, customer('someone-else'))).status, 403);
  assert.equal((await api.get(`/notifications/${userId}`)).status, 401);
  assert.equal((await api.get(`/notifications/${userId}`, { headers: identityHeaders({ userId: 'a1', roles: 'admin' }) })).status, 200);
  assert.equal((await api.get(`/notifications/${userId}?limit=0`, customer(userId))).status, 400);
});

test('low stock alerts go to the staff address', async () => {
  const sku = `SKU-${randomUUID().slice(0, 6)}`;
  await publish('inventory.low_stock', { sku, warehouseId: 'wh-main', available: 2, threshold: 10 });
  const mail = await waitFor('low stock email', () => smtp.matching(sku)[0]);
  assert.deepEqual(mail.to, [STAFF_EMAIL]);
  assert.match(mail.text, new RegExp(`Subject: Low stock: ${sku}`));
});

test('an order event without an email is consumed without a notification', async () => {
  const userId = newUser();
  const event = await publish('order.refunded', { orderId: newOrderId(), userId, email: null, amount: 500, currency: 'EUR' });
  const db = platform.service('notifications').deps.db;
  await waitFor('event processed', async () => (await db.select().from(processedEvents).where(eq(processedEvents.eventId, event.id))).length > 0);
  assert.deepEqual(await historyOf(userId), []);
});

test('staff send a manual email; the Idempotency-Key replays instead of sending twice', async () => {
  const userId = newUser();
  const marker = `manual-${randomUUID().slice(0, 8)}`;
  const message = { channel: 'email', recipient: 'manual@example.com', subject: `Hello ${marker}`, body: 'Your parcel is ready', userId };
  const idem = { headers: { ...staff.headers, 'idempotency-key': marker } };
  const first = await api.post('/notifications/send', message, idem);
  assert.equal(first.status, 202);
  assert.equal(first.body.eventType, 'manual');
  const again = await api.post('/notifications/send', message, idem);
  assert.equal(again.status, 202);
  assert.equal(again.body.id, first.body.id);
  const reused = await api.post('/notifications/send', { ...message, body: 'something else' }, idem);
  assert.equal(reused.status, 422); // Stripe's rule: the same key with another request

  await waitFor('manual email', () => smtp.matching(marker)[0]);
  await waitFor('manual sent', async () => (await historyOf(userId)).find((n) => n.id === first.body.id && n.status === 'sent'));
  assert.equal(smtp.matching(marker).length, 1);
  assert.equal((await api.post('/notifications/send', message, customer(userId))).status, 403);
});

test('SMS goes through the log provider and is recorded as sent', async () => {
  const userId = newUser();
  const res = await api.post('/notifications/send', { channel: 'sms', recipient: '+34600111222', body: 'Your code is 1234', userId }, staff);
  assert.equal(res.status, 202);
  const sent = await waitFor('sms sent', async () => (await historyOf(userId)).find((n) => n.id === res.body.id && n.status === 'sent'));
  assert.match(sent.providerMessageId, /^log-/);
  assert.equal(sent.channel, 'sms');
});

test('bad manual messages are 400 and nothing is written', async () => {
  const before = await api.get('/notifications/deliveries?limit=1', staff);
  const cases: Array<[unknown, string]> = [
    [{ channel: 'email', subject: 's', body: 'b' }, 'body.recipient'],
    [{ channel: 'email', recipient: 'not-an-email', subject: 's', body: 'b' }, 'body.recipient'],
    [{ channel: 'email', recipient: 'a@b.co', subject: 'x'.repeat(301), body: 'b' }, 'body.subject'],
    [{ channel: 'email', recipient: 'a@b.co', subject: 's', body: 42 }, 'body.body'],
    [{ channel: 'sms', recipient: '600111222', body: 'b' }, 'body.recipient'],
    [{ channel: 'sms', recipient: '+34600111222', body: 'x'.repeat(1601) }, 'body.body'],
  ];
  for (const [body, field] of cases) {
    const res = await api.post('/notifications/send', body, staff);
    assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
    assert.ok(res.body.errors.some((e: any) => e.field === field), `${field} in ${res.body.detail}`);
  }
  assert.equal((await api.post('/notifications/send', { channel: 'fax', recipient: 'x', body: 'b' }, staff)).status, 400);
  assert.equal((await api.get('/notifications/deliveries?status=lost', staff)).status, 400);
  const afterwards = await api.get('/notifications/deliveries?limit=1', staff);
  assert.equal(afterwards.body.total, before.body.total);
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startFakeStripe, STRIPE_TEST_TOKENS, type FakeStripe } from './fakes/fake-stripe.ts';
import { STAFF, authorizeBody, startPayments, withKey, type PaymentsHarness } from './helpers.ts';

let fake: FakeStripe;
let h: PaymentsHarness;
before(async () => {
  fake = await startFakeStripe();
  h = await startPayments({
    PAYMENT_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_emporium',
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_API_BASE: fake.url,
    PROVIDER_TIMEOUT_MS: '2000',
  });
});
after(async () => {
  await h.platform.stop();
  await fake.close();
});

const tokenBody = (token: string, overrides: Record<string, unknown> = {}) => authorizeBody({ method: { token }, ...overrides });
const payment = async (paymentId: string) => (await h.api.get(`/payments/${paymentId}`, { headers: STAFF })).body;
const webhookUrl = () => `${h.platform.url('payments')}/payments/webhooks/stripe`;

test('stripe: authorize and capture through the Stripe API, with an invoice', async () => {
  const auth = await h.api.post('/internal/payments/authorize', tokenBody(STRIPE_TEST_TOKENS.visa), withKey());
  assert.equal(auth.status, 201, JSON.stringify(auth.body));
  const stored = await payment(auth.body.paymentId);
  assert.equal(stored.provider, 'stripe');
  assert.match(stored.providerRef, /^pi_/);
  assert.equal(fake.paymentIntent(stored.providerRef)?.status, 'requires_capture');

  const capture = await h.api.post(`/internal/payments/${auth.body.paymentId}/capture`, undefined, withKey());
  assert.equal(capture.status, 200);
  assert.equal(fake.paymentIntent(stored.providerRef)?.status, 'succeeded');
  const invoice = await h.api.get(`/payments/invoices/${capture.body.invoiceId}`, { headers: STAFF });
  assert.match(invoice.body.number, /^INV-\d{4}-\d{6}$/);

  const refund = await h.api.post(`/internal/payments/${auth.body.paymentId}/refund`, { amount: 500 }, withKey());
  assert.deepEqual(refund.body, { paymentId: auth.body.paymentId, status: 'partially_refunded', refundedAmount: 500 });
  assert.equal(fake.stats.refunds, 1);
});

test('stripe: declines map to 402 codes and failed intents', async () => {
  for (const [token, code] of [[STRIPE_TEST_TOKENS.declined, 'card_declined'], [STRIPE_TEST_TOKENS.insufficientFunds, 'insufficient_funds']] as const) {
    const body = tokenBody(token);
    const res = await h.api.post('/internal/payments/authorize', body, withKey());
    assert.equal(res.status, 402);
    assert.equal(res.body.code, code);
    assert.equal((await payment(res.body.paymentId)).status, 'failed');
    assert.equal(await h.count('invoices', `order_id = '${body.orderId}'`), 0);
  }
});

test('stripe: an idempotent replay does not call Stripe again', async () => {
  const key = randomUUID();
  const body = tokenBody(STRIPE_TEST_TOKENS.visa);
  const first = await h.api.post('/internal/payments/authorize', body, withKey(key));
  const created = fake.stats.paymentIntents;
  const requests = fake.stats.requests;
  const second = await h.api.post('/internal/payments/authorize', body, withKey(key));
  assert.equal(second.body.paymentId, first.body.paymentId);
  assert.equal(fake.stats.paymentIntents, created);
  assert.equal(fake.stats.requests, requests);
});

test('stripe: a signed webhook is applied, a tampered one is rejected', async () => {
  const auth = await h.api.post('/internal/payments/authorize', tokenBody(STRIPE_TEST_TOKENS.visa), withKey());
  const { providerRef } = await payment(auth.body.paymentId);
  const event = { type: 'payment_intent.canceled', data: { object: { id: providerRef, object: 'payment_intent', status: 'canceled' } } };

  const { rawBody, headers } = fake.signWebhook(event);
  const tampered = await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody.replace('canceled', 'succeeded') });
  assert.equal(tampered.status, 400);
  assert.equal((await payment(auth.body.paymentId)).status, 'authorized');

  const delivery = await fake.sendWebhook(webhookUrl(), event);
  assert.equal(delivery.status, 200, delivery.responseBody);
  assert.equal(JSON.parse(delivery.responseBody).applied, true);
  assert.equal((await payment(auth.body.paymentId)).status, 'voided');
});

test('stripe: a webhook reporting a capture made elsewhere issues the invoice', async () => {
  const auth = await h.api.post('/internal/payments/authorize', tokenBody(STRIPE_TEST_TOKENS.visa), withKey());
  const { providerRef, orderId } = await payment(auth.body.paymentId);
  const delivery = await fake.sendWebhook(webhookUrl(), { type: 'payment_intent.succeeded', data: { object: { id: providerRef, object: 'payment_intent', status: 'succeeded' } } });
  assert.equal(delivery.status, 200);
  assert.equal((await payment(auth.body.paymentId)).status, 'captured');
  assert.equal(await h.count('invoices', `order_id = '${orderId}'`), 1);
});

test('stripe: 5xx from Stripe is 503; the retry with the same key completes without a second charge', async () => {
  const key = randomUUID();
  const body = tokenBody(STRIPE_TEST_TOKENS.visa);
  fake.setFailure(500);
  try {
    const down = await h.api.post('/internal/payments/authorize', body, withKey(key));
    assert.equal(down.status, 503);
    const [intent] = (await h.api.get(`/internal/payments/by-order/${body.orderId}`)).body.items;
    assert.equal(intent.status, 'requires_authorization');
  } finally {
    fake.setFailure(null);
  }
  const charges = fake.stats.charges;
  const retry = await h.api.post('/internal/payments/authorize', body, withKey(key));
  assert.equal(retry.status, 201);
  assert.equal(fake.stats.charges, charges + 1);
  assert.equal(await h.count('payment_intents', `order_id = '${body.orderId}'`), 1);
  const capture = await h.api.post(`/internal/payments/${retry.body.paymentId}/capture`, undefined, withKey());
  assert.equal(capture.status, 200);
});

test('stripe: Stripe unreachable is 503; the intent is not failed and has no invoice', async () => {
  const auth = await h.api.post('/internal/payments/authorize', tokenBody(STRIPE_TEST_TOKENS.visa), withKey());
  assert.equal(auth.status, 201);
  await fake.close();
  const body = tokenBody(STRIPE_TEST_TOKENS.visa);
  const down = await h.api.post('/internal/payments/authorize', body, withKey());
  assert.equal(down.status, 503);
  assert.equal(down.body.code, 'provider_unavailable');
  assert.equal((await payment(down.body.paymentId)).status, 'requires_authorization');
  const capture = await h.api.post(`/internal/payments/${auth.body.paymentId}/capture`, undefined, withKey());
  assert.equal(capture.status, 503);
  assert.equal((await payment(auth.body.paymentId)).status, 'authorized');
  assert.equal(await h.count('invoices', `payment_id = '${auth.body.paymentId}'`), 0);
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startFakeMercadoPago, MERCADOPAGO_TEST_TOKENS, type FakeMercadoPago } from './fakes/fake-mercadopago.ts';
import { STAFF, authorizeBody, startPayments, withKey, type PaymentsHarness } from './helpers.ts';

let fake: FakeMercadoPago;
let h: PaymentsHarness;
before(async () => {
  fake = await startFakeMercadoPago({ currency: 'BRL' });
  h = await startPayments({
    PAYMENT_PROVIDER: 'mercadopago',
    MERCADOPAGO_ACCESS_TOKEN: fake.accessToken,
    MERCADOPAGO_WEBHOOK_SECRET: fake.webhookSecret,
    MERCADOPAGO_API_BASE: fake.url,
    PROVIDER_TIMEOUT_MS: '2000',
  });
});
after(async () => {
  await h.platform.stop();
  await fake.close();
});

const tokenBody = (token: string) => authorizeBody({ currency: 'BRL', amount: 4990, method: { token } });
const payment = async (paymentId: string) => (await h.api.get(`/payments/${paymentId}`, { headers: STAFF })).body;
const webhookUrl = () => `${h.platform.url('payments')}/payments/webhooks/mercadopago`;

test('mercadopago: authorize, capture and refund through the API, decimal amounts on the wire', async () => {
  const auth = await h.api.post('/internal/payments/authorize', tokenBody(MERCADOPAGO_TEST_TOKENS.approved), withKey());
  assert.equal(auth.status, 201, JSON.stringify(auth.body));
  const { providerRef } = await payment(auth.body.paymentId);
  assert.equal(fake.payment(providerRef)?.status, 'authorized');
  assert.equal(fake.payment(providerRef)?.transaction_amount, 49.9);

  const capture = await h.api.post(`/internal/payments/${auth.body.paymentId}/capture`, undefined, withKey());
  assert.equal(capture.status, 200);
  assert.equal(fake.payment(providerRef)?.status, 'approved');
  assert.equal((await h.api.get(`/payments/invoices/${capture.body.invoiceId}`, { headers: STAFF })).body.currency, 'BRL');

  const refund = await h.api.post(`/internal/payments/${auth.body.paymentId}/refund`, { amount: 4990 }, withKey());
  assert.deepEqual(refund.body, { paymentId: auth.body.paymentId, status: 'refunded', refundedAmount: 4990 });
  assert.equal(fake.payment(providerRef)?.status, 'refunded');
});

test('mercadopago: declines map to 402 codes', async () => {
  for (const [token, code] of [[MERCADOPAGO_TEST_TOKENS.declined, 'card_declined'], [MERCADOPAGO_TEST_TOKENS.insufficientFunds, 'insufficient_funds']] as const) {
    const res = await h.api.post('/internal/payments/authorize', tokenBody(token), withKey());
    assert.equal(res.status, 402);
    assert.equal(res.body.code, code);
    assert.equal((await payment(res.body.paymentId)).status, 'failed');
  }
});

test('mercadopago: an idempotent replay does not call MercadoPago again', async () => {
  const key = randomUUID();
  const body = tokenBody(MERCADOPAGO_TEST_TOKENS.approved);
  const first = await h.api.post('/internal/payments/authorize', body, withKey(key));
  const requests = fake.stats.requests;
  const second = await h.api.post('/internal/payments/authorize', body, withKey(key));
  assert.equal(second.body.paymentId, first.body.paymentId);
  assert.equal(fake.stats.requests, requests);
});

test('mercadopago: a signed webhook is accepted once, a tampered one is rejected', async () => {
  const auth = await h.api.post('/internal/payments/authorize', tokenBody(MERCADOPAGO_TEST_TOKENS.approved), withKey());
  const { providerRef } = await payment(auth.body.paymentId);
  const event = { action: 'payment.updated', data: { id: providerRef } };

  const { rawBody, headers } = fake.signWebhook(event);
  const tampered = await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody.replace(providerRef, '1') });
  assert.equal(tampered.status, 400);
  const unsigned = await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: rawBody });
  assert.equal(unsigned.status, 400);

  const delivery = await fake.sendWebhook(webhookUrl(), event);
  assert.equal(delivery.status, 200, delivery.responseBody);
  const result = JSON.parse(delivery.responseBody);
  assert.equal(result.paymentId, auth.body.paymentId);
  assert.equal(await h.count('webhook_events', `provider = 'mercadopago' and event_id = '${result.eventId}'`), 1);
});

test('mercadopago: 5xx is 503 and a retry with the same key completes', async () => {
  const key = randomUUID();
  const body = tokenBody(MERCADOPAGO_TEST_TOKENS.approved);
  fake.setFailure(503);
  try {
    assert.equal((await h.api.post('/internal/payments/authorize', body, withKey(key))).status, 503);
  } finally {
    fake.setFailure(null);
  }
  const retry = await h.api.post('/internal/payments/authorize', body, withKey(key));
  assert.equal(retry.status, 201);
  assert.equal(await h.count('payment_intents', `order_id = '${body.orderId}'`), 1);
});

test('mercadopago: unreachable is 503; the intent is not failed and has no invoice', async () => {
  await fake.close();
  const body = tokenBody(MERCADOPAGO_TEST_TOKENS.approved);
  const down = await h.api.post('/internal/payments/authorize', body, withKey());
  assert.equal(down.status, 503);
  assert.equal((await payment(down.body.paymentId)).status, 'requires_authorization');
  assert.equal(await h.count('invoices', `order_id = '${body.orderId}'`), 0);
});

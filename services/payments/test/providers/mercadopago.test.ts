import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { testCard } from '@emporium/kit/testing';
import { MercadoPagoProvider } from '../../src/providers/mercadopago.ts';
import { startFakeMercadoPago, MERCADOPAGO_TEST_TOKENS, type FakeMercadoPago } from '../fakes/fake-mercadopago.ts';
import { runProviderContract } from './provider-contract.ts';

// Well above a busy machine's latency (300 ms failed under load); the slow fake answers 10× later.
const TIMEOUT_MS = 1_500;

function providerFor(fake: FakeMercadoPago, overrides: Partial<ConstructorParameters<typeof MercadoPagoProvider>[0]> = {}): MercadoPagoProvider {
  return new MercadoPagoProvider({
    accessToken: fake.accessToken,
    webhookSecret: fake.webhookSecret,
    baseUrl: fake.url,
    timeoutMs: TIMEOUT_MS,
    defaultPaymentMethodId: 'visa',
    ...overrides,
  });
}

// A careless caller passing the raw card next to the token: the adapter must send only the token.
const CARD = '5031433215406351';
const withCard = (token: string) => ({ token, ...testCard(CARD) });

runProviderContract('mercadopago', async () => {
  const fake = await startFakeMercadoPago({ currency: 'BRL' });
  return {
    provider: providerFor(fake),
    currency: 'BRL',
    methods: {
      approved: withCard(MERCADOPAGO_TEST_TOKENS.approved),
      declined: withCard(MERCADOPAGO_TEST_TOKENS.declined),
      insufficientFunds: withCard(MERCADOPAGO_TEST_TOKENS.insufficientFunds),
    },
    cardNumbers: [CARD],
    charges: () => fake.stats.charges,
    signedWebhook: (providerRef) => fake.signWebhook({ action: 'payment.updated', data: { id: providerRef } }),
    goDown: fake.close,
    slowDown: () => fake.setDelay(TIMEOUT_MS * 10),
    failWithServerError: () => fake.setFailure(500),
    wireLog: () => JSON.stringify(fake.requests),
    close: fake.close,
  };
});

const key = () => randomUUID();

async function withFake(currency: string, body: (fake: FakeMercadoPago, provider: MercadoPagoProvider) => Promise<void>): Promise<void> {
  const fake = await startFakeMercadoPago({ currency });
  try {
    await body(fake, providerFor(fake));
  } finally {
    await fake.close();
  }
}

test('mercadopago: authorize posts the payment in major units with idempotency and bearer headers', () =>
  withFake('BRL', async (fake, provider) => {
    const idempotencyKey = key();
    const outcome = await provider.authorize({
      amount: 1999, currency: 'BRL', method: { token: MERCADOPAGO_TEST_TOKENS.approved }, idempotencyKey,
      metadata: { orderId: 'ord_7', paymentMethodId: 'master', payerEmail: 'ana@example.com', channel: 'web' },
    });
    assert.ok(outcome.ok);
    assert.match(outcome.providerRef, /^\d+$/);
    const request = fake.requests.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/v1/payments');
    assert.equal(request.headers['x-idempotency-key'], `authorize:${idempotencyKey}`);
    assert.equal(request.headers.authorization, `Bearer ${fake.accessToken}`);
    assert.deepEqual(JSON.parse(request.body), {
      transaction_amount: 19.99, token: MERCADOPAGO_TEST_TOKENS.approved, installments: 1, payment_method_id: 'master', capture: false,
      description: 'Emporium order', external_reference: 'ord_7', payer: { email: 'ana@example.com' }, metadata: { channel: 'web' },
    });
    assert.equal(fake.payment(outcome.providerRef)?.status, 'authorized');
  }));

test('mercadopago: amounts follow the currency exponent (CLP has no decimals)', () =>
  withFake('CLP', async (fake, provider) => {
    const outcome = await provider.authorize({ amount: 1999, currency: 'CLP', method: { token: MERCADOPAGO_TEST_TOKENS.approved }, idempotencyKey: key() });
    assert.ok(outcome.ok);
    assert.equal(JSON.parse(fake.requests.at(-1)!.body).transaction_amount, 1999);
    assert.ok((await provider.capture({ providerRef: outcome.providerRef, amount: 1500, idempotencyKey: key() })).ok);
    assert.equal(JSON.parse(fake.requests.at(-1)!.body).transaction_amount, 1500);
  }));

test('mercadopago: capture, void and refund use the documented endpoints and bodies', () =>
  withFake('BRL', async (fake, provider) => {
    const auth = await provider.authorize({ amount: 10_005, currency: 'BRL', method: { token: MERCADOPAGO_TEST_TOKENS.approved }, idempotencyKey: key() });
    assert.ok(auth.ok);
    assert.ok((await provider.capture({ providerRef: auth.providerRef, amount: 10_001, idempotencyKey: key() })).ok);
    let request = fake.requests.at(-1)!;
    assert.equal(`${request.method} ${request.path}`, `PUT /v1/payments/${auth.providerRef}`);
    assert.deepEqual(JSON.parse(request.body), { capture: true, transaction_amount: 100.01 });

    const refund = await provider.refund({ providerRef: auth.providerRef, amount: 7, idempotencyKey: key() });
    assert.ok(refund.ok);
    assert.notEqual(refund.providerRef, auth.providerRef, 'a refund has its own id');
    request = fake.requests.at(-1)!;
    assert.equal(`${request.method} ${request.path}`, `POST /v1/payments/${auth.providerRef}/refunds`);
    assert.deepEqual(JSON.parse(request.body), { amount: 0.07 });

    const other = await provider.authorize({ amount: 500, currency: 'BRL', method: { token: MERCADOPAGO_TEST_TOKENS.approved }, idempotencyKey: key() });
    assert.ok(other.ok);
    assert.ok((await provider.void({ providerRef: other.providerRef, idempotencyKey: key() })).ok);
    request = fake.requests.at(-1)!;
    assert.equal(`${request.method} ${request.path}`, `PUT /v1/payments/${other.providerRef}`);
    assert.deepEqual(JSON.parse(request.body), { status: 'cancelled' });
  }));

test('mercadopago: after a restart, capture looks the currency up before converting', () =>
  withFake('BRL', async (fake, provider) => {
    const auth = await provider.authorize({ amount: 2550, currency: 'BRL', method: { token: MERCADOPAGO_TEST_TOKENS.approved }, idempotencyKey: key() });
    assert.ok(auth.ok);
    const restarted = providerFor(fake);
    assert.ok((await restarted.capture({ providerRef: auth.providerRef, amount: 2550, idempotencyKey: key() })).ok);
    const [lookup, capture] = fake.requests.slice(-2);
    assert.equal(`${lookup!.method} ${lookup!.path}`, `GET /v1/payments/${auth.providerRef}`);
    assert.equal(JSON.parse(capture!.body).transaction_amount, 25.5);
  }));

test('mercadopago: rejection details map to outcome codes; pending review is not an authorization', () =>
  withFake('BRL', async (_fake, provider) => {
    const codeOf = async (token: string) => {
      const outcome = await provider.authorize({ amount: 1000, currency: 'BRL', method: { token }, idempotencyKey: key() });
      return outcome.ok ? 'ok' : outcome.code;
    };
    assert.equal(await codeOf(MERCADOPAGO_TEST_TOKENS.insufficientFunds), 'insufficient_funds');
    assert.equal(await codeOf(MERCADOPAGO_TEST_TOKENS.declined), 'card_declined');
    assert.equal(await codeOf(MERCADOPAGO_TEST_TOKENS.badSecurityCode), 'card_declined');
    assert.equal(await codeOf(MERCADOPAGO_TEST_TOKENS.badExpiryDate), 'card_declined');
    assert.equal(await codeOf(MERCADOPAGO_TEST_TOKENS.callForAuthorize), 'card_declined');
    assert.equal(await codeOf(MERCADOPAGO_TEST_TOKENS.pendingReview), 'processing_error');
    assert.equal(await codeOf('mp_test_UNKNOWN'), 'processing_error');
  }));

test('mercadopago: a declined payment still carries its MercadoPago id', () =>
  withFake('BRL', async (_fake, provider) => {
    const outcome = await provider.authorize({ amount: 1000, currency: 'BRL', method: { token: MERCADOPAGO_TEST_TOKENS.declined }, idempotencyKey: key() });
    assert.ok(!outcome.ok);
    assert.match(outcome.providerRef ?? '', /^\d+$/);
  }));

test('mercadopago: a token is required; a card number alone is never sent', () =>
  withFake('BRL', async (fake, provider) => {
    const outcome = await provider.authorize({ amount: 1000, currency: 'BRL', method: { cardNumber: CARD }, idempotencyKey: key() });
    assert.equal(outcome.ok ? null : outcome.code, 'processing_error');
    assert.equal(fake.stats.requests, 0);
  }));

test('mercadopago: a wrong access token is a processing_error, not an outage', () =>
  withFake('BRL', async (fake) => {
    const provider = providerFor(fake, { accessToken: 'TEST-wrong' });
    const outcome = await provider.authorize({ amount: 1000, currency: 'BRL', method: { token: MERCADOPAGO_TEST_TOKENS.approved }, idempotencyKey: key() });
    assert.equal(outcome.ok ? null : outcome.code, 'processing_error');
  }));

test('mercadopago: the x-signature manifest is id:<data.id>;request-id:<x-request-id>;ts:<ts>;', () =>
  withFake('BRL', async (fake, provider) => {
    const rawBody = JSON.stringify({ id: 12345, action: 'payment.updated', type: 'payment', data: { id: '987654321' } });
    const v1 = createHmac('sha256', fake.webhookSecret).update('id:987654321;request-id:req-abc;ts:1704908010;').digest('hex');
    const event = provider.verifyWebhook(rawBody, { 'x-signature': `ts=1704908010,v1=${v1}`, 'x-request-id': 'req-abc' });
    assert.deepEqual(event, { id: '12345', type: 'payment.updated', providerRef: '987654321' });
    // Another request id, timestamp or secret breaks it.
    assert.equal(provider.verifyWebhook(rawBody, { 'x-signature': `ts=1704908010,v1=${v1}`, 'x-request-id': 'req-other' }), null);
    assert.equal(provider.verifyWebhook(rawBody, { 'x-signature': `ts=1704908011,v1=${v1}`, 'x-request-id': 'req-abc' }), null);
    assert.equal(providerFor(fake, { webhookSecret: 'other' }).verifyWebhook(rawBody, { 'x-signature': `ts=1704908010,v1=${v1}`, 'x-request-id': 'req-abc' }), null);
  }));

test('mercadopago: webhooks delivered over HTTP are accepted', () =>
  withFake('BRL', async (fake, provider) => {
    const { startWebhookReceiver } = await import('../fakes/webhook-receiver.ts');
    const receiver = await startWebhookReceiver((rawBody, headers) => provider.verifyWebhook(rawBody, headers));
    try {
      const delivery = await fake.sendWebhook(receiver.url, { action: 'payment.updated', data: { id: 1310000001 } });
      assert.equal(delivery.status, 200);
      assert.equal(receiver.accepted[0]?.providerRef, '1310000001');
      assert.equal(receiver.accepted[0]?.type, 'payment.updated');
    } finally {
      await receiver.close();
    }
  }));

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { StripeProvider } from '../../src/providers/stripe.ts';
import { startFakeStripe, STRIPE_TEST_TOKENS, type FakeStripe } from '../fakes/fake-stripe.ts';
import { runProviderContract } from './provider-contract.ts';

// Well above a busy machine's latency (300 ms failed under load); the slow fake answers 10× later.
const TIMEOUT_MS = 1_500;

function providerFor(fake: FakeStripe, overrides: Partial<ConstructorParameters<typeof StripeProvider>[0]> = {}): StripeProvider {
  return new StripeProvider({
    secretKey: 'sk_test_emporium',
    webhookSecret: fake.webhookSecret,
    host: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
    timeoutMs: TIMEOUT_MS,
    ...overrides,
  });
}

// A careless caller passing the raw card next to the token: the adapter must send only the token.
const CARD = '4242424242424242';
const withCard = (token: string) => ({ token, cardNumber: CARD, expMonth: 12, expYear: 2099, cvc: '123' });

runProviderContract('stripe', async () => {
  const fake = await startFakeStripe();
  return {
    provider: providerFor(fake),
    currency: 'EUR',
    methods: {
      approved: withCard(STRIPE_TEST_TOKENS.visa),
      declined: withCard(STRIPE_TEST_TOKENS.declined),
      insufficientFunds: withCard(STRIPE_TEST_TOKENS.insufficientFunds),
      expired: withCard(STRIPE_TEST_TOKENS.expired),
    },
    cardNumbers: [CARD],
    charges: () => fake.stats.charges,
    signedWebhook: (providerRef) => fake.signWebhook({ type: 'payment_intent.succeeded', data: { object: { id: providerRef, object: 'payment_intent', status: 'succeeded' } } }),
    goDown: fake.close,
    slowDown: () => fake.setDelay(TIMEOUT_MS * 10),
    failWithServerError: () => fake.setFailure(500),
    wireLog: () => JSON.stringify(fake.requests),
    close: fake.close,
  };
});

const key = () => randomUUID();

async function withFake(body: (fake: FakeStripe, provider: StripeProvider) => Promise<void>): Promise<void> {
  const fake = await startFakeStripe();
  try {
    await body(fake, providerFor(fake));
  } finally {
    await fake.close();
  }
}

test('stripe: authorize creates a confirmed, manually captured PaymentIntent with the idempotency key', () =>
  withFake(async (fake, provider) => {
    const idempotencyKey = key();
    const outcome = await provider.authorize({ amount: 1999, currency: 'EUR', method: { token: STRIPE_TEST_TOKENS.visa }, idempotencyKey, metadata: { orderId: 'ord_42' } });
    assert.ok(outcome.ok);
    assert.match(outcome.providerRef, /^pi_/);
    const request = fake.requests.at(-1)!;
    assert.equal(request.path, '/v1/payment_intents');
    assert.equal(request.headers['idempotency-key'], `authorize:${idempotencyKey}`);
    const form = new URLSearchParams(request.body);
    assert.equal(form.get('amount'), '1999');
    assert.equal(form.get('currency'), 'eur');
    assert.equal(form.get('capture_method'), 'manual');
    assert.equal(form.get('confirm'), 'true');
    assert.equal(form.get('payment_method'), 'pm_card_visa');
    assert.equal(form.get('metadata[orderId]'), 'ord_42');
    assert.equal(fake.paymentIntent(outcome.providerRef)?.status, 'requires_capture');
  }));

test('stripe: a token is required; a card number alone is never sent', () =>
  withFake(async (fake, provider) => {
    const outcome = await provider.authorize({ amount: 1999, currency: 'EUR', method: { cardNumber: CARD }, idempotencyKey: key() });
    assert.equal(outcome.ok ? null : outcome.code, 'processing_error');
    assert.equal(fake.stats.requests, 0);
  }));

test('stripe: card errors keep the PaymentIntent id; processing errors and bad CVCs map too', () =>
  withFake(async (_fake, provider) => {
    const declined = await provider.authorize({ amount: 1000, currency: 'EUR', method: { token: STRIPE_TEST_TOKENS.insufficientFunds }, idempotencyKey: key() });
    assert.ok(!declined.ok);
    assert.equal(declined.code, 'insufficient_funds');
    assert.match(declined.providerRef ?? '', /^pi_/);
    const processing = await provider.authorize({ amount: 1000, currency: 'EUR', method: { token: STRIPE_TEST_TOKENS.processingError }, idempotencyKey: key() });
    assert.equal(processing.ok ? null : processing.code, 'processing_error');
    const cvc = await provider.authorize({ amount: 1000, currency: 'EUR', method: { token: STRIPE_TEST_TOKENS.incorrectCvc }, idempotencyKey: key() });
    assert.equal(cvc.ok ? null : cvc.code, 'card_declined');
    const unknown = await provider.authorize({ amount: 1000, currency: 'EUR', method: { token: 'pm_card_unknown' }, idempotencyKey: key() });
    assert.equal(unknown.ok ? null : unknown.code, 'processing_error');
  }));

test('stripe: capture, void and refund call the right endpoints; refunds return the refund id', () =>
  withFake(async (fake, provider) => {
    const auth = await provider.authorize({ amount: 3000, currency: 'USD', method: { token: STRIPE_TEST_TOKENS.mastercard }, idempotencyKey: key() });
    assert.ok(auth.ok);
    assert.ok((await provider.capture({ providerRef: auth.providerRef, amount: 2000, idempotencyKey: key() })).ok);
    assert.equal(new URLSearchParams(fake.requests.at(-1)!.body).get('amount_to_capture'), '2000');
    assert.equal(fake.requests.at(-1)!.path, `/v1/payment_intents/${auth.providerRef}/capture`);
    const refund = await provider.refund({ providerRef: auth.providerRef, amount: 500, idempotencyKey: key() });
    assert.ok(refund.ok);
    assert.match(refund.providerRef, /^re_/);
    const form = new URLSearchParams(fake.requests.at(-1)!.body);
    assert.equal(form.get('payment_intent'), auth.providerRef);
    assert.equal(form.get('amount'), '500');

    const other = await provider.authorize({ amount: 3000, currency: 'USD', method: { token: STRIPE_TEST_TOKENS.visa }, idempotencyKey: key() });
    assert.ok(other.ok);
    assert.ok((await provider.void({ providerRef: other.providerRef, idempotencyKey: key() })).ok);
    assert.equal(fake.requests.at(-1)!.path, `/v1/payment_intents/${other.providerRef}/cancel`);
    assert.equal(fake.stats.cancels, 1);
  }));

test('stripe: a replayed capture does not capture twice', () =>
  withFake(async (fake, provider) => {
    const auth = await provider.authorize({ amount: 3000, currency: 'EUR', method: { token: STRIPE_TEST_TOKENS.visa }, idempotencyKey: key() });
    assert.ok(auth.ok);
    const idempotencyKey = key();
    await provider.capture({ providerRef: auth.providerRef, amount: 3000, idempotencyKey });
    await provider.capture({ providerRef: auth.providerRef, amount: 3000, idempotencyKey });
    assert.equal(fake.stats.captures, 1);
  }));

test('stripe: a key reused with different parameters is refused', () =>
  withFake(async (_fake, provider) => {
    const idempotencyKey = key();
    assert.ok((await provider.authorize({ amount: 100, currency: 'EUR', method: { token: STRIPE_TEST_TOKENS.visa }, idempotencyKey })).ok);
    const reused = await provider.authorize({ amount: 200, currency: 'EUR', method: { token: STRIPE_TEST_TOKENS.visa }, idempotencyKey });
    assert.equal(reused.ok ? null : reused.code, 'processing_error');
  }));

test('stripe: webhook events delivered over HTTP carry the PaymentIntent of charges and refunds', () =>
  withFake(async (fake, provider) => {
    const { startWebhookReceiver } = await import('../fakes/webhook-receiver.ts');
    const receiver = await startWebhookReceiver((rawBody, headers) => provider.verifyWebhook(rawBody, headers));
    try {
      const delivery = await fake.sendWebhook(receiver.url, { type: 'charge.refunded', data: { object: { id: 'ch_1', object: 'charge', payment_intent: 'pi_123', status: 'succeeded' } } });
      assert.equal(delivery.status, 200);
      assert.deepEqual(receiver.accepted[0], { id: receiver.accepted[0]!.id, type: 'charge.refunded', providerRef: 'pi_123', status: 'succeeded' });
      assert.match(receiver.accepted[0]!.id, /^evt_/);
    } finally {
      await receiver.close();
    }
  }));

test('stripe: webhooks signed with another secret or outside the tolerance are rejected', () =>
  withFake(async (fake) => {
    const event = { type: 'payment_intent.canceled', data: { object: { id: 'pi_9', object: 'payment_intent', status: 'canceled' } } };
    const impostor = providerFor(fake, { webhookSecret: 'whsec_someone_else' });
    const signed = fake.signWebhook(event);
    assert.equal(impostor.verifyWebhook(signed.rawBody, signed.headers), null);
    const stale = fake.signWebhook(event, Math.floor(Date.now() / 1000) - 3600);
    assert.equal(providerFor(fake).verifyWebhook(stale.rawBody, stale.headers), null);
  }));

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { PaymentMethodInput, PaymentProvider, ProviderOutcome } from '../../src/providers/provider.ts';
import { startWebhookReceiver } from '../fakes/webhook-receiver.ts';

/**
 * The behaviour every provider must share, run against each one (sandbox in memory, Stripe and
 * MercadoPago against local fakes). Provider-specific details live in each provider's own tests.
 */
export interface ProviderHarness {
  provider: PaymentProvider;
  currency: string;
  methods: { approved: PaymentMethodInput; declined: PaymentMethodInput; insufficientFunds: PaymentMethodInput; expired?: PaymentMethodInput };
  /** Card numbers the harness put into inputs; none may come back out. */
  cardNumbers: string[];
  /** Successful authorizations the provider (or its fake) has performed. */
  charges(): number;
  /** A correctly signed webhook about a payment. */
  signedWebhook(providerRef: string): { rawBody: string; headers: Record<string, string> };
  /** Makes the provider unreachable (closes the fake server). */
  goDown(): Promise<void>;
  /** Makes the provider answer slower than the adapter's timeout; absent where there is no network. */
  slowDown?(): void;
  /** Makes the provider answer 500. */
  failWithServerError?(): void;
  /** What went over the wire, to check that no card number left the service. */
  wireLog?(): string;
  close(): Promise<void>;
}

const key = () => randomUUID();

function assertOk(outcome: ProviderOutcome, status: string): string {
  assert.ok(outcome.ok, `expected ok, got ${JSON.stringify(outcome)}`);
  assert.equal(outcome.status, status);
  assert.equal(typeof outcome.providerRef, 'string');
  assert.ok(outcome.providerRef.length > 0);
  return outcome.providerRef;
}

function assertFailed(outcome: ProviderOutcome, code: string): void {
  assert.equal(outcome.ok, false, `expected ${code}, got ${JSON.stringify(outcome)}`);
  if (!outcome.ok) {
    assert.equal(outcome.code, code, outcome.message);
    assert.ok(outcome.message.length > 0);
  }
}

export function runProviderContract(label: string, makeHarness: () => Promise<ProviderHarness>): void {
  const withHarness = (name: string, body: (h: ProviderHarness, t: TestContext) => Promise<void>) =>
    test(`${label}: ${name}`, async (t) => {
      const harness = await makeHarness();
      t.after(() => harness.close());
      await body(harness, t);
    });

  withHarness('authorize then capture succeeds', async (h) => {
    const auth = await h.provider.authorize({ amount: 1999, currency: h.currency, method: h.methods.approved, idempotencyKey: key(), metadata: { orderId: 'ord_1' } });
    const ref = assertOk(auth, 'authorized');
    const capture = await h.provider.capture({ providerRef: ref, amount: 1999, idempotencyKey: key() });
    assert.equal(assertOk(capture, 'captured'), ref);
    assert.equal(h.charges(), 1);
  });

  withHarness('a declined card is reported as card_declined', async (h) => {
    assertFailed(await h.provider.authorize({ amount: 1999, currency: h.currency, method: h.methods.declined, idempotencyKey: key() }), 'card_declined');
    assert.equal(h.charges(), 0);
  });

  withHarness('insufficient funds is reported as insufficient_funds', async (h) => {
    assertFailed(await h.provider.authorize({ amount: 1999, currency: h.currency, method: h.methods.insufficientFunds, idempotencyKey: key() }), 'insufficient_funds');
    assert.equal(h.charges(), 0);
  });

  withHarness('an expired card is reported as expired_card', async (h, t) => {
    if (!h.methods.expired) return t.skip('the provider reports expired cards as plain declines');
    assertFailed(await h.provider.authorize({ amount: 1999, currency: h.currency, method: h.methods.expired, idempotencyKey: key() }), 'expired_card');
  });

  withHarness('void releases an authorization, which can then not be captured', async (h) => {
    const ref = assertOk(await h.provider.authorize({ amount: 5000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    assert.equal(assertOk(await h.provider.void({ providerRef: ref, idempotencyKey: key() }), 'voided'), ref);
    assertFailed(await h.provider.capture({ providerRef: ref, amount: 5000, idempotencyKey: key() }), 'processing_error');
  });

  withHarness('a captured payment cannot be voided (it must be refunded)', async (h) => {
    const ref = assertOk(await h.provider.authorize({ amount: 5000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    assertOk(await h.provider.capture({ providerRef: ref, amount: 5000, idempotencyKey: key() }), 'captured');
    assertFailed(await h.provider.void({ providerRef: ref, idempotencyKey: key() }), 'processing_error');
  });

  withHarness('a full refund succeeds, and nothing more can be refunded after it', async (h) => {
    const ref = assertOk(await h.provider.authorize({ amount: 5000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    assertOk(await h.provider.capture({ providerRef: ref, amount: 5000, idempotencyKey: key() }), 'captured');
    assertOk(await h.provider.refund({ providerRef: ref, amount: 5000, idempotencyKey: key() }), 'refunded');
    assertFailed(await h.provider.refund({ providerRef: ref, amount: 1, idempotencyKey: key() }), 'processing_error');
  });

  withHarness('partial refunds accumulate and may not exceed the captured amount', async (h) => {
    const ref = assertOk(await h.provider.authorize({ amount: 5000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    // Capture less than authorized: refunds are bounded by what was captured.
    assertOk(await h.provider.capture({ providerRef: ref, amount: 4000, idempotencyKey: key() }), 'captured');
    assertOk(await h.provider.refund({ providerRef: ref, amount: 1500, idempotencyKey: key() }), 'refunded');
    assertFailed(await h.provider.refund({ providerRef: ref, amount: 2501, idempotencyKey: key() }), 'processing_error');
    assertOk(await h.provider.refund({ providerRef: ref, amount: 2500, idempotencyKey: key() }), 'refunded');
    assertFailed(await h.provider.refund({ providerRef: ref, amount: 1, idempotencyKey: key() }), 'processing_error');
  });

  withHarness('refunding more than was captured is refused', async (h) => {
    const ref = assertOk(await h.provider.authorize({ amount: 3000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    assertOk(await h.provider.capture({ providerRef: ref, amount: 3000, idempotencyKey: key() }), 'captured');
    assertFailed(await h.provider.refund({ providerRef: ref, amount: 3001, idempotencyKey: key() }), 'processing_error');
  });

  withHarness('a repeated idempotency key replays the outcome without charging again', async (h) => {
    const authorizeKey = key();
    const input = { amount: 2500, currency: h.currency, method: h.methods.approved, idempotencyKey: authorizeKey };
    const first = await h.provider.authorize(input);
    const second = await h.provider.authorize(input);
    assertOk(first, 'authorized');
    assert.deepEqual(second, first);
    assert.equal(h.charges(), 1);

    const ref = (first as { providerRef: string }).providerRef;
    // The same key may be used for a different operation on the same payment: keys are scoped per operation.
    const captureFirst = await h.provider.capture({ providerRef: ref, amount: 2500, idempotencyKey: authorizeKey });
    const captureAgain = await h.provider.capture({ providerRef: ref, amount: 2500, idempotencyKey: authorizeKey });
    assertOk(captureFirst, 'captured');
    assert.deepEqual(captureAgain, captureFirst);

    const refundKey = key();
    const refundFirst = await h.provider.refund({ providerRef: ref, amount: 2500, idempotencyKey: refundKey });
    const refundAgain = await h.provider.refund({ providerRef: ref, amount: 2500, idempotencyKey: refundKey });
    assertOk(refundFirst, 'refunded');
    assert.deepEqual(refundAgain, refundFirst, 'a replayed refund is not a second refund');

    assertOk(await h.provider.authorize({ ...input, idempotencyKey: key() }), 'authorized');
    assert.equal(h.charges(), 2, 'a new key is a new charge');
  });

  withHarness('a repeated key also replays a decline', async (h) => {
    const input = { amount: 2500, currency: h.currency, method: h.methods.declined, idempotencyKey: key() };
    const first = await h.provider.authorize(input);
    assertFailed(first, 'card_declined');
    assert.deepEqual(await h.provider.authorize(input), first);
  });

  withHarness('an unreachable provider gives provider_unavailable, quickly', async (h) => {
    const ref = assertOk(await h.provider.authorize({ amount: 1000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    await h.goDown();
    const started = Date.now();
    assertFailed(await h.provider.authorize({ amount: 1000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'provider_unavailable');
    assertFailed(await h.provider.capture({ providerRef: ref, amount: 1000, idempotencyKey: key() }), 'provider_unavailable');
    assertFailed(await h.provider.void({ providerRef: ref, idempotencyKey: key() }), 'provider_unavailable');
    // Refused connections fail at once, not after retries of a long wait (bound generous for a busy machine).
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  withHarness('a provider slower than the timeout gives provider_unavailable', async (h, t) => {
    if (!h.slowDown) return t.skip('no network involved');
    h.slowDown();
    const started = Date.now();
    assertFailed(await h.provider.authorize({ amount: 1000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'provider_unavailable');
    // Gave up at its timeout, long before the slowed-down answer (10× the timeout) came.
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  withHarness('a provider answering 500 gives provider_unavailable', async (h, t) => {
    if (!h.failWithServerError) return t.skip('no network involved');
    h.failWithServerError();
    assertFailed(await h.provider.authorize({ amount: 1000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'provider_unavailable');
  });

  withHarness('a correctly signed webhook is accepted over HTTP', async (h) => {
    const ref = assertOk(await h.provider.authorize({ amount: 1000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    const receiver = await startWebhookReceiver((rawBody, headers) => h.provider.verifyWebhook(rawBody, headers));
    try {
      const { rawBody, headers } = h.signedWebhook(ref);
      const response = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody });
      assert.equal(response.status, 200);
      assert.equal(receiver.accepted.length, 1);
      assert.equal(receiver.accepted[0]!.providerRef, ref);
      assert.ok(receiver.accepted[0]!.id.length > 0);
      assert.ok(receiver.accepted[0]!.type.length > 0);
    } finally {
      await receiver.close();
    }
  });

  withHarness('a tampered or unsigned webhook is rejected', async (h) => {
    const ref = assertOk(await h.provider.authorize({ amount: 1000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    const other = assertOk(await h.provider.authorize({ amount: 1000, currency: h.currency, method: h.methods.approved, idempotencyKey: key() }), 'authorized');
    const { rawBody, headers } = h.signedWebhook(ref);
    assert.ok(h.provider.verifyWebhook(rawBody, headers), 'the untouched webhook verifies');
    assert.equal(h.provider.verifyWebhook(rawBody.replace(ref, other), headers), null, 'body pointing at another payment');
    assert.equal(h.provider.verifyWebhook(rawBody, {}), null, 'no signature header');
    const forged = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace(/v1=([0-9a-f])/, (_m, c: string) => `v1=${c === '0' ? '1' : '0'}`)]));
    assert.equal(h.provider.verifyWebhook(rawBody, forged), null, 'signature altered');
    assert.equal(h.provider.verifyWebhook('not json', headers), null, 'garbage body');
  });

  withHarness('no card number appears in anything the provider returns or sends', async (h) => {
    const outcomes: ProviderOutcome[] = [];
    for (const method of [h.methods.approved, h.methods.declined, h.methods.insufficientFunds]) {
      outcomes.push(await h.provider.authorize({ amount: 1200, currency: h.currency, method, idempotencyKey: key() }));
    }
    const ref = (outcomes[0] as { providerRef: string }).providerRef;
    outcomes.push(await h.provider.capture({ providerRef: ref, amount: 1200, idempotencyKey: key() }));
    outcomes.push(await h.provider.refund({ providerRef: ref, amount: 200, idempotencyKey: key() }));
    const visible = JSON.stringify(outcomes) + (h.wireLog?.() ?? '');
    assert.ok(h.cardNumbers.length > 0);
    for (const number of h.cardNumbers) assert.ok(!visible.includes(number), `card number ${number.slice(-4)} leaked`);
  });
}

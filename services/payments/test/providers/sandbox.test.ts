import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TestClock, testCard } from '@emporium/kit/testing';
import { SandboxProvider } from '../../src/providers/sandbox.ts';
import { runProviderContract } from './provider-contract.ts';

const CARDS = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expired: '4000000000000069',
  processingError: '4000000000000119',
};
const card = (cardNumber: string) => ({ cardNumber, expMonth: 12, expYear: 2099, cvc: '123' });

runProviderContract('sandbox', async () => {
  const provider = new SandboxProvider({ webhookSecret: 'whsec_sandbox_test' });
  let charges = 0;
  // Count successful authorizations by wrapping the provider, as the sandbox has no fake server.
  const authorize = provider.authorize.bind(provider);
  const seen = new Set<string>();
  provider.authorize = async (input) => {
    const outcome = await authorize(input);
    if (outcome.ok && !seen.has(outcome.providerRef)) {
      seen.add(outcome.providerRef);
      charges++;
    }
    return outcome;
  };
  return {
    provider,
    currency: 'EUR',
    methods: { approved: card(CARDS.approved), declined: card(CARDS.declined), insufficientFunds: card(CARDS.insufficientFunds), expired: card(CARDS.expired) },
    cardNumbers: Object.values(CARDS),
    charges: () => charges,
    signedWebhook: (providerRef) => {
      const rawBody = JSON.stringify({ id: `evt_${randomUUID()}`, type: 'payment.captured', providerRef, status: 'captured' });
      return { rawBody, headers: provider.signWebhook(rawBody) };
    },
    goDown: async () => provider.simulateOutage(true),
    close: async () => {},
  };
});

const key = () => randomUUID();

test('sandbox: test cards decide the outcome', async () => {
  const sandbox = new SandboxProvider();
  const outcomeOf = (cardNumber: string) => sandbox.authorize({ amount: 100, currency: 'EUR', method: card(cardNumber), idempotencyKey: key() });
  assert.equal((await outcomeOf(CARDS.approved)).ok, true);
  assert.deepEqual(((await outcomeOf(CARDS.declined)) as { code: string }).code, 'card_declined');
  assert.deepEqual(((await outcomeOf(CARDS.insufficientFunds)) as { code: string }).code, 'insufficient_funds');
  assert.deepEqual(((await outcomeOf(CARDS.expired)) as { code: string }).code, 'expired_card');
  assert.deepEqual(((await outcomeOf(CARDS.processingError)) as { code: string }).code, 'processing_error');
  // Any other Luhn-valid number succeeds; spaces are tolerated.
  assert.equal((await outcomeOf('5555 5555 5555 4444')).ok, true);
  assert.equal((await outcomeOf('378282246310005')).ok, true);
  // Not Luhn-valid.
  assert.deepEqual(((await outcomeOf('4242424242424241')) as { code: string }).code, 'card_declined');
  assert.deepEqual(((await outcomeOf('1234')) as { code: string }).code, 'card_declined');
});

test('sandbox: an expiry date in the past is expired_card', async () => {
  const sandbox = new SandboxProvider({ clock: new TestClock('2030-06-15T00:00:00Z') });
  const outcome = await sandbox.authorize({ amount: 100, currency: 'EUR', method: { cardNumber: CARDS.approved, expMonth: 5, expYear: 2030 }, idempotencyKey: key() });
  assert.equal(outcome.ok ? null : outcome.code, 'expired_card');
  const stillValid = await sandbox.authorize({ amount: 100, currency: 'EUR', method: { cardNumber: CARDS.approved, expMonth: 6, expYear: 30 }, idempotencyKey: key() });
  assert.equal(stillValid.ok, true);
});

test('sandbox: the date comes from its clock, so test cards made relative to it work in any year', async () => {
  const clock = new TestClock('2031-01-15T00:00:00Z');
  const sandbox = new SandboxProvider({ clock });
  const authorize = (method: object) => sandbox.authorize({ amount: 100, currency: 'EUR', method, idempotencyKey: key() });
  // The suite's old fixed cards (12/2030) stop working in January 2031; relative ones do not.
  const fixed = await authorize({ cardNumber: CARDS.approved, expMonth: 12, expYear: 2030, cvc: '123' });
  assert.equal(fixed.ok ? null : fixed.code, 'expired_card');
  assert.equal((await authorize(testCard(CARDS.approved, clock))).ok, true);
  clock.set('2099-06-01T00:00:00Z');
  assert.equal((await authorize(testCard(CARDS.approved, clock))).ok, true);
});

test('sandbox: Stripe-style test tokens work too', async () => {
  const sandbox = new SandboxProvider();
  const outcomeOf = (token: string) => sandbox.authorize({ amount: 100, currency: 'EUR', method: { token }, idempotencyKey: key() });
  assert.equal((await outcomeOf('pm_card_visa')).ok, true);
  assert.equal(((await outcomeOf('pm_card_chargeDeclinedInsufficientFunds')) as { code: string }).code, 'insufficient_funds');
  assert.equal(((await outcomeOf('pm_card_nonsense')) as { code: string }).code, 'card_declined');
});

test('sandbox: keeps only the last four digits of the card', async () => {
  const sandbox = new SandboxProvider();
  const outcome = await sandbox.authorize({ amount: 100, currency: 'EUR', method: card(CARDS.approved), idempotencyKey: key() });
  assert.ok(outcome.ok);
  const stored = sandbox.payment(outcome.providerRef);
  assert.equal(stored?.cardLast4, '4242');
  assert.ok(!JSON.stringify(stored).includes(CARDS.approved));
});

test('sandbox: a key reused with different parameters is refused, not replayed', async () => {
  const sandbox = new SandboxProvider();
  const idempotencyKey = key();
  assert.equal((await sandbox.authorize({ amount: 100, currency: 'EUR', method: card(CARDS.approved), idempotencyKey })).ok, true);
  const reused = await sandbox.authorize({ amount: 999, currency: 'EUR', method: card(CARDS.approved), idempotencyKey });
  assert.equal(reused.ok ? null : reused.code, 'processing_error');
});

test('sandbox: capture cannot exceed the authorized amount; bad money input is refused', async () => {
  const sandbox = new SandboxProvider();
  const auth = await sandbox.authorize({ amount: 1000, currency: 'EUR', method: card(CARDS.approved), idempotencyKey: key() });
  assert.ok(auth.ok);
  assert.equal((await sandbox.capture({ providerRef: auth.providerRef, amount: 1001, idempotencyKey: key() })).ok, false);
  assert.equal((await sandbox.authorize({ amount: 10.5, currency: 'EUR', method: card(CARDS.approved), idempotencyKey: key() })).ok, false);
  assert.equal((await sandbox.authorize({ amount: 100, currency: 'euro', method: card(CARDS.approved), idempotencyKey: key() })).ok, false);
  assert.equal((await sandbox.capture({ providerRef: 'sbx_pay_missing', amount: 1, idempotencyKey: key() })).ok, false);
});

test('sandbox: webhooks signed with another secret or too old are rejected', () => {
  const clock = new TestClock('2030-01-01T00:00:00Z');
  const sandbox = new SandboxProvider({ webhookSecret: 'right', clock });
  const impostor = new SandboxProvider({ webhookSecret: 'wrong', clock });
  const rawBody = JSON.stringify({ id: 'evt_1', type: 'payment.captured', providerRef: 'sbx_pay_1', status: 'captured' });
  assert.deepEqual(sandbox.verifyWebhook(rawBody, sandbox.signWebhook(rawBody)), { id: 'evt_1', type: 'payment.captured', providerRef: 'sbx_pay_1', status: 'captured' });
  assert.equal(sandbox.verifyWebhook(rawBody, impostor.signWebhook(rawBody)), null);
  const tenMinutesAgo = Math.floor(clock.now().getTime() / 1000) - 600;
  assert.equal(sandbox.verifyWebhook(rawBody, sandbox.signWebhook(rawBody, tenMinutesAgo)), null);
  // Header names are matched without regard to case.
  const headers = sandbox.signWebhook(rawBody);
  assert.ok(sandbox.verifyWebhook(rawBody, { 'X-Sandbox-Signature': headers['x-sandbox-signature'] }));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IllegalTransition, nextStatus, planRefund, RefundTooLarge, PAYMENT_STATUSES, type PaymentAction } from '../src/domain/payment-state.ts';
import { formatInvoiceNumber } from '../src/domain/invoice-number.ts';
import { requestFingerprint } from '../src/domain/request-fingerprint.ts';
import { webhookAction } from '../src/domain/webhook-status.ts';

test('the happy path: authorize, capture, partial then full refund', () => {
  assert.equal(nextStatus('requires_authorization', 'authorize'), 'authorized');
  assert.equal(nextStatus('authorized', 'capture'), 'captured');
  assert.equal(nextStatus('captured', 'refund_partial'), 'partially_refunded');
  assert.equal(nextStatus('partially_refunded', 'refund_full'), 'refunded');
  assert.equal(nextStatus('authorized', 'void'), 'voided');
  assert.equal(nextStatus('requires_authorization', 'fail'), 'failed');
});

test('illegal transitions are refused', () => {
  const illegal: Array<[(typeof PAYMENT_STATUSES)[number], PaymentAction]> = [
    ['voided', 'capture'],
    ['failed', 'capture'],
    ['captured', 'void'],
    ['refunded', 'refund_partial'],
    ['requires_authorization', 'capture'],
    ['captured', 'authorize'],
    ['authorized', 'refund_full'],
    ['voided', 'void'],
  ];
  for (const [from, action] of illegal) {
    assert.throws(() => nextStatus(from, action), IllegalTransition, `${action} from ${from}`);
  }
});

test('terminal states allow nothing', () => {
  const actions: PaymentAction[] = ['authorize', 'fail', 'capture', 'void', 'refund_partial', 'refund_full'];
  for (const from of ['refunded', 'voided', 'failed'] as const) {
    for (const action of actions) assert.throws(() => nextStatus(from, action), IllegalTransition);
  }
});

test('refund plans: partial, full, too much, wrong state', () => {
  assert.deepEqual(planRefund({ status: 'captured', amount: 1000, refundedAmount: 0 }, 300), { action: 'refund_partial', status: 'partially_refunded', refundedAmount: 300 });
  assert.deepEqual(planRefund({ status: 'partially_refunded', amount: 1000, refundedAmount: 300 }, 700), { action: 'refund_full', status: 'refunded', refundedAmount: 1000 });
  assert.throws(() => planRefund({ status: 'partially_refunded', amount: 1000, refundedAmount: 300 }, 701), RefundTooLarge);
  assert.throws(() => planRefund({ status: 'authorized', amount: 1000, refundedAmount: 0 }, 100), IllegalTransition);
  assert.throws(() => planRefund({ status: 'captured', amount: 1000, refundedAmount: 0 }, 0), RangeError);
});

test('invoice numbers are per year and zero padded', () => {
  assert.equal(formatInvoiceNumber(2026, 1), 'INV-2026-000001');
  assert.equal(formatInvoiceNumber(2027, 123456), 'INV-2027-123456');
  assert.throws(() => formatInvoiceNumber(2026, 0), RangeError);
});

test('request fingerprints ignore key order and never depend on more than the last 4 card digits', () => {
  const a = requestFingerprint('authorize', { amount: 1, method: { cardNumber: '4242424242424242', cvc: '123' } });
  const b = requestFingerprint('authorize', { method: { cvc: '999', cardNumber: '4242 4242 4242 4242' }, amount: 1 });
  assert.equal(a, b);
  assert.notEqual(a, requestFingerprint('authorize', { amount: 2, method: { cardNumber: '4242424242424242' } }));
  assert.notEqual(a, requestFingerprint('refund', { amount: 1, method: { cardNumber: '4242424242424242' } }));
});

test('webhook statuses map to state-machine actions', () => {
  assert.equal(webhookAction('stripe', { type: 'payment_intent.succeeded', status: 'succeeded' }), 'capture');
  assert.equal(webhookAction('stripe', { type: 'payment_intent.canceled', status: 'canceled' }), 'void');
  assert.equal(webhookAction('stripe', { type: 'charge.succeeded', status: 'succeeded' }), null);
  assert.equal(webhookAction('sandbox', { type: 'payment.refunded', status: 'refunded' }), 'refund_full');
  assert.equal(webhookAction('mercadopago', { type: 'payment.updated' }), null);
});

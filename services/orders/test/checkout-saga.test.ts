import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abortSaga, decide, initialSaga, isAbortable, type DecideContext, type SagaState, type StepOutcome } from '../src/domain/checkout-saga.ts';
import { transition, type OrderState } from '../src/domain/order-state.ts';

const live: DecideContext = { live: true, maxAttempts: 3, nothingToPay: false };
const recovery: DecideContext = { live: false, maxAttempts: 3, nothingToPay: false };
const free: DecideContext = { ...live, nothingToPay: true };
const ok: StepOutcome = { kind: 'ok' };
const down: StepOutcome = { kind: 'unavailable', detail: 'payments did not answer' };
const at = (patch: Partial<SagaState>): SagaState => ({ ...initialSaga(), ...patch });

test('happy path: reserve → authorize → capture → commit (paid) → cart → completed', () => {
  let saga = initialSaga();
  let order: OrderState = 'pending';
  const outcomes: StepOutcome[] = [ok, { kind: 'ok', paymentId: 'pay_1' }, ok, ok, ok];
  for (const outcome of outcomes) {
    const decision = decide(saga, outcome, live);
    assert.equal(decision.kind, 'advance');
    if (decision.kind === 'advance' && decision.orderChange) order = transition(order, decision.orderChange.event);
    saga = decision.saga;
  }
  assert.equal(order, 'paid');
  assert.deepEqual([saga.step, saga.status, saga.paymentId, saga.paymentState], ['done', 'completed', 'pay_1', 'captured']);
});

test('out of stock: order cancelled, only the cart to release, failure keeps the SKU', () => {
  const decision = decide(initialSaga(), { kind: 'rejected', status: 409, detail: 'Insufficient stock for SKU X', extensions: { sku: 'X' } }, live);
  assert.equal(decision.kind, 'advance');
  assert.equal(decision.kind === 'advance' && decision.orderChange?.event, 'cancel');
  assert.deepEqual([decision.saga.step, decision.saga.status], ['release_cart', 'compensating']);
  assert.deepEqual(decision.saga.failure, { status: 409, detail: 'Insufficient stock for SKU X', extensions: { sku: 'X' } });
  const released = decide(decision.saga, ok, live);
  assert.deepEqual([released.saga.step, released.saga.status], ['done', 'compensated']);
});

test('nothing to pay: reserve → commit (paid, no payment step) → cart → completed', () => {
  const reserved = decide(initialSaga(), ok, free);
  assert.equal(reserved.saga.step, 'commit_stock');
  const committed = decide(reserved.saga, ok, free);
  assert.equal(committed.kind === 'advance' && committed.orderChange?.event, 'pay');
  assert.match((committed.kind === 'advance' && committed.orderChange?.note) || '', /Nothing to pay/);
  assert.deepEqual([committed.saga.step, committed.saga.paymentState, committed.saga.paymentId], ['mark_cart_checked_out', 'none', null]);
  // Should commit fail, compensation gives back stock and cart; there is no money to settle.
  const expired = decide(reserved.saga, { kind: 'rejected', status: 409, detail: 'expired' }, free);
  const stock = decide(expired.saga, ok, free);
  assert.equal(stock.saga.step, 'release_cart');
  assert.deepEqual([decide(stock.saga, ok, free).saga.step, decide(stock.saga, ok, free).saga.status], ['done', 'compensated']);
});

test('declined card: payment_failed, release stock, nothing to void', () => {
  const saga = at({ step: 'authorize_payment' });
  const decision = decide(saga, { kind: 'rejected', status: 402, detail: 'Card declined', extensions: { code: 'card_declined' } }, live);
  assert.equal(decision.kind === 'advance' && decision.orderChange?.event, 'fail_payment');
  assert.deepEqual([decision.saga.step, decision.saga.status, decision.saga.paymentState], ['release_stock', 'compensating', 'none']);
  const released = decide(decision.saga, ok, live);
  assert.equal(released.saga.step, 'release_cart');
  const cartReleased = decide(released.saga, ok, live);
  assert.deepEqual([cartReleased.saga.step, cartReleased.saga.status], ['done', 'compensated']);
});

test('payments down during a live checkout: compensate at once, settle any unknown authorization', () => {
  const decision = decide(at({ step: 'authorize_payment' }), down, live);
  assert.equal(decision.kind === 'advance' && decision.orderChange?.event, 'fail_payment');
  assert.equal(decision.saga.failure?.status, 503);
  assert.match(decision.saga.failure?.detail ?? '', /payment service is unavailable/);
  assert.equal(decision.saga.paymentState, 'unknown');
  const released = decide(decision.saga, ok, live);
  assert.equal(released.saga.step, 'release_cart');
  const cartReleased = decide(released.saga, ok, live);
  assert.equal(cartReleased.saga.step, 'settle_payment');
  const settled = decide(cartReleased.saga, ok, live);
  assert.deepEqual([settled.saga.step, settled.saga.status], ['done', 'compensated']);
});

test('payments down during recovery: retry later until maxAttempts, then compensate', () => {
  const first = decide(at({ step: 'authorize_payment' }), down, recovery);
  assert.equal(first.kind, 'retry_later');
  assert.equal(first.saga.attempts, 1);
  const second = decide(first.saga, down, recovery);
  assert.equal(second.kind, 'retry_later');
  const third = decide(second.saga, down, recovery);
  assert.equal(third.kind, 'advance');
  assert.equal(third.saga.step, 'release_stock');
});

test('capture refused after authorization: payment_failed, release, then void', () => {
  const decision = decide(at({ step: 'capture_payment', paymentId: 'p', paymentState: 'authorized' }), { kind: 'rejected', status: 402, detail: 'no' }, live);
  assert.equal(decision.kind === 'advance' && decision.orderChange?.event, 'fail_payment');
  assert.equal(decision.saga.paymentState, 'authorized');
  assert.equal(decide(decide(decision.saga, ok, live).saga, ok, live).saga.step, 'settle_payment');
});

test('reservation expired at commit: cancel and refund the captured payment', () => {
  const decision = decide(at({ step: 'commit_stock', paymentId: 'p', paymentState: 'captured' }), { kind: 'rejected', status: 409, detail: 'expired' }, live);
  assert.equal(decision.kind === 'advance' && decision.orderChange?.event, 'cancel');
  assert.deepEqual([decision.saga.step, decision.saga.paymentState], ['release_stock', 'captured']);
});

test('recovery finds the payment already captured: skip straight to commit', () => {
  const decision = decide(at({ step: 'authorize_payment' }), { kind: 'ok', paymentId: 'p', captured: true }, recovery);
  assert.deepEqual([decision.saga.step, decision.saga.paymentState], ['commit_stock', 'captured']);
});

test('marking the cart never undoes a paid order', () => {
  const saga = at({ step: 'mark_cart_checked_out', paymentState: 'captured' });
  assert.equal(decide(saga, down, live).kind, 'retry_later');
  const refused = decide(saga, { kind: 'rejected', status: 404, detail: 'no cart' }, live);
  assert.deepEqual([refused.saga.status, refused.kind === 'advance' && refused.orderChange], ['completed', undefined]);
  assert.equal(decide(at({ ...saga, attempts: 2 }), down, live).saga.status, 'completed');
});

test('compensations retry for as long as it takes, whatever the attempts', () => {
  const releasing = at({ step: 'release_stock', status: 'compensating', attempts: 99 });
  assert.equal(decide(releasing, down, live).kind, 'retry_later');
  assert.equal(decide(at({ step: 'release_cart', status: 'compensating', attempts: 99 }), down, live).kind, 'retry_later');
  const settling = at({ step: 'settle_payment', status: 'compensating', paymentState: 'unknown', attempts: 99 });
  assert.equal(decide(settling, down, recovery).kind, 'retry_later');
});

test('aborting a stuck saga compensates; a saga past payment cannot be aborted', () => {
  const stuck = at({ step: 'authorize_payment', attempts: 2 });
  assert.equal(isAbortable(stuck), true);
  const aborted = abortSaga(stuck, 'customer asked');
  assert.deepEqual([aborted.step, aborted.status, aborted.paymentState, aborted.attempts], ['release_stock', 'compensating', 'unknown', 0]);
  assert.equal(abortSaga(initialSaga(), 'x').paymentState, 'none');
  assert.equal(isAbortable(at({ step: 'mark_cart_checked_out' })), false);
  assert.equal(isAbortable(at({ step: 'release_stock', status: 'compensating' })), false);
});

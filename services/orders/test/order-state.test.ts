import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cancellationKind, canTransition, IllegalTransition, isRefundable, orderEvents, orderStates, transition, type OrderEvent, type OrderState } from '../src/domain/order-state.ts';

/** The legal moves, written out independently of the implementation's table. */
const legal: Array<[OrderState, OrderEvent, OrderState]> = [
  ['pending', 'reserve', 'reserved'],
  ['pending', 'cancel', 'cancelled'],
  ['reserved', 'pay', 'paid'],
  ['reserved', 'fail_payment', 'payment_failed'],
  ['reserved', 'cancel', 'cancelled'],
  ['paid', 'fulfil', 'fulfilled'],
  ['paid', 'cancel', 'cancelled'],
  ['paid', 'refund', 'refunded'],
  ['fulfilled', 'ship', 'shipped'],
  ['fulfilled', 'cancel', 'cancelled'],
  ['fulfilled', 'refund', 'refunded'],
  ['shipped', 'deliver', 'delivered'],
  ['shipped', 'refund', 'refunded'],
  ['delivered', 'refund', 'refunded'],
];

for (const [from, event, to] of legal) {
  test(`${from} --${event}--> ${to}`, () => {
    assert.equal(transition(from, event), to);
    assert.equal(canTransition(from, event), true);
  });
}

test('every other (state, event) pair is illegal and throws IllegalTransition', () => {
  const allowed = new Set(legal.map(([from, event]) => `${from}:${event}`));
  let illegal = 0;
  for (const from of orderStates) {
    for (const event of orderEvents) {
      if (allowed.has(`${from}:${event}`)) continue;
      illegal++;
      assert.equal(canTransition(from, event), false, `${from}:${event}`);
      assert.throws(() => transition(from, event), (error: unknown) => error instanceof IllegalTransition && error.from === from && error.event === event);
    }
  }
  assert.equal(illegal, orderStates.length * orderEvents.length - legal.length);
});

test('a sample of illegal moves reads well', () => {
  assert.throws(() => transition('pending', 'ship'), /Cannot ship an order that is pending/);
  assert.throws(() => transition('shipped', 'cancel'), /Cannot cancel an order that is shipped/);
  assert.throws(() => transition('payment_failed', 'pay'), IllegalTransition);
  assert.throws(() => transition('refunded', 'refund'), IllegalTransition);
  assert.throws(() => transition('delivered', 'deliver'), IllegalTransition);
  assert.throws(() => transition('cancelled', 'reserve'), IllegalTransition);
});

test('cancelling before payment releases stock; after payment it refunds', () => {
  assert.equal(cancellationKind('pending'), 'release_stock');
  assert.equal(cancellationKind('reserved'), 'release_stock');
  assert.equal(cancellationKind('paid'), 'refund_payment');
  assert.equal(cancellationKind('fulfilled'), 'refund_payment');
  assert.throws(() => cancellationKind('shipped'), IllegalTransition);
});

test('refundable states are exactly those where money was taken', () => {
  assert.deepEqual(orderStates.filter(isRefundable), ['paid', 'fulfilled', 'shipped', 'delivered']);
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@emporium/kit';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { paymentsAuthorize, type EventEnvelope } from '@emporium/contracts';
import { service } from '../src/app.ts';
import { standIns, UpstreamState } from './support/stand-ins.ts';
import { address, card, checkout, customer, eventually, newKey, staff } from './support/helpers.ts';

const upstream = new UpstreamState();
const events: EventEnvelope[] = [];
let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  platform = await TestPlatform.start([...standIns(upstream), service], { env: { orders: { ORDERS_SAGA_RECOVERY_MS: '200', ORDERS_SAGA_MAX_ATTEMPTS: '10000', ORDERS_CHECKOUT_BUDGET_MS: '60000' } } });
  api = apiClient(() => platform.url('orders'));
  await platform.service('orders').deps.bus.subscribe('orders-test', ['order.created', 'order.paid', 'order.payment_failed', 'order.cancelled'], async (event) => {
    events.push(event);
  });
});
after(() => platform.stop());

function cartWith(sku: string, quantity: number, stock: number, unitPrice = 1250, userId: string | null = null): string {
  upstream.stock.set(sku, stock);
  return upstream.addCart([{ sku, name: `Product ${sku}`, quantity, unitPrice }], userId);
}

const getOrder = (id: string) => api.get(`/orders/${id}`, { headers: staff });
const orderCount = async () => (await api.get('/orders?pageSize=1', { headers: staff })).body.total as number;
const eventFor = (type: string, orderId: string) => eventually(() => events.find((e) => e.type === type && (e.data as { orderId: string }).orderId === orderId), 10_000, type);

test('happy path: a guest checkout ends paid, with stock committed, cart converted and order.paid out', async () => {
  const cartId = cartWith('HAPPY-1', 2, 5);
  const res = await checkout(api, cartId);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const order = res.body;
  assert.equal(order.status, 'paid');
  assert.equal(order.email, 'guest@example.com');
  assert.equal(order.userId, null);
  assert.deepEqual(order.lines, [{ sku: 'HAPPY-1', name: 'Product HAPPY-1', quantity: 2, unitPrice: 1250, lineTotal: 2500 }]);
  assert.deepEqual([order.subtotal, order.discount, order.total, order.currency], [2500, 0, 2500, 'EUR']);
  assert.deepEqual(order.statusHistory.map((h: { state: string }) => h.state), ['pending', 'reserved', 'paid']);
  assert.deepEqual(order.checkout, { step: 'done', status: 'completed', attempts: 0 });

  assert.equal(upstream.reservations.get(order.id)?.status, 'committed');
  assert.equal(upstream.stock.get('HAPPY-1'), 3);
  assert.equal(upstream.carts.get(cartId)?.checkedOutBy, order.id);
  const [payment] = upstream.paymentsOf(order.id);
  assert.equal(payment?.status, 'captured');
  assert.equal(payment?.amount, 2500);
  assert.equal(order.paymentId, payment?.paymentId);
  const authorize = upstream.callsTo('payments', order.id).find((c) => c.path.endsWith('/authorize'));
  assert.equal(authorize?.idempotencyKey, `order-${order.id}-authorize`);
  assert.equal(authorize?.body.method.cardNumber, card.cardNumber);

  const paid = await eventFor('order.paid', order.id);
  assert.deepEqual(paid.data, { orderId: order.id, userId: null, email: 'guest@example.com', total: 2500, currency: 'EUR', lines: [{ sku: 'HAPPY-1', quantity: 2, unitPrice: 1250 }], paymentId: payment!.paymentId });
  await eventFor('order.created', order.id);
});

test('card data is passed to payments but stored nowhere in the orders database', async () => {
  const res = await checkout(api, cartWith('CARD-1', 1, 1));
  assert.equal(res.status, 201);
  const db = platform.service('orders').deps.db;
  for (const table of ['orders', 'order_lines', 'order_status_history', 'checkout_sagas', 'outbox']) {
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql.raw(`select * from ${table}`)));
    assert.ok(rows.length > 0, table);
    assert.doesNotMatch(JSON.stringify(rows), /4242424242424242|"cvc"/, table);
  }
});

test('a signed-in customer is taken from the headers and sees the order in their history', async () => {
  const headers = customer('cust-a');
  const res = await checkout(api, cartWith('MINE-1', 1, 3, 900, 'cust-a'), { headers, email: null });
  assert.equal(res.status, 201);
  assert.equal(res.body.userId, 'cust-a');
  assert.equal(res.body.email, 'cust-a@example.com');
  const mine = await api.get('/orders/mine', { headers });
  assert.equal(mine.status, 200);
  assert.deepEqual(mine.body.items.map((o: { id: string }) => o.id), [res.body.id]);
});

test("someone else's cart cannot be checked out", async () => {
  const res = await checkout(api, cartWith('OTHER-1', 1, 3, 900, 'cust-b'), { headers: customer('cust-c') });
  assert.equal(res.status, 403);
});

test('declined card: 402 with order id and code, order payment_failed, stock released, nothing captured', async () => {
  const cartId = cartWith('DECLINE-1', 2, 2);
  upstream.paymentsMode = 'decline';
  const res = await checkout(api, cartId).finally(() => (upstream.paymentsMode = 'ok'));
  assert.equal(res.status, 402);
  assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  assert.equal(res.body.code, 'card_declined');
  const orderId = res.body.orderId;
  assert.ok(orderId);
  const order = (await getOrder(orderId)).body;
  assert.equal(order.status, 'payment_failed');
  assert.deepEqual(order.statusHistory.map((h: { state: string }) => h.state), ['pending', 'reserved', 'payment_failed']);
  assert.ok(upstream.callsTo('inventory', orderId).some((c) => c.path.endsWith('/release')));
  assert.equal(upstream.reservations.get(orderId)?.status, 'released');
  assert.equal(upstream.stock.get('DECLINE-1'), 2);
  assert.equal(upstream.callsTo('payments', orderId).filter((c) => c.path.includes('/capture')).length, 0);
  assert.equal(upstream.carts.get(cartId)?.checkedOutBy, undefined);
  assert.equal(((await eventFor('order.payment_failed', orderId)).data as { reason: string }).reason, 'The card was declined');
});

test('out of stock: 409 naming the SKU, order cancelled, payments never called', async () => {
  upstream.stock.set('PLENTY-1', 10);
  upstream.stock.set('SCARCE-1', 1);
  const cartId = upstream.addCart([
    { sku: 'PLENTY-1', name: 'Plenty', quantity: 1, unitPrice: 100 },
    { sku: 'SCARCE-1', name: 'Scarce', quantity: 3, unitPrice: 100 },
  ]);
  const res = await checkout(api, cartId);
  assert.equal(res.status, 409);
  assert.equal(res.body.sku, 'SCARCE-1');
  assert.equal(res.body.requested, 3);
  assert.equal(res.body.available, 1);
  assert.match(res.body.detail, /SCARCE-1/);
  const orderId = res.body.orderId;
  assert.equal((await getOrder(orderId)).body.status, 'cancelled');
  assert.equal(upstream.callsTo('payments', orderId).length, 0);
  assert.equal(upstream.stock.get('PLENTY-1'), 10);
  await eventFor('order.cancelled', orderId);
});

test('an empty cart is 422 and creates no order; an unknown cart is 404', async () => {
  const before = await orderCount();
  const empty = await checkout(api, upstream.addCart([]));
  assert.equal(empty.status, 422);
  // A cart id the cart service accepts (a UUID; anything else is its 400), of no cart.
  const unknown = await checkout(api, randomUUID());
  assert.equal(unknown.status, 404);
  assert.equal(await orderCount(), before);
});

test('bad input is a 400 naming the field, and nothing is written or called', async () => {
  const before = await orderCount();
  const calls = upstream.calls.length;
  const cartId = cartWith('BAD-1', 1, 5);
  const body = { cartId, email: 'guest@example.com', payment: card, shippingAddress: address };
  const cases: Array<[unknown, Record<string, string>, RegExp]> = [
    [body, {}, /idempotency-key/],
    [{ ...body, email: undefined }, { 'idempotency-key': newKey() }, /body\.email/],
    [{ ...body, email: 'not-an-email' }, { 'idempotency-key': newKey() }, /body\.email/],
    [{ ...body, payment: { ...card, cardNumber: '12ab' } }, { 'idempotency-key': newKey() }, /body\.payment\.cardNumber/],
    [{ ...body, payment: { provider: 'sandbox' } }, { 'idempotency-key': newKey() }, /body\.payment\.cardNumber/],
    [{ ...body, payment: { ...card, expMonth: 13 } }, { 'idempotency-key': newKey() }, /body\.payment\.expMonth/],
    [{ ...body, shippingAddress: { ...address, city: undefined } }, { 'idempotency-key': newKey() }, /body\.shippingAddress\.city/],
    [{ ...body, shippingAddress: { ...address, name: 'x'.repeat(201) } }, { 'idempotency-key': newKey() }, /body\.shippingAddress\.name/],
    [{ ...body, cartId: 42 }, { 'idempotency-key': newKey() }, /body\.cartId/],
  ];
  for (const [payload, headers, field] of cases) {
    const res = await api.post('/orders', payload, { headers });
    assert.equal(res.status, 400, JSON.stringify(payload));
    assert.match(res.body.detail, field);
    assert.doesNotMatch(JSON.stringify(res.body), /4242424242424242/);
  }
  assert.equal(await orderCount(), before);
  assert.equal(upstream.calls.length, calls);
});

test('one cart, many keys at once: one order is paid, the others get 409 naming it and create nothing', async () => {
  const cartId = cartWith('ONCE-1', 1, 10);
  const before = await orderCount();
  const charges = upstream.payments.size;
  const results = await Promise.all(Array.from({ length: 6 }, () => checkout(api, cartId)));
  const paid = results.filter((r) => r.status === 201);
  assert.equal(paid.length, 1, JSON.stringify(results.map((r) => r.status)));
  const winner = paid[0]!.body.id;
  for (const lost of results.filter((r) => r.status !== 201)) {
    assert.equal(lost.status, 409);
    assert.match(lost.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(lost.body.orderId, winner);
  }
  assert.equal(await orderCount(), before + 1);
  assert.equal(upstream.payments.size, charges + 1, 'one charge');
  assert.equal(upstream.paymentsOf(winner).length, 1);
  assert.equal(upstream.stock.get('ONCE-1'), 9);
});

test('after a declined card the same cart can be checked out again with another card (the claim was released)', async () => {
  const cartId = cartWith('AGAIN-1', 1, 1);
  upstream.paymentsMode = 'decline';
  const declined = await checkout(api, cartId).finally(() => (upstream.paymentsMode = 'ok'));
  assert.equal(declined.status, 402);
  assert.equal(upstream.carts.get(cartId)?.claimedBy, undefined);
  const paid = await checkout(api, cartId);
  assert.equal(paid.status, 201, JSON.stringify(paid.body));
  assert.notEqual(paid.body.id, declined.body.orderId);
  assert.equal(upstream.carts.get(cartId)?.checkedOutBy, paid.body.id);
});

test('a free order (100 % discount) is confirmed without any payment step, its stock committed', async () => {
  upstream.stock.set('FREE-1', 2);
  const cartId = upstream.addCart([{ sku: 'FREE-1', name: 'Gift', quantity: 1, unitPrice: 900 }], null, 900);
  const res = await api.post('/orders', { cartId, email: 'free@example.com', shippingAddress: address }, { headers: { 'idempotency-key': newKey() } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.deepEqual([res.body.status, res.body.total, res.body.discount, res.body.paymentId], ['paid', 0, 900, null]);
  assert.deepEqual(res.body.checkout, { step: 'done', status: 'completed', attempts: 0 });
  assert.match(res.body.statusHistory.at(-1).note, /Nothing to pay/);
  assert.equal(upstream.callsTo('payments', res.body.id).length, 0);
  assert.equal(upstream.reservations.get(res.body.id)?.status, 'committed');
  assert.equal(upstream.stock.get('FREE-1'), 1);
  assert.equal(upstream.carts.get(cartId)?.checkedOutBy, res.body.id);
  assert.equal(((await eventFor('order.paid', res.body.id)).data as { total: number }).total, 0);
});

test('an order that costs something needs a payment: 400 naming body.payment, nothing written or claimed', async () => {
  const cartId = cartWith('NOPAY-1', 1, 2);
  const before = await orderCount();
  const res = await api.post('/orders', { cartId, email: 'guest@example.com', shippingAddress: address }, { headers: { 'idempotency-key': newKey() } });
  assert.equal(res.status, 400);
  assert.match(res.body.detail, /body\.payment/);
  assert.equal(await orderCount(), before);
  assert.equal(upstream.carts.get(cartId)?.claimedBy, undefined);
});

test('a provider payments does not have, a Luhn-invalid card or an over-long token: 400 naming the field, no order, no claim, no stock touched', async () => {
  const cartId = cartWith('VALID-1', 1, 2);
  const before = await orderCount();
  const inventoryCalls = upstream.callsTo('inventory').length;
  const post = (payment: object) => api.post('/orders', { cartId, email: 'guest@example.com', payment, shippingAddress: address }, { headers: { 'idempotency-key': newKey() } });

  const stripe = await post({ ...card, provider: 'stripe' });
  assert.equal(stripe.status, 400);
  assert.match(stripe.body.detail, /body\.payment\.provider: payment provider stripe is not configured/);
  assert.deepEqual(stripe.body.providers, ['sandbox']);
  const luhn = await post({ ...card, cardNumber: '4242 4242 4242 4241' });
  assert.equal(luhn.status, 400);
  assert.match(luhn.body.detail, /body\.payment\.cardNumber/);
  assert.notEqual(luhn.body.code, 'card_declined');
  const token = await post({ token: 't'.repeat(256) });
  assert.equal(token.status, 400);
  assert.match(token.body.detail, /body\.payment\.token/);

  assert.equal(await orderCount(), before);
  assert.equal(upstream.carts.get(cartId)?.claimedBy, undefined);
  assert.equal(upstream.callsTo('inventory').length, inventoryCalls);
  // A provider payments has passes the same check.
  assert.equal((await post({ ...card, provider: 'sandbox' })).status, 201);
});

test('the same Idempotency-Key never creates two orders, sequentially or concurrently', async () => {
  const cartId = cartWith('IDEM-1', 1, 10);
  const key = newKey();
  const first = await checkout(api, cartId, { key });
  const again = await checkout(api, cartId, { key });
  assert.deepEqual([first.status, again.status], [201, 200]);
  assert.equal(again.body.id, first.body.id);
  assert.equal(again.body.status, 'paid');

  const before = await orderCount();
  const concurrentKey = newKey();
  const concurrentCart = cartWith('IDEM-2', 1, 10);
  const results = await Promise.all([1, 2, 3].map(() => checkout(api, concurrentCart, { key: concurrentKey })));
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 200, 201]);
  assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
  assert.equal(await orderCount(), before + 1);
  assert.equal(upstream.callsTo('payments', results[0]!.body.id).filter((c) => c.path.endsWith('/authorize')).length, 1);
  assert.equal(upstream.stock.get('IDEM-2'), 9);

  const reused = await checkout(api, cartWith('IDEM-3', 1, 1), { key });
  assert.equal(reused.status, 422); // the same key with another request (Stripe's rule)
});

test('payments down: 503 saying so, order payment_failed, stock released — never half-done', async () => {
  const cartId = cartWith('DOWN-1', 1, 4);
  await platform.stopService('payments');
  try {
    const res = await checkout(api, cartId);
    assert.equal(res.status, 503);
    assert.match(res.body.detail, /payment service is unavailable/i);
    const orderId = res.body.orderId;
    const order = (await getOrder(orderId)).body;
    assert.equal(order.status, 'payment_failed');
    assert.equal(upstream.reservations.get(orderId)?.status, 'released');
    assert.equal(upstream.stock.get('DOWN-1'), 4);
    // The authorization's fate is unknown while payments is down: the saga keeps trying to settle it.
    assert.deepEqual([order.checkout.step, order.checkout.status], ['settle_payment', 'compensating']);
  } finally {
    await platform.restartService('payments');
  }
});

/**
 * Payments records the authorization but its answer hangs; orders begins shutting down with the
 * saga in flight; then payments fails and stays down. Returns once orders is back up.
 */
async function interruptCheckoutAfterAuthorization(cartId: string): Promise<string> {
  upstream.paymentsMode = 'hang';
  const pending = checkout(api, cartId);
  await eventually(() => (upstream.hungCount > 0 ? true : undefined), 10_000, 'the authorization to reach payments');
  // The last authorization: an earlier test's saga may still be asking payments about its settlement meanwhile.
  const orderId = upstream.callsTo('payments').filter((call) => call.path === paymentsAuthorize.path).at(-1)!.body.orderId as string;
  assert.equal(upstream.reservations.get(orderId)?.status, 'reserved');

  const restarting = platform.restartService('orders');
  await eventually(async () => ((await fetch(`${platform.url('orders')}/health`).then((r) => r.status, () => 0)) === 200 ? undefined : true), 10_000, 'orders to start closing');
  upstream.paymentsMode = 'down';
  upstream.releaseHung();
  const answer = await pending;
  // The order exists: the client is told where to follow it, never a bare 503.
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  assert.deepEqual([answer.body.id, answer.body.status, answer.headers.get('location')], [orderId, 'reserved', `orders/${orderId}?email=guest%40example.com`]);
  await restarting;
  return orderId;
}

test('orders restarting mid-saga: recovery resumes the checkout after payments comes back', async () => {
  const cartId = cartWith('CRASH-1', 1, 2);
  const orderId = await interruptCheckoutAfterAuthorization(cartId);

  // Restarted, the recovery pass finds the saga at authorize_payment but cannot reach payments.
  const waiting = await eventually(async () => {
    const order = (await getOrder(orderId)).body;
    return order.checkout?.attempts > 0 ? order : undefined;
  }, 20_000, 'a recovery attempt');
  assert.equal(waiting.status, 'reserved');

  upstream.paymentsMode = 'ok';
  const recovered = await eventually(async () => {
    const order = (await getOrder(orderId)).body;
    return order.status === 'paid' ? order : undefined;
  }, 30_000, 'the recovered saga to reach paid');
  assert.equal(recovered.checkout.step === 'done' || recovered.checkout.step === 'mark_cart_checked_out', true);
  assert.equal(upstream.reservations.get(orderId)?.status, 'committed');
  assert.equal(upstream.paymentsOf(orderId).length, 1);
  assert.equal(upstream.paymentsOf(orderId)[0]?.status, 'captured');
  assert.equal(upstream.carts.get(cartId)?.checkedOutBy, orderId);
  // The restarted instance has its own bus connection: check its outbox published order.paid.
  const published = await eventually(async () => {
    const rows = rowsOf<{ published_at: Date | null }>(
      await platform.service('orders').deps.db.execute(sql`select published_at from outbox where type = 'order.paid' and data->>'orderId' = ${orderId}`),
    );
    return rows[0]?.published_at ? rows : undefined;
  }, 10_000, 'order.paid to be published');
  assert.equal(published.length, 1);
});

test('staff cancel a checkout stuck waiting for payments: stock released now, authorization voided later', async () => {
  const cartId = cartWith('STUCK-1', 1, 1);
  const orderId = await interruptCheckoutAfterAuthorization(cartId);
  // A recovery pass may hold the saga for a moment: then cancel answers 409 and is retried.
  const cancelled = await eventually(async () => {
    const res = await api.post(`/orders/${orderId}/cancel`, { reason: 'Stuck checkout' }, { headers: staff });
    return res.status === 200 ? res.body : undefined;
  }, 20_000, 'the cancel to go through');
  assert.equal(cancelled.status, 'cancelled');
  assert.deepEqual([cancelled.checkout.step, cancelled.checkout.status], ['settle_payment', 'compensating']);
  assert.equal(upstream.reservations.get(orderId)?.status, 'released');
  assert.equal(upstream.stock.get('STUCK-1'), 1);
  assert.equal(upstream.paymentsOf(orderId)[0]?.status, 'authorized');

  upstream.paymentsMode = 'ok';
  const settled = await eventually(async () => {
    const order = (await getOrder(orderId)).body;
    return order.checkout.status === 'compensated' ? order : undefined;
  }, 30_000, 'the authorization to be voided');
  assert.equal(settled.status, 'cancelled');
  assert.equal(upstream.paymentsOf(orderId)[0]?.status, 'voided');
  assert.equal(upstream.carts.get(cartId)?.checkedOutBy, undefined);
  assert.equal(upstream.carts.get(cartId)?.claimedBy, undefined);
});

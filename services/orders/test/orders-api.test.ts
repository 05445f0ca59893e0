import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@emporium/kit';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { standIns, UpstreamState } from './support/stand-ins.ts';
import { checkout, customer, newKey, staff } from './support/helpers.ts';

const upstream = new UpstreamState();
let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  platform = await TestPlatform.start([...standIns(upstream), service], { env: { orders: { ORDERS_CHECKOUT_BUDGET_MS: '60000' } } });
  api = apiClient(() => platform.url('orders'));
});
after(() => platform.stop());

/** A paid order of `total` (one line), placed by `userId` or a guest. */
async function paidOrder(userId: string | null = null, total = 4000) {
  const sku = `SKU-${newKey()}`;
  upstream.stock.set(sku, 1);
  const cartId = upstream.addCart([{ sku, name: 'Thing', quantity: 1, unitPrice: total }], userId);
  const res = await checkout(api, cartId, userId ? { headers: customer(userId) } : {});
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; status: string; paymentId: string; email: string };
}

const outboxTypes = async (orderId: string) =>
  rowsOf<{ type: string; data: Record<string, unknown> }>(
    await platform.service('orders').deps.db.execute(sql`select type, data from outbox where data->>'orderId' = ${orderId} order by occurred_at`),
  );

test('staff flow: fulfil, ship with tracking, deliver — history, shipments and events follow', async () => {
  const order = await paidOrder('cust-ship');
  const fulfilled = await api.post(`/orders/${order.id}/fulfil`, undefined, { headers: staff });
  assert.equal(fulfilled.status, 200);
  assert.equal(fulfilled.body.status, 'fulfilled');

  const shipped = await api.post(`/orders/${order.id}/shipments`, { carrier: 'DHL', trackingNumber: 'JD0001' }, { headers: staff });
  assert.equal(shipped.status, 201);
  assert.equal(shipped.body.status, 'shipped');
  assert.deepEqual(shipped.body.shipments.map((s: { carrier: string; trackingNumber: string }) => [s.carrier, s.trackingNumber]), [['DHL', 'JD0001']]);

  const delivered = await api.post(`/orders/${order.id}/deliver`, undefined, { headers: staff });
  assert.equal(delivered.body.status, 'delivered');

  const seen = await api.get(`/orders/${order.id}`, { headers: customer('cust-ship') });
  assert.equal(seen.status, 200);
  assert.deepEqual(seen.body.statusHistory.map((h: { state: string }) => h.state), ['pending', 'reserved', 'paid', 'fulfilled', 'shipped', 'delivered']);
  assert.ok(seen.body.statusHistory.every((h: { at: string }) => !Number.isNaN(Date.parse(h.at))));
  assert.equal(seen.body.shipments.length, 1);

  const events = await outboxTypes(order.id);
  assert.deepEqual(events.map((e) => e.type), ['order.created', 'order.paid', 'order.shipped', 'order.delivered']);
  assert.deepEqual(events[2]!.data, { orderId: order.id, userId: 'cust-ship', email: 'cust-ship@example.com', carrier: 'DHL', trackingNumber: 'JD0001' });
});

test('illegal moves are 409 problems and change nothing', async () => {
  const order = await paidOrder();
  const cases: Array<[string, unknown]> = [
    [`/orders/${order.id}/deliver`, undefined],
    [`/orders/${order.id}/shipments`, { carrier: 'DHL', trackingNumber: 'X1' }],
  ];
  for (const [path, body] of cases) {
    const res = await api.post(path, body, { headers: staff });
    assert.equal(res.status, 409, path);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(res.body.state, 'paid');
  }
  const after = await api.get(`/orders/${order.id}`, { headers: staff });
  assert.equal(after.body.status, 'paid');
  assert.equal(after.body.shipments.length, 0);
});

test("a customer cannot see another customer's order; guests need the order's email", async () => {
  const mine = await paidOrder('cust-x');
  assert.equal((await api.get(`/orders/${mine.id}`, { headers: customer('cust-y') })).status, 403);
  assert.equal((await api.get(`/orders/${mine.id}`, { headers: customer('cust-x') })).status, 200);
  assert.equal((await api.get(`/orders/${mine.id}?email=cust-x@example.com`)).status, 404);

  const guest = await paidOrder(null);
  assert.equal((await api.get(`/orders/${guest.id}?email=GUEST@example.com`)).status, 200);
  assert.equal((await api.get(`/orders/${guest.id}?email=someone@example.com`)).status, 404);
  assert.equal((await api.get(`/orders/${guest.id}`)).status, 401);
  assert.equal((await api.get(`/orders/${guest.id}`, { headers: customer('cust-y') })).status, 403);
  assert.equal((await api.get('/orders/mine')).status, 401);
});

test('customers cannot use staff routes', async () => {
  const order = await paidOrder('cust-z');
  const headers = customer('cust-z');
  assert.equal((await api.get('/orders', { headers })).status, 403);
  assert.equal((await api.post(`/orders/${order.id}/fulfil`, undefined, { headers })).status, 403);
  assert.equal((await api.post(`/orders/${order.id}/cancel`, { reason: 'x' }, { headers })).status, 403);
  assert.equal((await api.post(`/orders/${order.id}/fulfil`)).status, 401);
  assert.equal((await api.get(`/orders/${order.id}`, { headers: staff })).body.status, 'paid');
});

test('order history and the staff list page newest first and filter by status', async () => {
  const first = await paidOrder('cust-pages');
  const second = await paidOrder('cust-pages');
  const third = await paidOrder('cust-pages');
  const page1 = await api.get('/orders/mine?pageSize=2', { headers: customer('cust-pages') });
  assert.deepEqual([page1.body.total, page1.body.page, page1.body.pageSize], [3, 1, 2]);
  assert.deepEqual(page1.body.items.map((o: { id: string }) => o.id), [third.id, second.id]);
  const page2 = await api.get('/orders/mine?pageSize=2&page=2', { headers: customer('cust-pages') });
  assert.deepEqual(page2.body.items.map((o: { id: string }) => o.id), [first.id]);

  await api.post(`/orders/${first.id}/fulfil`, undefined, { headers: staff });
  const fulfilled = await api.get('/orders?status=fulfilled&pageSize=100', { headers: staff });
  assert.equal(fulfilled.status, 200);
  assert.ok(fulfilled.body.items.some((o: { id: string }) => o.id === first.id));
  assert.ok(fulfilled.body.items.every((o: { status: string }) => o.status === 'fulfilled'));
  assert.equal((await api.get('/orders?status=lost', { headers: staff })).status, 400);
  assert.equal((await api.get('/orders/mine?pageSize=1000', { headers: customer('cust-pages') })).status, 400);
});

test('cancelling a paid order refunds it in full; a shipped order cannot be cancelled', async () => {
  const order = await paidOrder(null, 3000);
  const res = await api.post(`/orders/${order.id}/cancel`, { reason: 'Customer changed their mind' }, { headers: staff });
  assert.equal(res.status, 200);
  assert.equal(res.body.status, 'cancelled');
  assert.equal(res.body.refundedAmount, 3000);
  assert.deepEqual(upstream.paymentsOf(order.id).map((p) => [p.status, p.refundedAmount]), [['refunded', 3000]]);
  const events = await outboxTypes(order.id);
  assert.equal(events.at(-1)?.type, 'order.cancelled');
  assert.equal(events.at(-1)?.data.reason, 'Customer changed their mind');

  const shipped = await paidOrder();
  await api.post(`/orders/${shipped.id}/fulfil`, undefined, { headers: staff });
  await api.post(`/orders/${shipped.id}/shipments`, { carrier: 'UPS', trackingNumber: '1Z' }, { headers: staff });
  const refused = await api.post(`/orders/${shipped.id}/cancel`, { reason: 'too late' }, { headers: staff });
  assert.equal(refused.status, 409);
  assert.equal(upstream.paymentsOf(shipped.id)[0]?.refundedAmount, 0);
});

test('a cancelled order cannot be cancelled again, and cancel needs a reason', async () => {
  const order = await paidOrder();
  assert.equal((await api.post(`/orders/${order.id}/cancel`, {}, { headers: staff })).status, 400);
  assert.equal((await api.post(`/orders/${order.id}/cancel`, { reason: 'dup' }, { headers: staff })).status, 200);
  assert.equal((await api.post(`/orders/${order.id}/cancel`, { reason: 'dup' }, { headers: staff })).status, 409);
});

test('refunds: partial then the rest; the same Idempotency-Key refunds once; full → refunded', async () => {
  const order = await paidOrder('cust-refund', 5000);
  const partialKey = newKey();
  const partial = await api.post(`/orders/${order.id}/refund`, { amount: 2000, reason: 'Damaged box' }, { headers: { ...staff, 'idempotency-key': partialKey } });
  assert.equal(partial.status, 200, JSON.stringify(partial.body));
  assert.deepEqual([partial.body.status, partial.body.refundedAmount], ['paid', 2000]);
  const retried = await api.post(`/orders/${order.id}/refund`, { amount: 2000, reason: 'Damaged box' }, { headers: { ...staff, 'idempotency-key': partialKey } });
  assert.equal(retried.status, 200);
  assert.equal(retried.body.refundedAmount, 2000);
  assert.equal(upstream.paymentsOf(order.id)[0]?.refundedAmount, 2000);
  // The same key with another amount is Stripe's 422, and refunds nothing.
  const reused = await api.post(`/orders/${order.id}/refund`, { amount: 1000, reason: 'Damaged box' }, { headers: { ...staff, 'idempotency-key': partialKey } });
  assert.equal(reused.status, 422);
  assert.equal(upstream.paymentsOf(order.id)[0]?.refundedAmount, 2000);

  const tooMuch = await api.post(`/orders/${order.id}/refund`, { amount: 3001, reason: 'x' }, { headers: { ...staff, 'idempotency-key': newKey() } });
  assert.equal(tooMuch.status, 422);
  const rest = await api.post(`/orders/${order.id}/refund`, { reason: 'Goodwill' }, { headers: { ...staff, 'idempotency-key': newKey() } });
  assert.deepEqual([rest.body.status, rest.body.refundedAmount], ['refunded', 5000]);
  assert.equal(upstream.paymentsOf(order.id)[0]?.status, 'refunded');

  const refunds = (await outboxTypes(order.id)).filter((e) => e.type === 'order.refunded');
  assert.deepEqual(refunds.map((e) => e.data.amount), [2000, 3000]);
  const again = await api.post(`/orders/${order.id}/refund`, { reason: 'again' }, { headers: { ...staff, 'idempotency-key': newKey() } });
  assert.equal(again.status, 409);
});

test('bad input on staff routes is a 400 and changes nothing', async () => {
  const order = await paidOrder();
  const bad: Array<[string, unknown, Record<string, string>, RegExp]> = [
    [`/orders/${order.id}/shipments`, { carrier: 'DHL' }, {}, /body\.trackingNumber/],
    [`/orders/${order.id}/shipments`, { carrier: '', trackingNumber: 'T' }, {}, /body\.carrier/],
    [`/orders/${order.id}/refund`, { amount: -5, reason: 'x' }, { 'idempotency-key': newKey() }, /body\.amount/],
    [`/orders/${order.id}/refund`, { amount: 1.5, reason: 'x' }, { 'idempotency-key': newKey() }, /body\.amount/],
    [`/orders/${order.id}/refund`, { amount: 10, reason: 'x' }, {}, /idempotency-key/],
    ['/orders/not-a-uuid/fulfil', undefined, {}, /params\.id/],
  ];
  for (const [path, body, headers, field] of bad) {
    const res = await api.post(path, body, { headers: { ...staff, ...headers } });
    assert.equal(res.status, 400, path);
    assert.match(res.body.detail, field);
  }
  const after = (await api.get(`/orders/${order.id}`, { headers: staff })).body;
  assert.deepEqual([after.status, after.refundedAmount, after.shipments.length], ['paid', 0, 0]);
  assert.equal(upstream.paymentsOf(order.id)[0]?.refundedAmount, 0);
});

test('unknown orders are 404', async () => {
  const id = '00000000-0000-4000-8000-000000000000';
  assert.equal((await api.get(`/orders/${id}`, { headers: staff })).status, 404);
  assert.equal((await api.post(`/orders/${id}/fulfil`, undefined, { headers: staff })).status, 404);
  assert.equal((await api.post(`/orders/${id}/refund`, { reason: 'x' }, { headers: { ...staff, 'idempotency-key': newKey() } })).status, 404);
});

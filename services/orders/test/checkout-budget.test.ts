import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { standIns, UpstreamState } from './support/stand-ins.ts';
import { checkout, eventually, newKey, staff } from './support/helpers.ts';

// The 202 path: payments holds its answer (until the test lets it go) past the checkout's time budget.
const upstream = new UpstreamState();
let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  platform = await TestPlatform.start([...standIns(upstream), service], { env: { orders: { ORDERS_CHECKOUT_BUDGET_MS: '1000', ORDERS_SAGA_RECOVERY_MS: '200' } } });
  api = apiClient(() => platform.url('orders'));
});
after(async () => {
  upstream.releaseHung();
  await platform.stop();
});

test('a checkout outliving its budget answers 202 with the order, its status and where to follow it; the saga goes on to paid', async () => {
  upstream.stock.set('SLOW-1', 3);
  const cartId = upstream.addCart([{ sku: 'SLOW-1', name: 'Slow', quantity: 1, unitPrice: 700 }]);
  upstream.paymentsMode = 'hang';
  const key = newKey();
  const accepted = await checkout(api, cartId, { key });
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  const orderId = accepted.body.id;
  assert.equal(accepted.body.status, 'reserved');
  assert.deepEqual(accepted.body.checkout, { step: 'authorize_payment', status: 'running', attempts: 0 });
  assert.equal(accepted.body.statusUrl, `orders/${orderId}?email=guest%40example.com`);
  assert.equal(accepted.headers.get('location'), accepted.body.statusUrl);
  assert.equal(upstream.hungCount, 1, 'the authorization is still waiting at payments');

  // A retry with the same key while it runs is also told to wait, and starts nothing new.
  const retried = await checkout(api, cartId, { key });
  assert.deepEqual([retried.status, retried.body.id], [202, orderId]);

  // The status URL resolves against the request URL (here /orders), as a client would.
  const statusUrl = new URL(accepted.headers.get('location')!, `${platform.url('orders')}/orders`).toString();
  assert.equal((await fetch(statusUrl).then((r) => r.json()) as { id: string }).id, orderId);

  upstream.paymentsMode = 'ok';
  upstream.releaseHung();
  const paid = await eventually(async () => {
    const order = (await api.get(`/orders/${orderId}`, { headers: staff })).body;
    return order.checkout.status === 'completed' ? order : undefined;
  }, 30_000, 'the order to be paid');
  assert.equal(paid.status, 'paid');
  assert.equal(upstream.paymentsOf(orderId).length, 1);
  assert.equal(upstream.paymentsOf(orderId)[0]?.status, 'captured');
  assert.equal(upstream.carts.get(cartId)?.checkedOutBy, orderId);
  assert.deepEqual([(await checkout(api, cartId, { key })).status, (await checkout(api, cartId, { key })).body.status], [200, 'paid']);
});

test('a checkout that fails after its budget compensates in the background: payment_failed, stock and cart given back, authorization voided', async () => {
  upstream.stock.set('SLOW-2', 1);
  const cartId = upstream.addCart([{ sku: 'SLOW-2', name: 'Slow', quantity: 1, unitPrice: 700 }]);
  upstream.paymentsMode = 'hang';
  const accepted = await checkout(api, cartId);
  assert.equal(accepted.status, 202);
  const orderId = accepted.body.id;
  upstream.paymentsMode = 'down';
  upstream.releaseHung();
  const order = async () => (await api.get(`/orders/${orderId}`, { headers: staff })).body;
  await eventually(async () => ((await order()).status === 'payment_failed' && upstream.carts.get(cartId)?.claimedBy === undefined ? true : undefined), 30_000, 'the compensation');
  assert.equal(upstream.stock.get('SLOW-2'), 1);
  upstream.paymentsMode = 'ok';
  const settled = await eventually(async () => ((await order()).checkout.status === 'compensated' ? order() : undefined), 30_000, 'the authorization to be voided');
  assert.equal(settled.status, 'payment_failed');
  assert.equal(upstream.paymentsOf(orderId)[0]?.status, 'voided');
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TestPlatform, apiClient, testCard, type ApiClient } from '@emporium/kit/testing';
import { service as orders } from '@emporium/orders';
import { service as gateway } from '@emporium/gateway';
import { standIns, UpstreamState } from '../services/orders/test/support/stand-ins.ts';
import { eventually } from './helpers.ts';

// A checkout through the gateway whose payment is slow: payments (a stand-in) holds its answer
// until the test lets it go, far past orders' time budget but not the gateway's timeout.
const upstream = new UpstreamState();
let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  platform = await TestPlatform.start([...standIns(upstream), orders, gateway], {
    env: { orders: { ORDERS_CHECKOUT_BUDGET_MS: '1000', ORDERS_UPSTREAM_TIMEOUT_MS: '30000' }, gateway: { RATE_LIMIT_MAX: '100000', UPSTREAM_TIMEOUT_MS: '30000' } },
  });
  api = apiClient(() => platform.url('gateway'));
});
after(async () => {
  upstream.releaseHung();
  await platform?.stop();
});

test('a slow checkout is answered 202 through the gateway with a Location to poll; it ends paid and no circuit opened', async () => {
  upstream.stock.set('BUDGET-1', 4);
  const address = { name: 'Slow Buyer', line1: '1 Long Road', city: 'Porto', postalCode: '4000-001', country: 'PT' };
  const placeSlowly = (cartId: string) =>
    api.post('/api/v1/orders', { cartId, email: 'slow@e2e.test', payment: testCard(), shippingAddress: address }, { headers: { 'idempotency-key': randomUUID() } });

  upstream.paymentsMode = 'hang';
  // Several in a row: were slow answers counted as failures, the gateway's breaker for orders would open.
  const accepted = [];
  for (let i = 0; i < 3; i++) {
    const res = await placeSlowly(upstream.addCart([{ sku: 'BUDGET-1', name: 'Budget', quantity: 1, unitPrice: 1500 }]));
    assert.equal(res.status, 202, JSON.stringify(res.body));
    accepted.push(res);
  }
  const first = accepted[0]!;
  assert.equal(first.body.status, 'reserved');
  const location = first.headers.get('location')!;
  assert.equal(location, first.body.statusUrl);
  // Resolved against the request URL, the Location is the order's URL through the gateway.
  const statusUrl = new URL(location, `${platform.url('gateway')}/api/v1/orders`);
  assert.equal(statusUrl.pathname, `/api/v1/orders/${first.body.id}`);

  upstream.paymentsMode = 'ok';
  upstream.releaseHung();
  const paidInTheEnd = async (orderId: string) => {
    const url = `${platform.url('gateway')}/api/v1/orders/${orderId}?email=slow%40e2e.test`;
    const paid = await eventually(async () => {
      const order = await fetch(url).then((r) => r.json() as Promise<{ status: string; checkout: { status: string } }>);
      return order.checkout.status === 'completed' ? order : undefined;
    }, 'the order to be paid', 30_000);
    assert.equal(paid.status, 'paid');
  };
  for (const res of accepted) {
    assert.equal(new URL(res.headers.get('location')!, `${platform.url('gateway')}/api/v1/orders`).pathname, `/api/v1/orders/${res.body.id}`);
    await paidInTheEnd(res.body.id);
  }
  // The gateway kept routing to orders (an open circuit would answer 503): a fresh checkout goes
  // through — at once (201), or past the short budget on a busy machine (202), paid either way.
  const quick = await placeSlowly(upstream.addCart([{ sku: 'BUDGET-1', name: 'Budget', quantity: 1, unitPrice: 1500 }]));
  assert.ok([201, 202].includes(quick.status), JSON.stringify(quick.body));
  await paidInTheEnd(quick.body.id);
});

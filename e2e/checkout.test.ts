import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TestPlatform, apiClient, testCard, testCardNumbers, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as catalog } from '@emporium/catalog';
import { service as inventory } from '@emporium/inventory';
import { service as payments } from '@emporium/payments';
import { service as cart } from '@emporium/cart';
import { service as orders } from '@emporium/orders';
import { service as notifications } from '@emporium/notifications';
import { service as gateway } from '@emporium/gateway';
import { adminCredentials, eventually, login, usersEnv } from './helpers.ts';
import { startSmtpServer, decodedText } from './smtp.ts';

// Checkout end to end through the gateway with every real service and a real SMTP server.
const goodCard = testCard(testCardNumbers.approved);
const declinedCard = testCard(testCardNumbers.declined);
const address = { name: 'Guest Buyer', line1: '1 Market St', city: 'Lisbon', postalCode: '1000-001', country: 'PT' };

let platform: TestPlatform;
let api: ApiClient;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let adminToken: string;

before(async () => {
  smtp = await startSmtpServer();
  platform = await TestPlatform.start([users, catalog, inventory, payments, cart, orders, notifications, gateway], {
    env: {
      users: usersEnv,
      notifications: { SMTP_URL: smtp.url, RETRY_BASE_MS: '200', RETRY_POLL_MS: '200' },
      // generous timeouts: on a loaded CI machine a slow answer must not pass for a service being down
      orders: { ORDERS_UPSTREAM_TIMEOUT_MS: '30000', ORDERS_CHECKOUT_BUDGET_MS: '50000' },
      cart: { CATALOG_TIMEOUT_MS: '20000' },
      gateway: { RATE_LIMIT_MAX: '100000', UPSTREAM_TIMEOUT_MS: '60000' },
    },
  });
  api = apiClient(() => platform.url('gateway'));
  adminToken = (await login(api, adminCredentials.email, adminCredentials.password)).accessToken;
  assert.equal((await api.post('/api/v1/inventory/warehouses', { id: 'main', name: 'Main' }, { token: adminToken })).status, 201);
});
after(async () => {
  await platform?.stop();
  await smtp?.close();
});

async function product(sku: string, price: number, stock: number): Promise<void> {
  const created = await api.post('/api/v1/catalog/products', { name: `Item ${sku}`, description: 'e2e checkout item', sku, price, currency: 'EUR' }, { token: adminToken });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const stocked = await api.put(`/api/v1/inventory/stock/${sku}`, { warehouseId: 'main', onHand: stock }, { token: adminToken });
  assert.equal(stocked.status, 200, JSON.stringify(stocked.body));
}

async function stockOf(sku: string): Promise<{ onHand: number; reserved: number; available: number }> {
  return (await api.get(`/api/v1/inventory/stock/${sku}`)).body.totals;
}

async function cartWith(lines: Array<[string, number]>): Promise<string> {
  const created = await api.post('/api/v1/cart/carts', {});
  assert.equal(created.status, 201);
  for (const [sku, quantity] of lines) {
    const added = await api.post(`/api/v1/cart/carts/${created.body.id}/items`, { sku, quantity });
    assert.equal(added.status, 200, JSON.stringify(added.body));
  }
  return created.body.id;
}

function checkout(cartId: string, email: string, payment: object = goodCard, key = randomUUID()) {
  return api.post('/api/v1/orders', { cartId, email, payment, shippingAddress: address }, { headers: { 'idempotency-key': key } });
}

async function orderCount(): Promise<number> {
  return (await api.get('/api/v1/orders?pageSize=1', { token: adminToken })).body.total;
}

async function usedCount(code: string): Promise<number> {
  const list = await api.get('/api/v1/cart/discount-codes', { token: adminToken });
  return list.body.items.find((c: { code: string }) => c.code === code).usedCount;
}

async function cartWithCode(lines: Array<[string, number]>, code: string): Promise<string> {
  const cartId = await cartWith(lines);
  const applied = await api.post(`/api/v1/cart/carts/${cartId}/discount`, { code });
  assert.equal(applied.status, 200, JSON.stringify(applied.body));
  return cartId;
}

async function invoicesOf(orderId: string): Promise<unknown[]> {
  const res = await api.get(`/api/v1/payments/invoices?orderId=${orderId}`, { token: adminToken });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items;
}

function mailTo(address: string, containing: string) {
  return eventually(async () => smtp.inbox.find((m) => m.to.includes(address) && decodedText(m).includes(containing)), `an email to ${address} containing ${containing}`);
}

test('happy path: browse, cart, discount code, good card → paid, stock reduced, invoice, confirmation email', async () => {
  await product('E2E-TENT', 25000, 10);
  const found = await api.get('/api/v1/catalog/products?q=E2E-TENT%20item');
  assert.ok(found.body.items.some((p: { sku: string }) => p.sku === 'E2E-TENT'));
  assert.equal((await api.post('/api/v1/cart/discount-codes', { code: 'WELCOME10', kind: 'percentage', value: 10 }, { token: adminToken })).status, 201);

  const cartId = await cartWith([['E2E-TENT', 2]]);
  const discounted = await api.post(`/api/v1/cart/carts/${cartId}/discount`, { code: 'welcome10' });
  assert.equal(discounted.status, 200, JSON.stringify(discounted.body));
  assert.equal(discounted.body.subtotal, 50000);
  assert.equal(discounted.body.total, 45000);

  const placed = await checkout(cartId, 'happy@e2e.test');
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  assert.equal(placed.body.status, 'paid');
  assert.equal(placed.body.total, 45000);
  assert.deepEqual(await stockOf('E2E-TENT'), { onHand: 8, reserved: 0, available: 8 });
  const invoices = await invoicesOf(placed.body.id);
  assert.equal(invoices.length, 1);
  assert.match(JSON.stringify(invoices[0]), /INV-\d{4}-\d+/);
  await mailTo('happy@e2e.test', placed.body.id);
  // the guest tracks the order with its email; without it, nothing is shown
  const tracked = await api.get(`/api/v1/orders/${placed.body.id}?email=happy@e2e.test`);
  assert.equal(tracked.status, 200);
  assert.equal(tracked.body.statusHistory.at(-1).state, 'paid');
  assert.notEqual((await api.get(`/api/v1/orders/${placed.body.id}`)).status, 200);
  assert.notEqual((await api.get(`/api/v1/orders/${placed.body.id}?email=someone@else.test`)).status, 200);
  assert.equal((await api.get(`/api/v1/cart/carts/${cartId}`)).body.status, 'converted');
  const again = await checkout(cartId, 'happy@e2e.test');
  assert.equal(again.status, 409, 'a converted cart is not bought twice under a new key');
});

test('declined card → payment_failed, stock released, nothing charged, a failure email', async () => {
  await product('E2E-LAMP', 3000, 4);
  const cartId = await cartWith([['E2E-LAMP', 1]]);
  const placed = await checkout(cartId, 'declined@e2e.test', declinedCard);
  assert.equal(placed.status, 402, JSON.stringify(placed.body));
  assert.equal(placed.body.code, 'card_declined');
  const order = await api.get(`/api/v1/orders/${placed.body.orderId}`, { token: adminToken });
  assert.equal(order.body.status, 'payment_failed');
  assert.deepEqual(await stockOf('E2E-LAMP'), { onHand: 4, reserved: 0, available: 4 });
  assert.deepEqual(await invoicesOf(placed.body.orderId), []);
  await mailTo('declined@e2e.test', placed.body.orderId);
});

test('out of stock on one line → 409 naming the SKU, nothing reserved', async () => {
  await product('E2E-MUG', 1200, 3);
  await product('E2E-RUG', 9900, 1);
  const cartId = await cartWith([['E2E-MUG', 2], ['E2E-RUG', 2]]);
  const placed = await checkout(cartId, 'short@e2e.test');
  assert.equal(placed.status, 409, JSON.stringify(placed.body));
  assert.equal(placed.body.sku, 'E2E-RUG');
  assert.match(placed.body.detail, /E2E-RUG/);
  assert.deepEqual(await stockOf('E2E-MUG'), { onHand: 3, reserved: 0, available: 3 });
  assert.deepEqual(await stockOf('E2E-RUG'), { onHand: 1, reserved: 0, available: 1 });
});

test('20 parallel checkouts for the last 5 units → exactly 5 paid, stock 0, never negative', async () => {
  await product('E2E-RARE', 5000, 5);
  const carts = await Promise.all(Array.from({ length: 20 }, () => cartWith([['E2E-RARE', 1]])));
  const results = await Promise.all(carts.map((cartId, i) => checkout(cartId, `rush${i}@e2e.test`)));
  const statuses = results.map((r) => r.status).sort();
  const unexpected = results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body);
  assert.deepEqual(unexpected, [], 'every checkout is either paid or refused for stock');
  assert.equal(statuses.filter((s) => s === 201).length, 5, JSON.stringify(statuses));
  assert.equal(statuses.filter((s) => s === 409).length, 15, JSON.stringify(statuses));
  assert.deepEqual(await stockOf('E2E-RARE'), { onHand: 0, reserved: 0, available: 0 });
});

test('one cart, 8 parallel checkouts under different keys → one paid order and one charge; the rest 409 naming it', async () => {
  await product('E2E-SOFA', 80000, 10);
  const cartId = await cartWith([['E2E-SOFA', 1]]);
  const before = await orderCount();
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => checkout(cartId, `race${i}@e2e.test`)));
  const paid = results.filter((r) => r.status === 201);
  assert.equal(paid.length, 1, JSON.stringify(results.map((r) => [r.status, r.body.detail])));
  const winner = paid[0]!.body.id;
  for (const lost of results.filter((r) => r.status !== 201)) {
    assert.equal(lost.status, 409, JSON.stringify(lost.body));
    assert.match(lost.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(lost.body.orderId, winner);
  }
  assert.equal(await orderCount(), before + 1, 'the losers created no order');
  assert.equal((await invoicesOf(winner)).length, 1);
  assert.deepEqual(await stockOf('E2E-SOFA'), { onHand: 9, reserved: 0, available: 9 });
  assert.deepEqual([(await api.get(`/api/v1/cart/carts/${cartId}`)).body.status, (await api.get(`/api/v1/cart/carts/${cartId}`)).body.orderId], ['converted', winner]);
});

test('a code limited to 2 uses, 6 carts checking out at once → exactly 2 discounted orders; a declined checkout gives its use back', async () => {
  await product('E2E-VASE', 2000, 20);
  assert.equal((await api.post('/api/v1/cart/discount-codes', { code: 'E2E-TWICE', kind: 'fixed', value: 500, currency: 'EUR', usageLimit: 2 }, { token: adminToken })).status, 201);
  const carts = await Promise.all(Array.from({ length: 6 }, () => cartWithCode([['E2E-VASE', 1]], 'E2E-TWICE')));
  const before = await orderCount();
  const results = await Promise.all(carts.map((cartId, i) => checkout(cartId, `code${i}@e2e.test`)));
  const paid = results.filter((r) => r.status === 201);
  assert.equal(paid.length, 2, JSON.stringify(results.map((r) => [r.status, r.body.detail])));
  for (const r of paid) assert.deepEqual([r.body.discount, r.body.total, r.body.discountCode], [500, 1500, 'E2E-TWICE']);
  for (const r of results.filter((x) => x.status !== 201)) {
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.match(r.body.detail, /usage limit of 2/);
  }
  assert.equal(await orderCount(), before + 2);
  assert.equal(await usedCount('E2E-TWICE'), 2);

  assert.equal((await api.post('/api/v1/cart/discount-codes', { code: 'E2E-ONCE', kind: 'fixed', value: 500, currency: 'EUR', usageLimit: 1 }, { token: adminToken })).status, 201);
  const cartId = await cartWithCode([['E2E-VASE', 1]], 'E2E-ONCE');
  const declined = await checkout(cartId, 'once@e2e.test', declinedCard);
  assert.equal(declined.status, 402, JSON.stringify(declined.body));
  assert.equal(await usedCount('E2E-ONCE'), 0, 'the declined checkout gave the use back');
  // The shopper retries the same cart with another card: the claim was released too.
  const retried = await checkout(cartId, 'once@e2e.test');
  assert.equal(retried.status, 201, JSON.stringify(retried.body));
  assert.equal(retried.body.total, 1500);
  assert.equal(await usedCount('E2E-ONCE'), 1);
});

test('a 100 % code → the order is paid without a payment: no charge, no invoice, stock committed', async () => {
  await product('E2E-GIFT', 3500, 3);
  assert.equal((await api.post('/api/v1/cart/discount-codes', { code: 'E2E-FREE', kind: 'percentage', value: 100 }, { token: adminToken })).status, 201);
  const cartId = await cartWithCode([['E2E-GIFT', 2]], 'E2E-FREE');
  const placed = await api.post('/api/v1/orders', { cartId, email: 'free@e2e.test', shippingAddress: address }, { headers: { 'idempotency-key': randomUUID() } });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  assert.deepEqual([placed.body.status, placed.body.subtotal, placed.body.total, placed.body.paymentId], ['paid', 7000, 0, null]);
  assert.deepEqual(await stockOf('E2E-GIFT'), { onHand: 1, reserved: 0, available: 1 });
  assert.deepEqual(await invoicesOf(placed.body.id), []);
  assert.equal((await api.get(`/api/v1/cart/carts/${cartId}`)).body.status, 'converted');
});

test('bad payment details are refused before anything is written: an unconfigured provider, a Luhn-invalid card', async () => {
  await product('E2E-BOWL', 1500, 2);
  const cartId = await cartWith([['E2E-BOWL', 1]]);
  const before = await orderCount();
  const stripe = await checkout(cartId, 'valid@e2e.test', { ...goodCard, provider: 'stripe' });
  assert.equal(stripe.status, 400, JSON.stringify(stripe.body));
  assert.match(stripe.headers.get('content-type') ?? '', /problem\+json/);
  assert.match(stripe.body.detail, /body\.payment\.provider: payment provider stripe is not configured/);
  const luhn = await checkout(cartId, 'valid@e2e.test', { ...goodCard, cardNumber: '4242424242424241' });
  assert.equal(luhn.status, 400, JSON.stringify(luhn.body));
  assert.match(luhn.body.detail, /body\.payment\.cardNumber/);
  assert.notEqual(luhn.body.code, 'card_declined');
  assert.equal(await orderCount(), before, 'no order was created');
  assert.deepEqual(await stockOf('E2E-BOWL'), { onHand: 2, reserved: 0, available: 2 });
  // Nothing was claimed either: the cart checks out with good details.
  assert.equal((await checkout(cartId, 'valid@e2e.test')).status, 201);
});

test('the same Idempotency-Key twice makes one order; a refund repays it and emails the customer', async () => {
  await product('E2E-KETTLE', 4500, 6);
  const cartId = await cartWith([['E2E-KETTLE', 1]]);
  const key = randomUUID();
  const first = await checkout(cartId, 'twice@e2e.test', goodCard, key);
  const second = await checkout(cartId, 'twice@e2e.test', goodCard, key);
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(second.status, 200);
  assert.equal(second.body.id, first.body.id);
  assert.deepEqual(await stockOf('E2E-KETTLE'), { onHand: 5, reserved: 0, available: 5 });
  assert.equal((await invoicesOf(first.body.id)).length, 1);

  const refund = await api.post(`/api/v1/orders/${first.body.id}/refund`, { reason: 'changed mind' }, { token: adminToken, headers: { 'idempotency-key': randomUUID() } });
  assert.equal(refund.status, 200, JSON.stringify(refund.body));
  const order = await api.get(`/api/v1/orders/${first.body.id}`, { token: adminToken });
  assert.equal(order.body.status, 'refunded');
  const payment = await api.get(`/api/v1/payments/${order.body.paymentId}`, { token: adminToken });
  assert.equal(payment.body.status, 'refunded');
  assert.equal(payment.body.refundedAmount, 4500);
  await mailTo('twice@e2e.test', 'refund');
});

test('payments down during checkout → the order fails cleanly with stock released; it works again once payments is back', async () => {
  await product('E2E-DRUM', 7000, 2);
  await platform.stopService('payments');
  try {
    const cartId = await cartWith([['E2E-DRUM', 1]]);
    const placed = await checkout(cartId, 'down@e2e.test');
    assert.equal(placed.status, 503, JSON.stringify(placed.body));
    const order = await api.get(`/api/v1/orders/${placed.body.orderId}`, { token: adminToken });
    assert.equal(order.body.status, 'payment_failed');
    assert.deepEqual(await stockOf('E2E-DRUM'), { onHand: 2, reserved: 0, available: 2 });
  } finally {
    await platform.restartService('payments');
  }
  const retryCart = await cartWith([['E2E-DRUM', 1]]);
  const placed = await eventually(async () => {
    const res = await checkout(retryCart, 'down@e2e.test');
    return res.status === 201 ? res : undefined;
  }, 'a checkout after payments returned');
  assert.equal(placed.body.status, 'paid');
  assert.deepEqual(await stockOf('E2E-DRUM'), { onHand: 1, reserved: 0, available: 1 });
});

test('orders restarted: paid orders are all still there and checkout goes on', async () => {
  const before = await api.get('/api/v1/orders?status=paid&pageSize=100', { token: adminToken });
  await platform.restartService('orders');
  const afterRestart = await api.get('/api/v1/orders?status=paid&pageSize=100', { token: adminToken });
  assert.equal(afterRestart.status, 200);
  assert.deepEqual(afterRestart.body, before.body);
  await product('E2E-BELL', 800, 3);
  const placed = await checkout(await cartWith([['E2E-BELL', 1]]), 'after@e2e.test');
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
});

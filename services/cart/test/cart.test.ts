import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TestPlatform, apiClient, identityHeaders, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { catalogStandIn, type StandInPrice } from './catalog-stand-in.ts';

const GUEST_TTL = 3600;
const prices = new Map<string, StandInPrice>();
const setPrice = (sku: string, price: number, currency = 'EUR', name = `Product ${sku}`) => prices.set(sku, { sku, name, price, currency });

let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  setPrice('MUG', 1250);
  setPrice('SHIRT', 1999);
  setPrice('HAT', 500);
  setPrice('CAP-US', 1500, 'USD');
  platform = await TestPlatform.start([catalogStandIn(prices), service], { env: { cart: { GUEST_CART_TTL_SECONDS: String(GUEST_TTL) } } });
  api = apiClient(platform.url('cart'));
});
after(() => platform.stop());

/** The headers the gateway sets for a signed-in user. */
const as = (userId: string, roles = 'customer') => ({ userId, headers: identityHeaders({ userId, roles, email: `${userId}@example.com` }) });
const staff = as('staff-1', 'staff');

async function guestCart(): Promise<string> {
  const res = await api.post('/cart/carts');
  assert.equal(res.status, 201);
  return res.body.id;
}

async function cartWith(lines: Array<[string, number]>, who?: ReturnType<typeof as>): Promise<string> {
  const id = who ? (await api.get('/cart/mine', who)).body.id : await guestCart();
  for (const [sku, quantity] of lines) assert.equal((await api.post(`/cart/carts/${id}/items`, { sku, quantity }, who)).status, 200);
  return id;
}

async function createCode(body: Record<string, unknown>): Promise<void> {
  const res = await api.post('/cart/discount-codes', body, staff);
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

test('a guest adds, changes and removes lines; totals follow', async () => {
  const id = await guestCart();
  let res = await api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: 2 });
  assert.equal(res.status, 200);
  res = await api.post(`/cart/carts/${id}/items`, { sku: 'SHIRT', quantity: 1 });
  res = await api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: 1 });
  assert.deepEqual(res.body.lines.map((l: any) => [l.sku, l.name, l.quantity, l.unitPrice, l.lineTotal]), [
    ['MUG', 'Product MUG', 3, 1250, 3750],
    ['SHIRT', 'Product SHIRT', 1, 1999, 1999],
  ]);
  assert.equal(res.body.currency, 'EUR');
  assert.equal(res.body.subtotal, 5749);
  assert.equal(res.body.total, 5749);
  assert.equal(res.body.userId, null);

  res = await api.patch(`/cart/carts/${id}/items/MUG`, { quantity: 5 });
  assert.equal(res.status, 200);
  assert.equal(res.body.lines[0].quantity, 5);
  assert.equal(res.body.subtotal, 5 * 1250 + 1999);

  res = await api.patch(`/cart/carts/${id}/items/SHIRT`, { quantity: 0 });
  assert.deepEqual(res.body.lines.map((l: any) => l.sku), ['MUG']);
  res = await api.delete(`/cart/carts/${id}/items/MUG`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.lines, []);
  assert.equal(res.body.currency, null);
  assert.equal((await api.delete(`/cart/carts/${id}/items/MUG`)).status, 404);

  res = await api.post(`/cart/carts/${id}/items`, { sku: 'HAT', quantity: 99 });
  res = await api.post(`/cart/carts/${id}/items`, { sku: 'HAT', quantity: 5 });
  assert.equal(res.body.lines[0].quantity, 99);
  assert.equal((await api.get(`/cart/carts/${randomUUID()}`)).status, 404);
});

test('totals are re-priced from the catalog on every read', async () => {
  const id = await cartWith([['MUG', 2]]);
  setPrice('MUG', 999, 'EUR', 'Mug (on offer)');
  try {
    const res = await api.get(`/cart/carts/${id}`);
    assert.deepEqual([res.body.lines[0].name, res.body.lines[0].unitPrice, res.body.lines[0].lineTotal, res.body.subtotal], ['Mug (on offer)', 999, 1998, 1998]);
  } finally {
    setPrice('MUG', 1250);
  }
  assert.equal((await api.get(`/cart/carts/${id}`)).body.subtotal, 2500);
});

test('an unknown SKU is a 404 naming it; a SKU in another currency is a 409', async () => {
  const id = await cartWith([['MUG', 1]]);
  const unknown = await api.post(`/cart/carts/${id}/items`, { sku: 'NOPE-1', quantity: 1 });
  assert.equal(unknown.status, 404);
  assert.match(unknown.headers.get('content-type') ?? '', /problem\+json/);
  assert.equal(unknown.body.sku, 'NOPE-1');
  assert.match(unknown.body.detail, /NOPE-1/);
  const otherCurrency = await api.post(`/cart/carts/${id}/items`, { sku: 'CAP-US', quantity: 1 });
  assert.equal(otherCurrency.status, 409);
  assert.equal(otherCurrency.body.cartCurrency, 'EUR');
  assert.deepEqual((await api.get(`/cart/carts/${id}`)).body.lines.map((l: any) => l.sku), ['MUG']);
});

test('bad input is a 400 naming the field, and nothing is written', async () => {
  const id = await cartWith([['MUG', 1]]);
  const cases: Array<[() => Promise<{ status: number; body: any }>, string]> = [
    [() => api.post(`/cart/carts/${id}/items`, { sku: 'MUG' }), 'body.quantity'],
    [() => api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: 0 }), 'body.quantity'],
    [() => api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: 100 }), 'body.quantity'],
    [() => api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: '2' }), 'body.quantity'],
    [() => api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: 1.5 }), 'body.quantity'],
    [() => api.post(`/cart/carts/${id}/items`, { quantity: 1 }), 'body.sku'],
    [() => api.post(`/cart/carts/${id}/items`, { sku: 'MUG,HAT', quantity: 1 }), 'body.sku'],
    [() => api.post(`/cart/carts/${id}/items`, { sku: 'X'.repeat(65), quantity: 1 }), 'body.sku'],
    [() => api.patch(`/cart/carts/${id}/items/MUG`, { quantity: -1 }), 'body.quantity'],
    [() => api.post('/cart/carts/not-a-uuid/items', { sku: 'MUG', quantity: 1 }), 'params.cartId'],
    [() => api.post(`/cart/carts/${id}/discount`, { code: 'a b' }), 'body.code'],
    [() => api.post('/cart/merge', { guestCartId: 'nope' }, as('u-bad')), 'body.guestCartId'],
  ];
  for (const [call, field] of cases) {
    const res = await call();
    assert.equal(res.status, 400, field);
    assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${res.body.detail}`);
  }
  const after = await api.get(`/cart/carts/${id}`);
  assert.deepEqual(after.body.lines.map((l: any) => [l.sku, l.quantity]), [['MUG', 1]]);
  assert.equal(after.body.discountCode, null);
});

test('a user cart belongs to its owner only', async () => {
  const alice = as(`alice-${randomUUID()}`);
  const bob = as(`bob-${randomUUID()}`);
  assert.equal((await api.get('/cart/mine')).status, 401);
  const mine = await api.get('/cart/mine', alice);
  assert.equal(mine.status, 200);
  assert.equal(mine.body.userId, alice.userId);
  // One active cart per user: asking again (or POSTing) gives the same one.
  assert.equal((await api.get('/cart/mine', alice)).body.id, mine.body.id);
  const posted = await api.post('/cart/carts', undefined, alice);
  assert.equal(posted.status, 200);
  assert.equal(posted.body.id, mine.body.id);

  const id = mine.body.id;
  assert.equal((await api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: 1 }, alice)).status, 200);
  for (const who of [bob, undefined]) {
    assert.equal((await api.get(`/cart/carts/${id}`, who)).status, 403);
    assert.equal((await api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: 1 }, who)).status, 403);
    assert.equal((await api.patch(`/cart/carts/${id}/items/MUG`, { quantity: 3 }, who)).status, 403);
    assert.equal((await api.delete(`/cart/carts/${id}/items/MUG`, who)).status, 403);
    assert.equal((await api.delete(`/cart/carts/${id}/discount`, who)).status, 403);
  }
  assert.equal((await api.get(`/cart/carts/${id}`, alice)).body.lines[0].quantity, 1);
  // A guest cart is open to anyone holding its id, signed in or not.
  const guest = await guestCart();
  assert.equal((await api.post(`/cart/carts/${guest}/items`, { sku: 'HAT', quantity: 1 }, bob)).status, 200);
});

test('a guest cart merges into the user cart on login', async () => {
  const user = as(`merge-${randomUUID()}`);
  const guest = await cartWith([['SHIRT', 90], ['HAT', 2]]);
  const userCart = await cartWith([['SHIRT', 20], ['MUG', 1]], user);

  const merged = await api.post('/cart/merge', { guestCartId: guest }, user);
  assert.equal(merged.status, 200);
  assert.equal(merged.body.id, userCart);
  assert.deepEqual(merged.body.lines.map((l: any) => [l.sku, l.quantity]), [['SHIRT', 99], ['MUG', 1], ['HAT', 2]]);

  const guestAfter = await api.get(`/cart/carts/${guest}`);
  assert.equal(guestAfter.body.status, 'merged');
  assert.equal(guestAfter.body.mergedInto, userCart);
  assert.equal((await api.post(`/cart/carts/${guest}/items`, { sku: 'MUG', quantity: 1 })).status, 409);

  // A retried merge changes nothing.
  const again = await api.post('/cart/merge', { guestCartId: guest }, user);
  assert.equal(again.status, 200);
  assert.deepEqual(again.body.lines.map((l: any) => l.quantity), [99, 1, 2]);

  assert.equal((await api.post('/cart/merge', { guestCartId: guest })).status, 401);
  assert.equal((await api.post('/cart/merge', { guestCartId: randomUUID() }, user)).status, 404);
  // Another user's cart is not a guest cart.
  assert.equal((await api.post('/cart/merge', { guestCartId: userCart }, as('someone-else'))).status, 409);
});

test('discount codes are managed by staff and validated', async () => {
  assert.equal((await api.post('/cart/discount-codes', { code: 'NOPE-1', kind: 'percentage', value: 10 })).status, 401);
  assert.equal((await api.post('/cart/discount-codes', { code: 'NOPE-1', kind: 'percentage', value: 10 }, as('c1'))).status, 403);
  assert.equal((await api.get('/cart/discount-codes', as('c1'))).status, 403);
  const bad = [
    [{ code: 'ab', kind: 'percentage', value: 10 }, 'body.code'],
    [{ code: 'OK-CODE', kind: 'percentage', value: 101 }, 'body.value'],
    [{ code: 'OK-CODE', kind: 'percentage', value: -5 }, 'body.value'],
    [{ code: 'OK-CODE', kind: 'fixed', value: 500 }, 'body.currency'],
    [{ code: 'OK-CODE', kind: 'bogus', value: 5 }, 'body.kind'],
    [{ code: 'OK-CODE', kind: 'percentage', value: 5, expiresAt: 'tomorrow' }, 'body.expiresAt'],
  ] as const;
  for (const [body, field] of bad) {
    const res = await api.post('/cart/discount-codes', body, staff);
    assert.equal(res.status, 400, field);
    assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${res.body.detail}`);
  }
  await createCode({ code: 'WELCOME15', kind: 'percentage', value: 15 });
  assert.equal((await api.post('/cart/discount-codes', { code: 'welcome15', kind: 'fixed', value: 1, currency: 'EUR' }, as('a1', 'admin'))).status, 409);
  const list = await api.get('/cart/discount-codes', staff);
  assert.equal(list.status, 200);
  const codes = list.body.items.map((c: any) => c.code);
  assert.ok(codes.includes('WELCOME15'));
  assert.ok(!codes.includes('OK-CODE'), 'rejected codes are not written');
});

test('applying a code: percentage rounding, unknown, expired, minimum subtotal re-checked on read', async () => {
  await createCode({ code: 'PCT15', kind: 'percentage', value: 15 });
  await createCode({ code: 'GONE-BY', kind: 'fixed', value: 100, currency: 'EUR', expiresAt: '2020-01-01T00:00:00Z' });
  await createCode({ code: 'BIG-SPEND', kind: 'fixed', value: 1000, currency: 'EUR', minSubtotal: 4000 });

  const id = await cartWith([['SHIRT', 1]]);
  let res = await api.post(`/cart/carts/${id}/discount`, { code: 'pct15' });
  assert.equal(res.status, 200);
  assert.deepEqual([res.body.discountCode, res.body.subtotal, res.body.discount, res.body.total], ['PCT15', 1999, 300, 1699]); // 299.85 → 300

  res = await api.post(`/cart/carts/${id}/discount`, { code: 'NO-SUCH' });
  assert.equal(res.status, 404);
  res = await api.post(`/cart/carts/${id}/discount`, { code: 'GONE-BY' });
  assert.equal(res.status, 422);
  assert.match(res.body.detail, /expired/);
  res = await api.post(`/cart/carts/${id}/discount`, { code: 'BIG-SPEND' });
  assert.equal(res.status, 422);
  assert.equal(res.body.missing, 4000 - 1999);
  assert.match(res.body.detail, /add 2001 more/);
  assert.equal((await api.get(`/cart/carts/${id}`)).body.discountCode, 'PCT15', 'a refused code leaves the cart as it was');

  await api.patch(`/cart/carts/${id}/items/SHIRT`, { quantity: 3 });
  res = await api.post(`/cart/carts/${id}/discount`, { code: 'BIG-SPEND' });
  assert.equal(res.status, 200);
  assert.deepEqual([res.body.subtotal, res.body.discount, res.body.total], [5997, 1000, 4997]);

  res = await api.patch(`/cart/carts/${id}/items/SHIRT`, { quantity: 1 });
  assert.deepEqual([res.body.discountCode, res.body.discount, res.body.total], ['BIG-SPEND', 0, 1999]);
  assert.match(res.body.discountReason, /at least 4000/);

  res = await api.delete(`/cart/carts/${id}/discount`);
  assert.equal(res.status, 200);
  assert.deepEqual([res.body.discountCode, res.body.discountReason, res.body.discount], [null, null, 0]);
});

test('checkout converts the cart once and counts the code once; the usage limit holds', async () => {
  await createCode({ code: 'ONCE-ONLY', kind: 'fixed', value: 200, currency: 'EUR', usageLimit: 1 });
  const user = as(`buyer-${randomUUID()}`);
  const id = await cartWith([['MUG', 2]], user);
  assert.equal((await api.post(`/cart/carts/${id}/discount`, { code: 'ONCE-ONLY' }, user)).status, 200);

  const internal = await api.get(`/internal/carts/${id}`);
  assert.equal(internal.status, 200);
  assert.deepEqual(
    { ...internal.body, lines: internal.body.lines.map(({ sku, name, quantity, unitPrice, lineTotal }: any) => ({ sku, name, quantity, unitPrice, lineTotal })) },
    {
      ...internal.body,
      id,
      userId: user.userId,
      currency: 'EUR',
      lines: [{ sku: 'MUG', name: 'Product MUG', quantity: 2, unitPrice: 1250, lineTotal: 2500 }],
      subtotal: 2500,
      discount: 200,
      total: 2300,
      discountCode: 'ONCE-ONLY',
    },
  );

  const orderId = randomUUID();
  assert.equal((await api.post(`/internal/carts/${id}/checkout`, { orderId })).status, 409, 'only the order holding the claim converts the cart');
  const claimed = await api.post(`/internal/carts/${id}/claim`, { orderId, userId: user.userId });
  assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
  assert.deepEqual([claimed.body.claimedBy, claimed.body.total], [orderId, 2300]);
  for (let i = 0; i < 2; i++) {
    const res = await api.post(`/internal/carts/${id}/checkout`, { orderId });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id, status: 'converted', orderId, claimedBy: null });
  }
  assert.equal((await api.post(`/internal/carts/${id}/checkout`, { orderId: 'another-order' })).status, 409);
  assert.equal((await api.post(`/internal/carts/${id}/checkout`, {})).status, 400);
  assert.equal((await api.post(`/internal/carts/${randomUUID()}/checkout`, { orderId })).status, 404);

  const list = await api.get('/cart/discount-codes', staff);
  assert.equal(list.body.items.find((c: any) => c.code === 'ONCE-ONLY').usedCount, 1);

  // The converted cart keeps its discount (its own use is the counted one) but is frozen.
  const converted = await api.get(`/cart/carts/${id}`, user);
  assert.deepEqual([converted.body.status, converted.body.orderId, converted.body.discount], ['converted', orderId, 200]);
  assert.equal((await api.post(`/cart/carts/${id}/items`, { sku: 'MUG', quantity: 1 }, user)).status, 409);
  // The user gets a fresh cart, and the spent code is refused there.
  const next = await cartWith([['MUG', 2]], user);
  assert.notEqual(next, id);
  const refused = await api.post(`/cart/carts/${next}/discount`, { code: 'ONCE-ONLY' }, user);
  assert.equal(refused.status, 422);
  assert.match(refused.body.detail, /usage limit/);
});

test('a claim holds the cart for one order: parallel claims → one wins, the rest 409 naming it; release opens it again', async () => {
  const user = as(`claimer-${randomUUID()}`);
  const id = await cartWith([['MUG', 1]], user);
  const userId = user.userId;
  const orderIds = Array.from({ length: 8 }, () => randomUUID());
  const results = await Promise.all(orderIds.map((orderId) => api.post(`/internal/carts/${id}/claim`, { orderId, userId })));
  const winners = results.filter((r) => r.status === 200);
  assert.equal(winners.length, 1, JSON.stringify(results.map((r) => r.status)));
  const winner = winners[0]!.body.claimedBy;
  assert.ok(orderIds.includes(winner));
  for (const lost of results.filter((r) => r.status !== 200)) {
    assert.equal(lost.status, 409);
    assert.match(lost.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(lost.body.orderId, winner);
  }
  // Claiming again for the winner is a no-op; the claimed cart is frozen.
  assert.equal((await api.post(`/internal/carts/${id}/claim`, { orderId: winner, userId })).status, 200);
  const frozen = await api.post(`/cart/carts/${id}/items`, { sku: 'HAT', quantity: 1 }, user);
  assert.deepEqual([frozen.status, frozen.body.orderId], [409, winner]);
  assert.equal((await api.get(`/cart/carts/${id}`, user)).body.claimedBy, winner);

  // Another order's release changes nothing; the winner's opens the cart for a new checkout.
  assert.equal((await api.post(`/internal/carts/${id}/release`, { orderId: randomUUID() })).body.claimedBy, winner);
  for (let i = 0; i < 2; i++) assert.deepEqual((await api.post(`/internal/carts/${id}/release`, { orderId: winner })).body, { id, status: 'active', orderId: null, claimedBy: null });
  const retry = randomUUID();
  assert.equal((await api.post(`/internal/carts/${id}/claim`, { orderId: retry, userId })).status, 200);
  assert.equal((await api.post(`/internal/carts/${id}/checkout`, { orderId: retry })).status, 200);
  const late = await api.post(`/internal/carts/${id}/claim`, { orderId: randomUUID(), userId });
  assert.deepEqual([late.status, late.body.orderId], [409, retry]);
  assert.equal((await api.post(`/internal/carts/${id}/release`, { orderId: retry })).status, 409, 'a converted cart stays converted');
});

test('a claim checks the caller and the contents before holding anything', async () => {
  const owner = as(`owner-${randomUUID()}`);
  const id = await cartWith([['MUG', 1]], owner);
  const stranger = await api.post(`/internal/carts/${id}/claim`, { orderId: randomUUID(), userId: 'someone-else' });
  assert.equal(stranger.status, 403);
  const guest = await api.post(`/internal/carts/${id}/claim`, { orderId: randomUUID(), userId: null });
  assert.equal(guest.status, 403);
  const empty = await api.post(`/internal/carts/${await cartWith([])}/claim`, { orderId: randomUUID(), userId: null });
  assert.equal(empty.status, 422);
  assert.equal((await api.post(`/internal/carts/${randomUUID()}/claim`, { orderId: randomUUID(), userId: null })).status, 404);
  assert.equal((await api.post(`/internal/carts/${id}/claim`, { userId: null })).status, 400);
  assert.equal((await api.get(`/cart/carts/${id}`, owner)).body.claimedBy, null);
});

test('a code with a usage limit of N is redeemed by exactly N of many concurrent claims; a release gives the use back', async () => {
  await createCode({ code: 'RUSH-3', kind: 'percentage', value: 10, usageLimit: 3 });
  const ids = await Promise.all(Array.from({ length: 10 }, () => cartWith([['MUG', 1]])));
  for (const id of ids) assert.equal((await api.post(`/cart/carts/${id}/discount`, { code: 'RUSH-3' })).status, 200);
  const claims = await Promise.all(ids.map((id) => api.post(`/internal/carts/${id}/claim`, { orderId: randomUUID(), userId: null })));
  const won = claims.filter((r) => r.status === 200);
  assert.equal(won.length, 3, JSON.stringify(claims.map((r) => r.status)));
  for (const r of won) assert.deepEqual([r.body.discount, r.body.total], [125, 1125]);
  for (const r of claims.filter((c) => c.status !== 200)) {
    assert.equal(r.status, 422);
    assert.match(r.body.detail, /usage limit of 3/);
  }
  const usedCount = async () => (await api.get('/cart/discount-codes', staff)).body.items.find((c: any) => c.code === 'RUSH-3').usedCount;
  assert.equal(await usedCount(), 3);
  // A refused cart holds no claim; a failed checkout gives its use back, and another cart takes it.
  const refused = ids[claims.findIndex((r) => r.status === 422)]!;
  assert.equal((await api.get(`/cart/carts/${refused}`)).body.claimedBy, null);
  const released = won[0]!.body;
  await api.post(`/internal/carts/${released.id}/release`, { orderId: released.claimedBy });
  await api.post(`/internal/carts/${released.id}/release`, { orderId: released.claimedBy });
  assert.equal(await usedCount(), 2);
  assert.equal((await api.post(`/internal/carts/${refused}/claim`, { orderId: randomUUID(), userId: null })).status, 200);
  assert.equal(await usedCount(), 3);
});

test('an add retried with the same Idempotency-Key is applied once', async () => {
  const id = await cartWith([]);
  const key = { headers: { 'idempotency-key': randomUUID() } };
  for (let i = 0; i < 3; i++) assert.equal((await api.post(`/cart/carts/${id}/items`, { sku: 'HAT', quantity: 2 }, key)).status, 200);
  const res = await api.post(`/cart/carts/${id}/items`, { sku: 'HAT', quantity: 2 }, { headers: { 'idempotency-key': randomUUID() } });
  assert.equal(res.body.lines[0].quantity, 4);
  // The key travels with the signed-in headers too.
  const user = as(`idem-${randomUUID()}`);
  const mine = await cartWith([], user);
  const both = { headers: { ...user.headers, 'idempotency-key': 'same-key' } };
  await api.post(`/cart/carts/${mine}/items`, { sku: 'MUG', quantity: 1 }, both);
  const again = await api.post(`/cart/carts/${mine}/items`, { sku: 'MUG', quantity: 1 }, both);
  assert.equal(again.status, 200);
  assert.equal(again.body.lines[0].quantity, 1);
  // The same key with another request is Stripe's 422, and adds nothing.
  const reused = await api.post(`/cart/carts/${mine}/items`, { sku: 'MUG', quantity: 5 }, both);
  assert.equal(reused.status, 422);
  assert.equal(reused.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  assert.equal((await api.get(`/cart/carts/${mine}`, user)).body.lines[0].quantity, 1);
});

test('concurrent adds to one cart lose no update', async () => {
  const id = await cartWith([]);
  const results = await Promise.all(Array.from({ length: 20 }, () => api.post(`/cart/carts/${id}/items`, { sku: 'HAT', quantity: 1 })));
  assert.deepEqual(results.map((r) => r.status), Array(20).fill(200));
  assert.equal((await api.get(`/cart/carts/${id}`)).body.lines[0].quantity, 20);
});

test('in Redis, guest carts get the TTL and user carts none', { skip: !process.env.REDIS_URL && 'carts are in the database without REDIS_URL' }, async () => {
  const redis = platform.service('cart').deps.redis!;
  const guest = await cartWith([['MUG', 1]]);
  const ttl = await redis.ttl(`cart:${guest}`);
  assert.ok(ttl > 0 && ttl <= GUEST_TTL, `ttl ${ttl}`);
  const userCart = (await api.get('/cart/mine', as(`ttl-${randomUUID()}`))).body.id;
  assert.equal(await redis.ttl(`cart:${userCart}`), -1);
});

test('the OpenAPI document lists the cart routes', async () => {
  const res = await api.get('/openapi.json');
  assert.equal(res.status, 200);
  for (const path of ['/cart/carts/{cartId}/items', '/cart/merge', '/cart/discount-codes', '/internal/carts/{cartId}/checkout']) assert.ok(res.body.paths[path], path);
});

test('with the catalog down, priced reads and adds fail fast with a 503 problem', async () => {
  const id = await cartWith([['MUG', 1]]);
  await platform.stopService('catalog');
  for (const res of [await api.get(`/cart/carts/${id}`), await api.post(`/cart/carts/${id}/items`, { sku: 'HAT', quantity: 1 })]) {
    assert.equal(res.status, 503);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    assert.match(res.body.detail, /catalog/);
  }
});

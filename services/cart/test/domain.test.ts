import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addLine, claimForOrder, markConverted, mergeGuestCart, newCart, releaseClaim, setLineQuantity, MAX_LINE_QUANTITY, type Cart } from '../src/domain/cart.ts';
import { checkDiscount, discountAmount, type DiscountCodeState } from '../src/domain/discount.ts';
import { priceCart, type SkuPrice } from '../src/domain/pricing.ts';

const now = new Date('2025-06-01T12:00:00Z');
const code = (over: Partial<DiscountCodeState> = {}): DiscountCodeState => ({
  code: 'SAVE10', kind: 'percentage', value: 10, currency: null, minSubtotal: null, expiresAt: null, usageLimit: null, usedCount: 0, createdAt: now.toISOString(), ...over,
});
const ctx = (subtotal: number) => ({ subtotal, currency: 'EUR', now, countsTowardLimit: true });
const price = (sku: string, amount: number, currency = 'EUR'): SkuPrice => ({ sku, productId: `p-${sku}`, name: `Name ${sku}`, price: amount, basePrice: amount, currency });

test('percentage discounts round half up', () => {
  assert.equal(discountAmount('percentage', 15, 1999), 300); // 299.85
  assert.equal(discountAmount('percentage', 10, 1005), 101); // 100.5 rounds up
  assert.equal(discountAmount('percentage', 10, 1004), 100); // 100.4 rounds down
  assert.equal(discountAmount('percentage', 100, 777), 777);
});

test('a discount never exceeds the subtotal', () => {
  assert.equal(discountAmount('fixed', 5000, 1200), 1200);
  assert.equal(discountAmount('fixed', 500, 1200), 500);
  assert.equal(discountAmount('fixed', 500, 0), 0);
});

test('checkDiscount: unknown, expired, currency, minimum subtotal, usage limit', () => {
  assert.deepEqual(checkDiscount('NOPE', null, ctx(1000)), { ok: false, status: 404, reason: 'Discount code NOPE does not exist', extensions: { code: 'NOPE' } });

  const expired = checkDiscount('OLD', code({ code: 'OLD', expiresAt: '2025-06-01T11:59:59Z' }), ctx(1000));
  assert.equal(expired.ok, false);
  assert.equal(!expired.ok && expired.status, 422);
  assert.equal(checkDiscount('LATER', code({ expiresAt: '2025-06-01T12:00:01Z' }), ctx(1000)).ok, true);

  assert.equal(checkDiscount('USD', code({ currency: 'USD' }), ctx(1000)).ok, false);

  const short = checkDiscount('MIN', code({ minSubtotal: 5000, currency: 'EUR' }), ctx(3500));
  assert.ok(!short.ok);
  assert.equal(short.status, 422);
  assert.equal(short.extensions.missing, 1500);
  assert.match(short.reason, /add 1500 more/);
  assert.deepEqual(checkDiscount('MIN', code({ minSubtotal: 5000, currency: 'EUR' }), ctx(5000)), { ok: true, amount: 500 });

  const used = code({ usageLimit: 2, usedCount: 2 });
  assert.equal(checkDiscount('X', used, ctx(1000)).ok, false);
  // A checked-out cart's own use is already counted, so it keeps its discount.
  assert.deepEqual(checkDiscount('X', used, { ...ctx(1000), countsTowardLimit: false }), { ok: true, amount: 100 });
  assert.equal(checkDiscount('X', code({ usageLimit: 2, usedCount: 1 }), ctx(1000)).ok, true);
});

test('adding sums quantities up to the cap and fixes the currency', () => {
  let cart = newCart('c1', null, now);
  cart = addLine(cart, 'A', 60, 'EUR', now);
  cart = addLine(cart, 'A', 60, 'EUR', now);
  assert.deepEqual(cart.lines, [{ sku: 'A', quantity: MAX_LINE_QUANTITY }]);
  assert.equal(cart.currency, 'EUR');
  assert.throws(() => addLine(cart, 'B', 1, 'USD', now), (e: { status: number }) => e.status === 409);
  const emptied = setLineQuantity(cart, 'A', 0, now);
  assert.deepEqual(emptied.lines, []);
  assert.equal(emptied.currency, null);
  assert.throws(() => setLineQuantity(cart, 'ZZZ', 1, now), (e: { status: number }) => e.status === 404);
});

test('merging sums lines (capped), keeps the guest code, marks the guest cart; a retry is a no-op', () => {
  const user: Cart = { ...newCart('u', 'user-1', now), currency: 'EUR', lines: [{ sku: 'A', quantity: 90 }] };
  const guest: Cart = { ...newCart('g', null, now), currency: 'EUR', lines: [{ sku: 'A', quantity: 20 }, { sku: 'B', quantity: 2 }], discountCode: 'SAVE10' };
  const merged = mergeGuestCart(user, guest, now);
  assert.deepEqual(merged.userCart.lines, [{ sku: 'A', quantity: 99 }, { sku: 'B', quantity: 2 }]);
  assert.equal(merged.userCart.discountCode, 'SAVE10');
  assert.equal(merged.guestCart.status, 'merged');
  assert.equal(merged.guestCart.mergedInto, 'u');
  assert.deepEqual(mergeGuestCart(merged.userCart, merged.guestCart, now), merged);
  assert.throws(() => mergeGuestCart(user, { ...guest, currency: 'USD' }, now), (e: { status: number }) => e.status === 409);
  assert.throws(() => mergeGuestCart(user, { ...guest, userId: 'someone' }, now), (e: { status: number }) => e.status === 409);
});

test('a claim is held by one order; only that order converts the cart, a release opens it again', () => {
  const cart: Cart = { ...newCart('c', null, now), currency: 'EUR', lines: [{ sku: 'A', quantity: 1 }] };
  assert.throws(() => markConverted(cart, 'o-1', now), (e: { status: number }) => e.status === 409);
  const claimed = claimForOrder(cart, 'o-1', null, now);
  assert.equal(claimed.claimedBy, 'o-1');
  assert.equal(claimForOrder(claimed, 'o-1', null, now), claimed);
  assert.throws(() => claimForOrder(claimed, 'o-2', null, now), (e: { status: number; extensions: { orderId: string } }) => e.status === 409 && e.extensions.orderId === 'o-1');
  assert.throws(() => addLine(claimed, 'A', 1, 'EUR', now), (e: { status: number }) => e.status === 409);
  assert.equal(releaseClaim(claimed, 'o-2', now), claimed);
  assert.equal(releaseClaim(claimed, 'o-1', now).claimedBy, null);
  assert.throws(() => claimForOrder({ ...cart, userId: 'u' }, 'o-3', 'v', now), (e: { status: number }) => e.status === 403);
  assert.throws(() => claimForOrder(newCart('e', null, now), 'o-3', null, now), (e: { status: number }) => e.status === 422);

  const converted = markConverted(claimed, 'o-1', now);
  assert.deepEqual([converted.status, converted.orderId, converted.claimedBy], ['converted', 'o-1', null]);
  assert.equal(markConverted(converted, 'o-1', now), converted);
  assert.throws(() => markConverted(converted, 'o-2', now), (e: { status: number }) => e.status === 409);
  assert.throws(() => claimForOrder(converted, 'o-2', null, now), (e: { status: number; extensions: { orderId: string } }) => e.status === 409 && e.extensions.orderId === 'o-1');
  assert.throws(() => releaseClaim(converted, 'o-1', now), (e: { status: number }) => e.status === 409);
  assert.throws(() => addLine(converted, 'A', 1, 'EUR', now), (e: { status: number }) => e.status === 409);
});

test('pricing uses current prices, skips unavailable lines and re-validates the discount', () => {
  const cart: Cart = { ...newCart('c', null, now), currency: 'EUR', lines: [{ sku: 'A', quantity: 3 }, { sku: 'GONE', quantity: 1 }, { sku: 'USD', quantity: 1 }], discountCode: 'MIN' };
  const prices = new Map([['A', price('A', 1999)], ['USD', price('USD', 100, 'USD')]]);
  const rule = code({ code: 'MIN', minSubtotal: 5000, currency: 'EUR', value: 15 });
  const priced = priceCart(cart, prices, rule, now);
  assert.deepEqual(priced.lines.map((l) => [l.sku, l.unitPrice, l.lineTotal]), [['A', 1999, 5997]]);
  assert.deepEqual(priced.unavailableSkus, ['GONE', 'USD']);
  assert.equal(priced.subtotal, 5997);
  assert.equal(priced.discount, 900); // 899.55
  assert.equal(priced.total, 5097);

  const cheaper = priceCart(cart, new Map([['A', price('A', 1000)]]), rule, now);
  assert.equal(cheaper.subtotal, 3000);
  assert.equal(cheaper.discount, 0);
  assert.equal(cheaper.total, 3000);
  assert.match(cheaper.discountReason ?? '', /at least 5000/);
});

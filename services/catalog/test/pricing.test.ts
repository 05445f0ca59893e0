import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isOfferActive, offerAppliesTo, percentOf, priceAfterOffer, priceItem, type Offer, type PricedItem } from '../src/domain/pricing.ts';

const now = new Date('2025-06-15T12:00:00Z');
const hour = 3_600_000;
const at = (offsetHours: number) => new Date(now.getTime() + offsetHours * hour);

function offer(overrides: Partial<Offer>): Offer {
  return { id: 'o1', name: 'Offer', kind: 'percentage', value: 10, currency: null, startsAt: at(-1), endsAt: at(1), productIds: [], categoryIds: [], ...overrides };
}
const item: PricedItem = { productId: 'p1', categoryPath: ['root', 'shoes'], price: 10000, currency: 'EUR' };

test('percentages round half up to a whole minor unit', () => {
  assert.equal(percentOf(999, 15), 150); // 149.85
  assert.equal(percentOf(5, 10), 1); // 0.5 rounds up
  assert.equal(percentOf(4, 10), 0); // 0.4 rounds down
  assert.equal(percentOf(1250, 2), 25); // exact
  assert.equal(percentOf(0, 50), 0);
  assert.equal(priceAfterOffer({ kind: 'percentage', value: 15 }, 999), 849);
  assert.equal(priceAfterOffer({ kind: 'percentage', value: 100 }, 999), 0);
});

test('fixed discounts never take a price below zero', () => {
  assert.equal(priceAfterOffer({ kind: 'fixed', value: 300 }, 1000), 700);
  assert.equal(priceAfterOffer({ kind: 'fixed', value: 5000 }, 1000), 0);
});

test('an offer is active from startsAt (inclusive) until endsAt (exclusive)', () => {
  assert.equal(isOfferActive(offer({ startsAt: now, endsAt: at(1) }), now), true);
  assert.equal(isOfferActive(offer({ startsAt: at(-1), endsAt: now }), now), false);
  assert.equal(isOfferActive(offer({ startsAt: at(1), endsAt: at(2) }), now), false);
  assert.equal(isOfferActive(offer({ startsAt: at(-2), endsAt: at(-1) }), now), false);
});

test('offers apply to their products and to categories anywhere above the product', () => {
  assert.equal(offerAppliesTo(offer({ productIds: ['p1'] }), item), true);
  assert.equal(offerAppliesTo(offer({ productIds: ['p2'] }), item), false);
  assert.equal(offerAppliesTo(offer({ categoryIds: ['shoes'] }), item), true);
  assert.equal(offerAppliesTo(offer({ categoryIds: ['root'] }), item), true);
  assert.equal(offerAppliesTo(offer({ categoryIds: ['bags'] }), item), false);
  assert.equal(offerAppliesTo(offer({ categoryIds: ['root'] }), { ...item, categoryPath: [] }), false);
});

test('fixed offers only apply to prices in their currency', () => {
  assert.equal(offerAppliesTo(offer({ kind: 'fixed', value: 100, currency: 'EUR', productIds: ['p1'] }), item), true);
  assert.equal(offerAppliesTo(offer({ kind: 'fixed', value: 100, currency: 'USD', productIds: ['p1'] }), item), false);
});

test('the lowest price among active, applicable offers wins; offers do not stack', () => {
  const offers = [
    offer({ id: 'a', name: '10% shoes', value: 10, categoryIds: ['shoes'] }),
    offer({ id: 'b', name: '25 EUR off', kind: 'fixed', value: 2500, currency: 'EUR', productIds: ['p1'] }),
    offer({ id: 'c', name: 'expired 90%', value: 90, productIds: ['p1'], startsAt: at(-3), endsAt: at(-2) }),
    offer({ id: 'd', name: 'future 80%', value: 80, productIds: ['p1'], startsAt: at(2), endsAt: at(3) }),
    offer({ id: 'e', name: 'other product 50%', value: 50, productIds: ['p2'] }),
  ];
  assert.deepEqual(priceItem(item, offers, now), { price: 10000, effectivePrice: 7500, currency: 'EUR', appliedOffer: { id: 'b', name: '25 EUR off' } });
});

test('no applicable offer leaves the price as it is, with no applied offer', () => {
  assert.deepEqual(priceItem(item, [offer({ productIds: ['p2'] })], now), { price: 10000, effectivePrice: 10000, currency: 'EUR', appliedOffer: null });
  // An offer that cannot lower a free item is not reported as applied.
  assert.equal(priceItem({ ...item, price: 0 }, [offer({ productIds: ['p1'] })], now).appliedOffer, null);
});

test('equal prices from two offers pick the same one whatever their order', () => {
  const x = offer({ id: 'x', name: 'X', value: 20, productIds: ['p1'] });
  const y = offer({ id: 'y', name: 'Y', kind: 'fixed', value: 2000, currency: 'EUR', productIds: ['p1'] });
  assert.equal(priceItem(item, [x, y], now).appliedOffer?.id, 'x');
  assert.equal(priceItem(item, [y, x], now).appliedOffer?.id, 'x');
});

/**
 * Pricing rules: which offers apply to an item and what the item then costs. Pure functions;
 * `now` is always passed in so one request prices everything against the same instant.
 *
 * Rules
 * - An offer is active when `startsAt <= now < endsAt`.
 * - It applies to an item when it names the product, or the product's category or any ancestor of it.
 * - A percentage offer takes `round half up(price × percent / 100)` off, to a whole minor unit
 *   (e.g. 15% of 999 = 149.85 → 150 off → 849; 10% of 5 = 0.5 → 1 off → 4).
 * - A fixed offer takes `value` minor units off, and only applies to prices in its own currency.
 * - The effective price is the lowest price any applicable offer gives, never below 0; offers do not stack.
 *   Ties go to the offer with the smaller id so the answer is stable.
 *
 * `src/db/effective-price.ts` states the same rules in SQL for filtering and sorting by price; keep them in step.
 */

export type OfferKind = 'percentage' | 'fixed';

export interface Offer {
  id: string;
  name: string;
  kind: OfferKind;
  /** Percent (1..100) for percentage offers, minor units for fixed ones. */
  value: number;
  /** Currency of a fixed offer's value; null for percentage offers. */
  currency: string | null;
  startsAt: Date;
  endsAt: Date;
  productIds: string[];
  categoryIds: string[];
}

export interface PricedItem {
  productId: string;
  /** Ids from the root category down to the product's own; empty when uncategorised. */
  categoryPath: string[];
  price: number;
  currency: string;
}

export interface Pricing {
  price: number;
  effectivePrice: number;
  currency: string;
  appliedOffer: { id: string; name: string } | null;
}

export function isOfferActive(offer: Pick<Offer, 'startsAt' | 'endsAt'>, now: Date): boolean {
  return offer.startsAt.getTime() <= now.getTime() && now.getTime() < offer.endsAt.getTime();
}

export function offerAppliesTo(offer: Offer, item: PricedItem): boolean {
  if (offer.kind === 'fixed' && offer.currency !== item.currency) return false;
  return offer.productIds.includes(item.productId) || offer.categoryIds.some((id) => item.categoryPath.includes(id));
}

/** `amount × percent / 100`, rounded half up to a whole minor unit (amounts are never negative). */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent + 50) / 100);
}

export function priceAfterOffer(offer: Pick<Offer, 'kind' | 'value'>, price: number): number {
  const discount = offer.kind === 'percentage' ? percentOf(price, offer.value) : offer.value;
  return Math.max(0, price - discount);
}

export function priceItem(item: PricedItem, offers: Offer[], now: Date): Pricing {
  let best: { price: number; offer: Offer } | null = null;
  for (const offer of offers) {
    if (!isOfferActive(offer, now) || !offerAppliesTo(offer, item)) continue;
    const price = priceAfterOffer(offer, item.price);
    if (price >= item.price) continue;
    if (!best || price < best.price || (price === best.price && offer.id < best.offer.id)) best = { price, offer };
  }
  return {
    price: item.price,
    effectivePrice: best?.price ?? item.price,
    currency: item.currency,
    appliedOffer: best ? { id: best.offer.id, name: best.offer.name } : null,
  };
}

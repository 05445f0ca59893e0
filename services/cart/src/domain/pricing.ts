import type { Cart, CartStatus } from './cart.ts';
import { checkDiscount, type DiscountCodeState } from './discount.ts';

/** A SKU's current price as the catalog reports it. */
export interface SkuPrice {
  sku: string;
  productId: string;
  name: string;
  price: number;
  basePrice: number;
  currency: string;
}

export interface PricedLine {
  sku: string;
  productId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  basePrice: number;
  lineTotal: number;
}

/** The cart as clients and other services see it: every amount computed now. */
export interface PricedCart {
  id: string;
  userId: string | null;
  status: CartStatus;
  currency: string | null;
  lines: PricedLine[];
  /** Lines whose SKU the catalog no longer sells (or sells in another currency); not in the totals. */
  unavailableSkus: string[];
  itemCount: number;
  subtotal: number;
  discount: number;
  total: number;
  discountCode: string | null;
  /** Why the applied code currently gives nothing (expired, below the minimum, ...). */
  discountReason: string | null;
  orderId: string | null;
  mergedInto: string | null;
  /** The order whose checkout holds the cart, if any. */
  claimedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export function priceCart(cart: Cart, prices: Map<string, SkuPrice>, code: DiscountCodeState | null, now: Date): PricedCart {
  const lines: PricedLine[] = [];
  const unavailableSkus: string[] = [];
  for (const line of cart.lines) {
    const price = prices.get(line.sku);
    if (!price || price.currency !== cart.currency) {
      unavailableSkus.push(line.sku);
      continue;
    }
    lines.push({ sku: line.sku, productId: price.productId, name: price.name, quantity: line.quantity, unitPrice: price.price, basePrice: price.basePrice, lineTotal: price.price * line.quantity });
  }
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  let discount = 0;
  let discountReason: string | null = null;
  if (cart.discountCode) {
    const check = checkDiscount(cart.discountCode, code, { subtotal, currency: cart.currency, now, countsTowardLimit: !usageRecorded(cart) });
    if (check.ok) discount = check.amount;
    else discountReason = check.reason;
  }
  return {
    id: cart.id,
    userId: cart.userId,
    status: cart.status,
    currency: cart.currency,
    lines,
    unavailableSkus,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal,
    discount,
    total: subtotal - discount,
    discountCode: cart.discountCode,
    discountReason,
    orderId: cart.orderId,
    mergedInto: cart.mergedInto,
    claimedBy: cart.claimedBy ?? null,
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
  };
}

/** A claimed or converted cart's use of its code is already in the code's usedCount. */
export function usageRecorded(cart: Cart): boolean {
  return cart.status === 'converted' || Boolean(cart.claimedBy);
}

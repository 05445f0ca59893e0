import { conflict, forbidden, notFound, unprocessable } from '@emporium/kit';

/** Largest quantity of one SKU a cart holds; adds and merges are capped here. */
export const MAX_LINE_QUANTITY = 99;

export type CartStatus = 'active' | 'merged' | 'converted';

export interface CartLine {
  sku: string;
  quantity: number;
}

/**
 * What is stored for a cart. Prices are deliberately absent: they are looked up from the
 * catalog on every read, so an offer or a price change shows at once.
 */
export interface Cart {
  id: string;
  /** null for a guest cart, whose id is the only handle to it. */
  userId: string | null;
  status: CartStatus;
  /** The first line's currency; null while the cart is empty. */
  currency: string | null;
  lines: CartLine[];
  discountCode: string | null;
  /** The order a converted cart became. */
  orderId: string | null;
  /** The user cart a merged guest cart went into. */
  mergedInto: string | null;
  /**
   * The order whose checkout holds the cart: set atomically before that order is created, so
   * a second checkout of the same cart is refused; cleared when the checkout fails, replaced by
   * `orderId` when it succeeds. A claimed cart cannot change (the order copies its lines).
   */
  claimedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export function newCart(id: string, userId: string | null, now: Date): Cart {
  const at = now.toISOString();
  return { id, userId, status: 'active', currency: null, lines: [], discountCode: null, orderId: null, mergedInto: null, claimedBy: null, createdAt: at, updatedAt: at };
}

/** A guest cart is open to whoever holds its id; a user cart only to its owner. */
export function canAccess(cart: Cart, userId: string | null): boolean {
  return cart.userId === null || cart.userId === userId;
}

export function assertActive(cart: Cart): void {
  if (cart.status !== 'active') throw conflict(`Cart ${cart.id} is ${cart.status} and can no longer change`, { cartStatus: cart.status });
  if (cart.claimedBy) throw conflict(`Cart ${cart.id} is being checked out as order ${cart.claimedBy}`, { orderId: cart.claimedBy });
}

/** Adds `quantity` of a SKU (summing with an existing line, capped at MAX_LINE_QUANTITY). */
export function addLine(cart: Cart, sku: string, quantity: number, currency: string, now: Date): Cart {
  assertActive(cart);
  if (cart.currency && cart.currency !== currency) {
    throw conflict(`SKU ${sku} is priced in ${currency} but the cart is in ${cart.currency}`, { sku, currency, cartCurrency: cart.currency });
  }
  return touch({ ...cart, currency: cart.currency ?? currency, lines: withAddedQuantity(cart.lines, sku, quantity) }, now);
}

/** Sets a line's quantity; 0 removes the line. */
export function setLineQuantity(cart: Cart, sku: string, quantity: number, now: Date): Cart {
  assertActive(cart);
  assertHasLine(cart, sku);
  const lines = quantity === 0 ? cart.lines.filter((l) => l.sku !== sku) : cart.lines.map((l) => (l.sku === sku ? { ...l, quantity } : l));
  return touch({ ...cart, lines }, now);
}

export function removeLine(cart: Cart, sku: string, now: Date): Cart {
  return setLineQuantity(cart, sku, 0, now);
}

export function setDiscountCode(cart: Cart, code: string | null, now: Date): Cart {
  assertActive(cart);
  return touch({ ...cart, discountCode: code }, now);
}

/**
 * Moves a guest cart's lines into a user's cart: quantities of the same SKU are summed (capped),
 * the guest's discount code is kept if the user cart has none, and the guest cart is marked merged.
 */
export function mergeGuestCart(userCart: Cart, guestCart: Cart, now: Date): { userCart: Cart; guestCart: Cart } {
  if (guestCart.userId !== null) throw conflict(`Cart ${guestCart.id} is not a guest cart`);
  // A retried merge finds the work done and changes nothing.
  if (guestCart.status === 'merged' && guestCart.mergedInto === userCart.id) return { userCart, guestCart };
  assertActive(guestCart);
  assertActive(userCart);
  if (userCart.currency && guestCart.currency && userCart.currency !== guestCart.currency) {
    throw conflict(`The guest cart is in ${guestCart.currency} but your cart is in ${userCart.currency}`, { currency: guestCart.currency, cartCurrency: userCart.currency });
  }
  const lines = guestCart.lines.reduce((acc, line) => withAddedQuantity(acc, line.sku, line.quantity), userCart.lines);
  return {
    userCart: touch({ ...userCart, lines, currency: userCart.currency ?? guestCart.currency, discountCode: userCart.discountCode ?? guestCart.discountCode }, now),
    guestCart: touch({ ...guestCart, status: 'merged', mergedInto: userCart.id }, now),
  };
}

/**
 * Claims the cart for the checkout of `orderId` (the caller is `userId`, null for a guest).
 * Only one order can hold a cart: another claim is a 409 naming the order that holds it (or
 * that it became). Claiming again for the same order changes nothing.
 */
export function claimForOrder(cart: Cart, orderId: string, userId: string | null, now: Date): Cart {
  if (cart.claimedBy === orderId || (cart.status === 'converted' && cart.orderId === orderId)) return cart;
  if (!canAccess(cart, userId)) throw forbidden(`Cart ${cart.id} belongs to another user`);
  if (cart.status === 'converted') throw conflict(`Cart ${cart.id} was already checked out as order ${cart.orderId}`, { orderId: cart.orderId, cartStatus: cart.status });
  assertActive(cart);
  if (cart.lines.length === 0) throw unprocessable(`Cart ${cart.id} is empty`, { cartId: cart.id });
  return touch({ ...cart, claimedBy: orderId }, now);
}

/** The checkout of `orderId` failed: the cart is open again. Idempotent; a claim of another order is left alone. */
export function releaseClaim(cart: Cart, orderId: string, now: Date): Cart {
  if (cart.status === 'converted' && cart.orderId === orderId) throw conflict(`Cart ${cart.id} was checked out as order ${orderId}; its claim cannot be released`, { orderId });
  if (cart.claimedBy !== orderId) return cart;
  return touch({ ...cart, claimedBy: null }, now);
}

/** Marks the cart as turned into the order that claimed it; repeating it with the same order changes nothing. */
export function markConverted(cart: Cart, orderId: string, now: Date): Cart {
  if (cart.status === 'converted' && cart.orderId === orderId) return cart;
  if (cart.status === 'converted') throw conflict(`Cart ${cart.id} was already checked out as order ${cart.orderId}`, { orderId: cart.orderId });
  if (cart.claimedBy !== orderId) throw conflict(`Cart ${cart.id} is not claimed by order ${orderId}`, { orderId: cart.claimedBy ?? undefined });
  return touch({ ...cart, status: 'converted', orderId, claimedBy: null }, now);
}

function withAddedQuantity(lines: CartLine[], sku: string, quantity: number): CartLine[] {
  const existing = lines.find((l) => l.sku === sku);
  if (!existing) return [...lines, { sku, quantity: Math.min(quantity, MAX_LINE_QUANTITY) }];
  return lines.map((l) => (l.sku === sku ? { ...l, quantity: Math.min(l.quantity + quantity, MAX_LINE_QUANTITY) } : l));
}

function assertHasLine(cart: Cart, sku: string): void {
  if (!cart.lines.some((l) => l.sku === sku)) throw notFound(`SKU ${sku} is not in cart ${cart.id}`);
}

/** An emptied cart forgets its currency, so the next first line sets it again. */
function touch(cart: Cart, now: Date): Cart {
  return { ...cart, currency: cart.lines.length ? cart.currency : null, updatedAt: now.toISOString() };
}

import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from './money.ts';
import { internalEndpoint } from './internal-endpoint.ts';

/**
 * The cart service's internal checkout API, called by orders. A checkout claims the cart for
 * one order id before the order exists; the claim is released if that checkout fails and turns
 * into `converted` when it succeeds.
 */
const orderId = z.string().trim().min(1).max(100);

/** POST /internal/carts/:cartId/claim. `userId` is the caller (null: guest), checked against the cart's owner. */
export const cartClaimBody = z.object({ orderId, userId: z.string().min(1).max(200).nullable() });
export type CartClaim = z.infer<typeof cartClaimBody>;

/** POST /internal/carts/:cartId/release and /checkout: the order holding the claim. */
export const cartOrderBody = z.object({ orderId });

/** What orders reads of a cart (GET /internal/carts/:cartId and the claim's answer); the cart sends more. */
export const checkoutCartSchema = z.object({
  id: z.string(),
  userId: z.string().nullish(),
  status: z.string(),
  currency: currencySchema,
  lines: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int().positive(), unitPrice: minorUnitsSchema, lineTotal: minorUnitsSchema })),
  subtotal: minorUnitsSchema,
  discount: minorUnitsSchema,
  total: minorUnitsSchema,
  discountCode: z.string().nullish(),
  /** The order whose checkout holds the cart, if any. */
  claimedBy: z.string().nullish(),
});
export type CheckoutCart = z.infer<typeof checkoutCartSchema>;

/** The answer of /release and /checkout. */
export const cartClaimStateSchema = z.object({ id: z.string(), status: z.string(), orderId: z.string().nullable(), claimedBy: z.string().nullable() });
export type CartClaimState = z.infer<typeof cartClaimStateSchema>;

const cartParams = z.object({ cartId: z.uuid() });

/** A cart as GET /internal/carts/:cartId and a claim show it: an empty one has no currency yet (a claim refuses an empty cart, so a claimed one has one). */
export const internalCartSchema = checkoutCartSchema.extend({ currency: currencySchema.nullable() });
export type InternalCart = z.infer<typeof internalCartSchema>;

/** The cart as orders reads it before a checkout. */
export const cartInternalRead = internalEndpoint({ service: 'cart', method: 'GET', path: '/internal/carts/:cartId', params: cartParams, response: internalCartSchema });

/** Claims the cart for one order (and redeems its code); 409 names the order already holding it. */
export const cartClaim = internalEndpoint({ service: 'cart', method: 'POST', path: '/internal/carts/:cartId/claim', params: cartParams, body: cartClaimBody, response: internalCartSchema });

/** Gives a failed checkout's claim (and its code's use) back. */
export const cartRelease = internalEndpoint({ service: 'cart', method: 'POST', path: '/internal/carts/:cartId/release', params: cartParams, body: cartOrderBody, response: cartClaimStateSchema });

/** Marks the cart converted into the order holding its claim. */
export const cartCheckout = internalEndpoint({ service: 'cart', method: 'POST', path: '/internal/carts/:cartId/checkout', params: cartParams, body: cartOrderBody, response: cartClaimStateSchema });

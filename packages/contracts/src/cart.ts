import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from './money.ts';

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

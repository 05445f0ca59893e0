import { z } from 'zod';
import { MAX_LINE_QUANTITY } from '../domain/cart.ts';

export const cartIdParams = z.object({ cartId: z.uuid() });

/** SKUs travel comma-separated to the catalog, so the alphabet is kept plain. */
export const skuSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"');

export const lineParams = cartIdParams.extend({ sku: skuSchema });

/** Codes are matched case-insensitively: what a customer types is upper-cased first. */
export const discountCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{3,32}$/, 'must be 3 to 32 letters, digits or "-"');

export const addItemBody = z.object({ sku: skuSchema, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) });
export const setQuantityBody = z.object({ quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) });
export const applyDiscountBody = z.object({ code: discountCodeSchema });
export const mergeBody = z.object({ guestCartId: z.uuid() });

/**
 * The re-priced cart every cart route answers (domain/pricing.ts `PricedCart`), for /docs and
 * generated clients. The answer is serialized through it: a field added to the cart must be added here too.
 */
export const pricedCartSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  status: z.enum(['active', 'merged', 'converted']),
  /** The currency of its lines; null while the cart is empty. */
  currency: z.string().nullable(),
  lines: z.array(
    z.object({ sku: z.string(), productId: z.string(), name: z.string(), quantity: z.number().int(), unitPrice: z.number().int(), basePrice: z.number().int(), lineTotal: z.number().int() }),
  ),
  /** Lines whose SKU the catalog no longer sells (or sells in another currency); not in the totals. */
  unavailableSkus: z.array(z.string()),
  itemCount: z.number().int(),
  subtotal: z.number().int(),
  discount: z.number().int(),
  total: z.number().int(),
  discountCode: z.string().nullable(),
  /** Why the applied code currently gives nothing (expired, below the minimum, ...). */
  discountReason: z.string().nullable(),
  orderId: z.string().nullable(),
  mergedInto: z.string().nullable(),
  /** The order whose checkout holds the cart, if any. */
  claimedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** Every cart route answers the cart. */
export const cartAnswer = { 200: pricedCartSchema };

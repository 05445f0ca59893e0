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

/** Loose: the other headers (x-user-id, ...) must survive validation. */

import { z } from 'zod';

/** Input shapes shared by several routes. */
export const skuSchema = z.string().trim().min(1).max(100);
export const warehouseIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be lowercase letters, digits, - or _ (max 64)');
export const skuParams = z.object({ sku: skuSchema });
export const quantitySchema = z.number().int().positive().max(1_000_000);

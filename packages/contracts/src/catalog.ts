import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from './money.ts';
import { internalEndpoint } from './internal-endpoint.ts';

/** What one SKU costs now (after offers), as catalog's `GET /internal/prices` reports it. */
export const skuPriceSchema = z.object({
  sku: z.string(),
  productId: z.string(),
  /** The product's name, with the variant's after it. */
  name: z.string(),
  /** The price to charge now (after any offer). */
  price: minorUnitsSchema,
  /** The price before offers. */
  basePrice: minorUnitsSchema,
  currency: currencySchema,
});
export type SkuPrice = z.infer<typeof skuPriceSchema>;

/** Catalog's prices of the SKUs asked for (comma-separated `skus`); unknown or draft SKUs are absent. Cart and inventory call it. */
export const catalogPrices = internalEndpoint({
  service: 'catalog',
  method: 'GET',
  path: '/internal/prices',
  query: z.object({ skus: z.string().max(20_000) }),
  response: z.object({ items: z.array(skuPriceSchema) }),
});

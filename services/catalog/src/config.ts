import { z } from 'zod';
import { currencySchema } from '@emporium/contracts';

/** Catalog settings on top of the kit's shared ones (PORT, DATABASE_URL, DATA_DIR, ...). */
export const catalogConfigSchema = z.object({
  /** `1` seeds the demo catalog at start when the catalog is empty. */
  SEED_DEMO: z.stringbool().default(false),
  /** Currency of fixed-amount offers created without one. */
  DEFAULT_CURRENCY: currencySchema.default('EUR'),
  /**
   * How long read paths reuse the offers they loaded. Offer writes on this replica clear it at
   * once; one on another replica shows here after at most this long. 0 reads them every time.
   */
  OFFER_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
});
export type CatalogConfig = z.infer<typeof catalogConfigSchema>;

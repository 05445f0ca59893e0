import { z } from 'zod';
import { currencySchema } from '@emporium/contracts';

/** Catalog settings on top of the kit's shared ones (PORT, DATABASE_URL, DATA_DIR, ...). */
export const catalogConfigSchema = z.object({
  /** `1` seeds the demo catalog at start when the catalog is empty. */
  SEED_DEMO: z.stringbool().default(false),
  /** Currency of fixed-amount offers created without one. */
  DEFAULT_CURRENCY: currencySchema.default('EUR'),
});
export type CatalogConfig = z.infer<typeof catalogConfigSchema>;

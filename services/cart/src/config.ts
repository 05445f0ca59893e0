import { z } from 'zod';

/** The cart service's own settings (on top of the kit's base ones). */
export const cartConfigSchema = z.object({
  /** How long a guest cart lives after its last change (Redis TTL; the same rule in the database). */
  GUEST_CART_TTL_SECONDS: z.coerce.number().int().positive().default(7 * 24 * 3600),
  /** Per-attempt timeout of calls to the catalog's price lookup. */
  CATALOG_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
});
export type CartConfig = z.infer<typeof cartConfigSchema>;

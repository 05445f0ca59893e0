import { z } from 'zod';
import { loadConfig } from '@emporium/kit';

/** The inventory service's own settings (the kit parses the shared ones). */
const settingsSchema = z.object({
  RESERVATION_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  RESERVATION_SWEEP_MS: z.coerce.number().int().positive().default(5000),
  FORECAST_ALPHA: z.coerce.number().gt(0).lte(1).default(0.3),
  FORECAST_LOOKBACK_DAYS: z.coerce.number().int().positive().max(3650).default(90),
  DEFAULT_LOW_STOCK_THRESHOLD: z.coerce.number().int().nonnegative().default(10),
  SEED_DEMO: z.stringbool().default(false),
  CATALOG_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
});
export type InventorySettings = z.infer<typeof settingsSchema>;

export const loadSettings = (env: Record<string, string | undefined>): InventorySettings => loadConfig(settingsSchema, env);

/** Where demo stock goes when SEED_DEMO is on. */
export const DEMO_WAREHOUSE = { id: 'main', name: 'Main warehouse' } as const;
export const DEMO_UNITS = 100;

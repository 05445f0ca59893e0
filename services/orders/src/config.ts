import { z } from 'zod';

/** The orders service's own settings (the kit parses the shared ones). */
export const ordersConfigSchema = z.object({
  /** Timeout of each call to cart, inventory and payments. */
  ORDERS_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /**
   * How long POST /orders waits for the checkout saga before answering 202 (order id, status,
   * status URL) and letting it finish in the background. Keep it well below the gateway's
   * UPSTREAM_TIMEOUT_MS (10 s), so a client always learns its order instead of a gateway 503.
   */
  ORDERS_CHECKOUT_BUDGET_MS: z.coerce.number().int().positive().default(4_000),
  /** How often the recovery pass looks for unfinished checkout sagas. */
  ORDERS_SAGA_RECOVERY_MS: z.coerce.number().int().positive().default(5_000),
  /** How long a runner owns a saga; after a crash, recovery takes over once it has passed. */
  ORDERS_SAGA_LEASE_MS: z.coerce.number().int().positive().default(60_000),
  /** Failed recovery tries of a forward step (service down) before the saga compensates. */
  ORDERS_SAGA_MAX_ATTEMPTS: z.coerce.number().int().positive().default(20),
  /** How long inventory holds the stock of an order whose payment is not yet confirmed. */
  ORDERS_RESERVATION_TTL_SECONDS: z.coerce.number().int().positive().default(900),
});
export type OrdersConfig = z.infer<typeof ordersConfigSchema>;

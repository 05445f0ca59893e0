import { cartManifest } from '@emporium/contracts';
import { fileURLToPath } from 'node:url';
import { createServiceApp, loadConfig, type ServiceDeps, type ServiceModule } from '@emporium/kit';
import { cartConfigSchema } from './config.ts';
import { CatalogPrices } from './catalog-prices.ts';
import { CartService } from './cart-service.ts';
import type { CartStore } from './db/cart-store.ts';
import { RedisCartStore } from './db/redis-cart-store.ts';
import { SqlCartStore } from './db/sql-cart-store.ts';
import { DiscountCodeRepository } from './db/discount-codes.ts';
import { registerCartRoutes } from './routes/carts.ts';
import { registerDiscountCodeRoutes } from './routes/discount-codes.ts';
import { registerInternalRoutes } from './routes/internal.ts';

export async function buildApp(deps: ServiceDeps) {
  const config = loadConfig(cartConfigSchema, deps.env);
  const app = await createServiceApp(deps);
  // Carts are hot, short-lived data: Redis when there is one, else the service's own database.
  const store: CartStore = deps.redis ? new RedisCartStore(deps.redis, config.GUEST_CART_TTL_SECONDS) : new SqlCartStore(deps.db, config.GUEST_CART_TTL_SECONDS);
  const codes = new DiscountCodeRepository(deps.db);
  const catalog = new CatalogPrices(deps, config.CATALOG_TIMEOUT_MS);
  app.addHook('onClose', async () => catalog.shutdown());
  const carts = new CartService(store, codes, catalog);

  registerCartRoutes(app, carts, deps.db);
  registerDiscountCodeRoutes(app, codes);
  registerInternalRoutes(app, carts);
  return app;
}

export const service: ServiceModule = {
  name: cartManifest.name,
  migrationsDir: fileURLToPath(new URL('./db/migrations/', import.meta.url)),
  buildApp,
};

import { catalogManifest } from '@emporium/contracts';
import { fileURLToPath } from 'node:url';
import { createServiceApp, loadConfig, type ServiceDeps, type ServiceModule } from '@emporium/kit';
import { catalogConfigSchema } from './config.ts';
import { OfferCache } from './db/offer-cache.ts';
import { seedDemoCatalog } from './db/seed.ts';
import { registerCategoryRoutes } from './routes/categories.ts';
import { registerInternalRoutes } from './routes/internal.ts';
import { registerOfferRoutes } from './routes/offers.ts';
import { registerProductRoutes } from './routes/products.ts';

export async function buildApp(deps: ServiceDeps) {
  const config = loadConfig(catalogConfigSchema, deps.env);
  const app = await createServiceApp(deps);
  const offerCache = new OfferCache(deps.db, config.OFFER_CACHE_MS);
  registerProductRoutes(app, deps, offerCache);
  registerCategoryRoutes(app, deps);
  registerOfferRoutes(app, deps, offerCache);
  registerInternalRoutes(app, deps, offerCache);
  if (config.SEED_DEMO) {
    const created = await seedDemoCatalog(deps.db);
    // The relay's first pass, once the service listens, publishes the seeded products' events.
    if (created > 0) deps.logger.info({ created }, 'seeded the demo catalog');
  }
  return app;
}

export const service: ServiceModule = {
  name: catalogManifest.name,
  migrationsDir: fileURLToPath(new URL('./db/migrations/', import.meta.url)),
  buildApp,
};

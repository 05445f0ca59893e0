import { inventoryManifest } from '@emporium/contracts';
import { fileURLToPath } from 'node:url';
import { createServiceApp, type ServiceDeps, type ServiceModule } from '@emporium/kit';
import { loadSettings } from './settings.ts';
import { registerWarehouseRoutes } from './routes/warehouses.ts';
import { registerStockRoutes } from './routes/stock.ts';
import { registerReservationRoutes } from './routes/reservations.ts';
import { registerForecastRoutes } from './routes/forecast.ts';
import { ensureDemoWarehouse, subscribeToEvents } from './events/consumers.ts';
import { startReservationSweeper } from './reservation-sweeper.ts';
import { CatalogSkus } from './catalog-skus.ts';

export async function buildApp(deps: ServiceDeps) {
  const settings = loadSettings(deps.env);
  const app = await createServiceApp(deps);
  registerWarehouseRoutes(app, deps);
  const catalogSkus = new CatalogSkus(deps, settings.CATALOG_TIMEOUT_MS);
  app.addHook('onClose', async () => catalogSkus.shutdown());
  registerStockRoutes(app, deps, settings, catalogSkus);
  registerReservationRoutes(app, deps, settings);
  registerForecastRoutes(app, deps, settings);
  if (settings.SEED_DEMO) await ensureDemoWarehouse(deps);
  await subscribeToEvents(deps, settings);
  startReservationSweeper(app, deps, settings.RESERVATION_SWEEP_MS);
  return app;
}

export const service: ServiceModule = {
  name: inventoryManifest.name,
  migrationsDir: fileURLToPath(new URL('./db/migrations/', import.meta.url)),
  buildApp,
};

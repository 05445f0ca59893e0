import { z } from 'zod';
import { requirePermission, type ServiceApp, type ServiceDeps } from '@emporium/kit';
import { demandSince } from '../db/demand-store.ts';
import { addDays, denseDailyHistory, forecastDemand } from '../domain/forecast.ts';
import type { InventorySettings } from '../settings.ts';
import { skuParams } from './schemas.ts';

const round2 = (n: number) => Math.round(n * 100) / 100;

export function registerForecastRoutes(app: ServiceApp, deps: ServiceDeps, settings: InventorySettings): void {
  app.get(
    '/inventory/forecast/:sku',
    { preHandler: requirePermission('inventory:manage'), schema: { params: skuParams, querystring: z.object({ days: z.coerce.number().int().min(1).max(365).default(7) }) } },
    async (request) => {
      const { sku } = request.params;
      const today = new Date().toISOString().slice(0, 10);
      const recorded = await demandSince(deps.db, sku, addDays(today, 1 - settings.FORECAST_LOOKBACK_DAYS));
      // History starts at the first day the SKU sold (within the lookback), zero days included.
      const history = recorded.length ? denseDailyHistory(recorded, recorded[0]!.date, today) : [];
      const horizonDays = request.query.days;
      const forecast = forecastDemand(history.map((d) => d.quantity), settings.FORECAST_ALPHA, horizonDays);
      return { sku, alpha: settings.FORECAST_ALPHA, dailyForecast: round2(forecast.dailyForecast), horizonDays, forecastTotal: round2(forecast.forecastTotal), history };
    },
  );
}

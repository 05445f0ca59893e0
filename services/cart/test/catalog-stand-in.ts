import { z } from 'zod';
import { createServiceApp, type ServiceModule } from '@emporium/kit';

export interface StandInPrice {
  sku: string;
  name: string;
  price: number;
  currency: string;
}

/**
 * A tiny stand-in for the catalog (its real code must not be imported here): just
 * `GET /internal/prices` over a price table the test changes, so the cart's real HTTP client is used.
 */
export function catalogStandIn(prices: Map<string, StandInPrice>): ServiceModule {
  return {
    name: 'catalog',
    async buildApp(deps) {
      const app = await createServiceApp(deps);
      app.get('/internal/prices', { schema: { querystring: z.object({ skus: z.string() }) } }, async (request) => ({
        items: request.query.skus
          .split(',')
          .flatMap((sku) => {
            const p = prices.get(sku);
            return p ? [{ sku, productId: `prod-${sku}`, name: p.name, price: p.price, basePrice: p.price, currency: p.currency }] : [];
          }),
      }));
      return app;
    },
  };
}

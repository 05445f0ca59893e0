import { badRequest, type ServiceApp, type ServiceDeps } from '@emporium/kit';
import { catalogPrices } from '@emporium/contracts';
import { findBySkus } from '../db/products.ts';
import type { OfferCache } from '../db/offer-cache.ts';
import { pricingOf, skuName } from '../domain/product-view.ts';

const MAX_SKUS = 500;

/** Service-to-service routes; the gateway never forwards /internal. */
export function registerInternalRoutes(app: ServiceApp, deps: ServiceDeps, offerCache: OfferCache): void {
  // What each SKU costs right now (after offers), for carts and orders. Unknown or draft SKUs are absent.
  app.get(catalogPrices.path, { schema: { querystring: catalogPrices.query, response: { 200: catalogPrices.response } } }, async (request) => {
    const wanted = [...new Set(request.query.skus.split(',').map((s) => s.trim()).filter(Boolean))];
    if (wanted.length > MAX_SKUS) throw badRequest(`querystring.skus: at most ${MAX_SKUS} SKUs per request`, { field: 'querystring.skus' });
    const now = new Date();
    const [found, offers] = await Promise.all([findBySkus(deps.db, wanted), offerCache.offers(now)]);
    return {
      items: found.map(({ sku, product, variant }) => {
        const pricing = pricingOf(product, variant, offers, now);
        return { sku, productId: product.id, name: skuName(product.name, variant?.name ?? null), price: pricing.effectivePrice, basePrice: pricing.price, currency: pricing.currency };
      }),
    };
  });
}

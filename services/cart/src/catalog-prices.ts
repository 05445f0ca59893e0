import { callEndpoint, HttpClient, type ServiceDeps } from '@emporium/kit';
import { catalogPrices } from '@emporium/contracts';
import type { SkuPrice } from './domain/pricing.ts';

/** Current prices from catalog `GET /internal/prices` (timeouts, retries and breaker from the kit). */
export class CatalogPrices {
  private readonly client: HttpClient;

  constructor(deps: ServiceDeps, timeoutMs: number) {
    this.client = new HttpClient({ target: 'catalog', baseUrl: () => deps.services.url('catalog'), timeoutMs, tokens: deps.tokens });
  }

  /** Prices of the SKUs the catalog knows; unknown ones are absent from the map. */
  async lookup(skus: string[], requestId?: string): Promise<Map<string, SkuPrice>> {
    const unique = [...new Set(skus)];
    if (unique.length === 0) return new Map();
    const { items } = await callEndpoint(this.client, catalogPrices, { query: { skus: unique.join(',') } }, { requestId });
    return new Map(items.map((item) => [item.sku, item]));
  }

  shutdown(): void {
    this.client.shutdown();
  }
}

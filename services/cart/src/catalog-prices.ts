import { z } from 'zod';
import { HttpClient, HttpProblem, type ServiceDeps } from '@emporium/kit';
import type { SkuPrice } from './domain/pricing.ts';

const pricesResponse = z.object({
  items: z.array(z.object({ sku: z.string(), productId: z.string(), name: z.string(), price: z.number().int(), basePrice: z.number().int(), currency: z.string() })),
});

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
    const body = await this.client.json({ path: `/internal/prices?skus=${encodeURIComponent(unique.join(','))}`, requestId });
    const parsed = pricesResponse.safeParse(body);
    if (!parsed.success) throw new HttpProblem(502, 'catalog answered prices in an unexpected shape');
    return new Map(parsed.data.items.map((item) => [item.sku, item]));
  }

  shutdown(): void {
    this.client.shutdown();
  }
}

import { callEndpoint, HttpClient, HttpProblem, type ServiceDeps } from '@emporium/kit';
import { catalogPrices } from '@emporium/contracts';
import { isCatalogSku, rememberCatalogSkus } from './db/catalog-sku-store.ts';

/**
 * Which SKUs exist: the ones catalog's product events announced, kept in `catalog_skus`. A SKU
 * not (yet) there — its product was created a moment ago and the event is on its way — is asked
 * of the catalog once, and remembered when the catalog sells it.
 */
export class CatalogSkus {
  private readonly client: HttpClient;

  constructor(private readonly deps: ServiceDeps, timeoutMs: number) {
    this.client = new HttpClient({ target: 'catalog', baseUrl: () => deps.services.url('catalog'), timeoutMs, tokens: deps.tokens });
  }

  /** Throws a 404 problem naming the SKU unless the catalog sells it. */
  async assertKnown(sku: string, requestId?: string): Promise<void> {
    if (await isCatalogSku(this.deps.db, sku)) return;
    const { items } = await callEndpoint(this.client, catalogPrices, { query: { skus: sku } }, { requestId });
    const item = items.find((i) => i.sku === sku);
    if (!item) throw new HttpProblem(404, `SKU ${sku} is not in the catalog; create the product (or variant) first`, { sku });
    // Kept even if the stock write then fails (a 404 warehouse, say): it is the catalog's fact, which its event brings anyway.
    await rememberCatalogSkus(this.deps.db, item.productId, [sku]);
  }

  shutdown(): void {
    this.client.shutdown();
  }
}

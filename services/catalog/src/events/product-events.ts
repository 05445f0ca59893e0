import { writeEvent, type Executor } from '@emporium/kit';
import type { ProductRecord } from '../db/products.ts';

export const SOURCE = 'catalog';

/**
 * Published (via the outbox, in the caller's transaction): `product.created` when a product is
 * created, `product.updated` when it or its variants change. `price` is the base price; offers
 * are not announced, consumers ask `/internal/prices` for what an item costs now. The variants'
 * SKUs are listed so that consumers (inventory) know every SKU the catalog sells.
 */
export async function recordProductEvent(tx: Executor, type: 'product.created' | 'product.updated', product: ProductRecord): Promise<void> {
  const variantSkus = product.variants.map((variant) => variant.sku);
  await writeEvent(tx, SOURCE, type, { productId: product.id, sku: product.sku, name: product.name, price: product.price, currency: product.currency, variantSkus });
}

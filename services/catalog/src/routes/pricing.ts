import type { Executor } from '@emporium/kit';
import { activeOffers } from '../db/offers.ts';
import { productView, type ProductData, type ProductView } from '../domain/product-view.ts';

/** Shows a product just written, priced with the offers its transaction sees (not the read cache). */
export async function presentWritten(tx: Executor, product: ProductData): Promise<ProductView> {
  const now = new Date();
  return productView(product, await activeOffers(tx, now), now);
}

import type { Executor } from '@emporium/kit';
import { activeOffers } from '../db/offers.ts';
import { productView, type ProductData, type ProductView } from '../domain/product-view.ts';

/** Shows products with their prices at one instant, loading the active offers once. */
export async function presentProducts(db: Executor, products: ProductData[], now = new Date()): Promise<ProductView[]> {
  const offers = await activeOffers(db, now);
  return products.map((p) => productView(p, offers, now));
}

export async function presentProduct(db: Executor, product: ProductData): Promise<ProductView> {
  const [view] = await presentProducts(db, [product]);
  return view!;
}

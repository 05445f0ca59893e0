import { eq } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { catalogSkus } from './schema.ts';

/** Records that the catalog sells these SKUs (of one product); already known ones are left as they are. */
export async function rememberCatalogSkus(db: Executor, productId: string, skus: string[]): Promise<void> {
  if (skus.length === 0) return;
  await db
    .insert(catalogSkus)
    .values(skus.map((sku) => ({ sku, productId })))
    .onConflictDoNothing();
}

export async function isCatalogSku(db: Executor, sku: string): Promise<boolean> {
  const [row] = await db.select({ sku: catalogSkus.sku }).from(catalogSkus).where(eq(catalogSkus.sku, sku)).limit(1);
  return row !== undefined;
}

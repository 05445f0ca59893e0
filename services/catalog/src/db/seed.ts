import { sql } from 'drizzle-orm';
import type { Db } from '@emporium/kit';
import { findCategory, insertCategory } from './categories.ts';
import { addVariant, countProducts, createProduct } from './products.ts';
import { seedCategories, seedProducts } from './seed-data.ts';

/**
 * Fills an empty catalog with the demo data, through the same writes as the API (so each product
 * gets its `product.created` event in the outbox). Does nothing when any product exists; an
 * advisory lock keeps replicas starting together from seeding twice. Returns how many products it created.
 */
export async function seedDemoCatalog(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('catalog:seed-demo'))`);
    if ((await countProducts(tx)) > 0) return 0;
    const categoryIds = new Map<string, string>();
    for (const category of seedCategories) {
      const existing = await findCategory(tx, category.slug);
      categoryIds.set(category.slug, existing?.id ?? (await insertCategory(tx, { ...category, parentId: null })).id);
    }
    for (const { category, variants, ...product } of seedProducts) {
      const created = await createProduct(tx, { ...product, currency: 'EUR', status: 'active', categoryId: categoryIds.get(category)! });
      for (const variant of variants) await addVariant(tx, created.id, { ...variant, price: variant.price ?? null });
    }
    return seedProducts.length;
  });
}

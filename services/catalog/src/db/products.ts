import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { conflict, notFound, type Executor } from '@emporium/kit';
import { recordProductEvent } from '../events/product-events.ts';
import { assertCategoriesExist } from './categories.ts';
import { effectivePriceSql } from './effective-price.ts';
import { categories, offers, products, productVariants, skus, type ProductRow, type VariantRow } from './schema.ts';
import type { ProductData } from '../domain/product-view.ts';

export type ProductStatus = 'active' | 'draft';
export type ProductSort = 'price_asc' | 'price_desc' | 'name' | 'newest' | 'relevance';

/** A product with its category's path (root → own category), which offers need to know. */
export interface ProductRecord extends ProductRow {
  categoryPath: string[];
  variants: VariantRow[];
}

/** What a writer supplies; the rest of a product (id, times, category path, variants) is derived. */
export type NewProduct = Omit<ProductData, 'id' | 'categoryPath' | 'createdAt' | 'updatedAt' | 'variants'>;

export type ProductPatch = Partial<Omit<NewProduct, 'sku'>>;

export interface NewVariant {
  sku: string;
  name: string;
  price: number | null;
  attributes: Record<string, string>;
}

export interface ProductQuery {
  limit: number;
  offset: number;
  statuses: ProductStatus[];
  /** Only products in this category or below it. */
  categoryId?: string;
  minPrice?: number;
  maxPrice?: number;
  /** Every pair must match the product's attributes or one of its variants'. */
  attributes: Record<string, string>;
  q?: string;
  sort: ProductSort;
  now: Date;
}

const { search: _search, ...productColumns } = getTableColumns(products);

function queryConditions(query: ProductQuery, price: SQL): SQL | undefined {
  const conditions: SQL[] = [inArray(products.status, query.statuses)];
  if (query.categoryId) conditions.push(sql`${products.categoryId} in (select c.id from categories c where ${query.categoryId}::uuid = any(c.path))`);
  if (query.minPrice !== undefined) conditions.push(sql`${price} >= ${query.minPrice}`);
  if (query.maxPrice !== undefined) conditions.push(sql`${price} <= ${query.maxPrice}`);
  if (query.q) conditions.push(sql`${products.search} @@ websearch_to_tsquery('english', ${query.q})`);
  for (const [name, value] of Object.entries(query.attributes)) {
    const pair = sql`${JSON.stringify({ [name]: value })}::jsonb`;
    conditions.push(sql`(${products.attributes} @> ${pair} or exists (select 1 from product_variants v where v.product_id = ${products.id} and v.attributes @> ${pair}))`);
  }
  return and(...conditions);
}

function ordering(query: ProductQuery, price: SQL): SQL[] {
  const newest = [desc(products.createdAt), desc(products.id)];
  switch (query.sort) {
    case 'price_asc':
      return [asc(price), asc(products.id)];
    case 'price_desc':
      return [desc(price), asc(products.id)];
    case 'name':
      return [asc(sql`lower(${products.name})`), asc(products.id)];
    case 'relevance':
      // Without a query there is nothing to rank by, so relevance falls back to newest first.
      return query.q ? [desc(sql`ts_rank(${products.search}, websearch_to_tsquery('english', ${query.q}))`), ...newest] : newest;
    case 'newest':
      return newest;
  }
}

/** The columns a product is read with: its own, its category's path and its variants (one round trip). */
const productRecordColumns = {
  product: productColumns,
  categoryPath: categories.path,
  variants: sql<RawVariant[]>`coalesce((
    select json_agg(json_build_object('id', v.id, 'productId', v.product_id, 'sku', v.sku, 'name', v.name, 'price', v.price,
                                      'attributes', v.attributes, 'createdAt', v.created_at) order by v.created_at, v.id)
    from product_variants v where v.product_id = ${products.id}), '[]'::json)`,
};

/** A variant as `json_build_object` gives it: timestamps arrive as ISO strings. */
type RawVariant = Omit<VariantRow, 'createdAt'> & { createdAt: string };

const toRecord = (r: { product: ProductRow; categoryPath: string[] | null; variants: RawVariant[] }): ProductRecord => ({
  ...r.product,
  categoryPath: r.categoryPath ?? [],
  variants: r.variants.map((v) => ({ ...v, createdAt: new Date(v.createdAt) })),
});

/** One page of matching products and how many match in all (counted in the same query, by a window). */
export async function findProducts(db: Executor, query: ProductQuery): Promise<{ items: ProductRecord[]; total: number }> {
  const price = effectivePriceSql(query.now);
  const where = queryConditions(query, price);
  const rows = await db
    .select({ ...productRecordColumns, total: sql<number>`(count(*) over ())::int` })
    .from(products)
    .leftJoin(categories, eq(products.categoryId, categories.id))
    .where(where)
    .orderBy(...ordering(query, price))
    .limit(query.limit)
    .offset(query.offset);
  // A page past the end has no row to carry the window count, so only then is it counted apart.
  const total = rows[0]?.total ?? (query.offset === 0 ? 0 : await countMatching(db, where));
  return { items: rows.map(toRecord), total };
}

async function countMatching(db: Executor, where: SQL | undefined): Promise<number> {
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(products)
    .leftJoin(categories, eq(products.categoryId, categories.id))
    .where(where);
  return counted?.total ?? 0;
}

export async function getProduct(db: Executor, id: string): Promise<ProductRecord | null> {
  const [row] = await db.select(productRecordColumns).from(products).leftJoin(categories, eq(products.categoryId, categories.id)).where(eq(products.id, id));
  return row ? toRecord(row) : null;
}

/** Reserves a SKU in the namespace shared by products and variants; 409 when it is taken. */
async function claimSku(tx: Executor, sku: string, productId: string): Promise<void> {
  const claimed = await tx.insert(skus).values({ sku, productId }).onConflictDoNothing().returning({ sku: skus.sku });
  if (claimed.length === 0) throw conflict(`SKU ${sku} is already in use`, { sku });
}

async function mustGet(tx: Executor, id: string): Promise<ProductRecord> {
  const product = await getProduct(tx, id);
  if (!product) throw notFound(`Product ${id} not found`);
  return product;
}

/** Creates the product and records `product.created`, all in the caller's transaction. */
export async function createProduct(tx: Executor, input: NewProduct, now = new Date()): Promise<ProductRecord> {
  await assertCategoriesExist(tx, input.categoryId ? [input.categoryId] : [], 'body.categoryId');
  const id = randomUUID();
  const [row] = await tx.insert(products).values({ id, ...input, createdAt: now, updatedAt: now }).onConflictDoNothing().returning({ id: products.id });
  if (!row) throw conflict(`SKU ${input.sku} is already in use`, { sku: input.sku });
  await claimSku(tx, input.sku, id);
  const product = await mustGet(tx, id);
  await recordProductEvent(tx, 'product.created', product);
  return product;
}

export async function updateProduct(tx: Executor, id: string, patch: ProductPatch): Promise<ProductRecord> {
  if (patch.categoryId) await assertCategoriesExist(tx, [patch.categoryId], 'body.categoryId');
  const updated = await tx.update(products).set({ ...patch, updatedAt: new Date() }).where(eq(products.id, id)).returning({ id: products.id });
  if (updated.length === 0) throw notFound(`Product ${id} not found`);
  const product = await mustGet(tx, id);
  await recordProductEvent(tx, 'product.updated', product);
  return product;
}

/** Deletes the product with its variants and SKUs, and drops it from offers that named it. */
export async function deleteProduct(tx: Executor, id: string): Promise<void> {
  const deleted = await tx.delete(products).where(eq(products.id, id)).returning({ id: products.id });
  if (deleted.length === 0) throw notFound(`Product ${id} not found`);
  await tx.update(offers).set({ productIds: sql`array_remove(${offers.productIds}, ${id}::uuid)` }).where(sql`${id}::uuid = any(${offers.productIds})`);
}

export async function addVariant(tx: Executor, productId: string, input: NewVariant): Promise<{ product: ProductRecord; variant: VariantRow }> {
  // Lock the product so concurrent edits serialise and the event carries its latest state.
  const [locked] = await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for('update');
  if (!locked) throw notFound(`Product ${productId} not found`);
  const now = new Date();
  const [variant] = await tx.insert(productVariants).values({ id: randomUUID(), productId, ...input, createdAt: now }).onConflictDoNothing().returning();
  if (!variant) throw conflict(`SKU ${input.sku} is already in use`, { sku: input.sku });
  await claimSku(tx, input.sku, productId);
  await tx.update(products).set({ updatedAt: now }).where(eq(products.id, productId));
  const product = await mustGet(tx, productId);
  await recordProductEvent(tx, 'product.updated', product);
  return { product, variant };
}

export interface SkuItem {
  sku: string;
  product: ProductRecord;
  variant: VariantRow | null;
}

/** The sellable (active) products and variants with these SKUs; unknown SKUs are left out. */
export async function findBySkus(db: Executor, wanted: string[]): Promise<SkuItem[]> {
  if (wanted.length === 0) return [];
  const rows = await db
    .select({ sku: skus.sku, product: productColumns, categoryPath: categories.path, variant: getTableColumns(productVariants) })
    .from(skus)
    .innerJoin(products, eq(skus.productId, products.id))
    .leftJoin(productVariants, eq(productVariants.sku, skus.sku))
    .leftJoin(categories, eq(products.categoryId, categories.id))
    .where(and(inArray(skus.sku, wanted), eq(products.status, 'active')));
  return rows.map((r) => ({ sku: r.sku, product: { ...r.product, categoryPath: r.categoryPath ?? [], variants: [] }, variant: r.variant }));
}

export async function countProducts(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
  return row?.n ?? 0;
}

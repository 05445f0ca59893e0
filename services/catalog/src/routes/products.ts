import { badRequest, hasPermission, idempotencyHeaders, idempotentRequestOf, idempotentTransaction, notFound, principalOf, requirePermission, type ServiceApp, type ServiceDeps } from '@emporium/kit';
import type { FastifyRequest } from 'fastify';
import { findCategory } from '../db/categories.ts';
import { addVariant, createProduct, deleteProduct, findProducts, getProduct, updateProduct, type ProductQuery, type ProductStatus } from '../db/products.ts';
import { activeOffers } from '../db/offers.ts';
import type { OfferCache } from '../db/offer-cache.ts';
import { isUuid } from '../domain/ids.ts';
import { productView, variantView } from '../domain/product-view.ts';
import { presentWritten } from './pricing.ts';
import {
  attributeNameSchema,
  attributeValueSchema,
  createProductBody,
  createVariantBody,
  idParams,
  listProductsQuery,
  patchProductBody,
  productListSchema,
  productViewSchema,
  searchQuery,
  type ListProductsQuery,
} from './schemas.ts';

const staffOnly = requirePermission('catalog:write');
const isStaff = (request: FastifyRequest) => hasPermission(principalOf(request), 'catalog:write');

/** `attr.color=red&attr.size=M` → { color: 'red', size: 'M' }; a bad name or value is a 400 naming it. */
function attributeFilters(query: Record<string, unknown>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith('attr.')) continue;
    const name = attributeNameSchema.safeParse(key.slice('attr.'.length));
    const parsed = attributeValueSchema.safeParse(value);
    if (!name.success || !parsed.success) throw badRequest(`querystring.${key}: expected attr.<name>=<value> with a single value`, { field: `querystring.${key}` });
    filters[name.data] = parsed.data;
  }
  return filters;
}

/** Drafts are for staff: others always see active products only. */
function visibleStatuses(request: FastifyRequest, requested: ListProductsQuery['status']): ProductStatus[] {
  if (!isStaff(request) || !requested) return ['active'];
  return requested === 'all' ? ['active', 'draft'] : [requested];
}

export function registerProductRoutes(app: ServiceApp, deps: ServiceDeps, offerCache: OfferCache): void {
  const { db } = deps;

  async function list(request: FastifyRequest, query: ListProductsQuery) {
    const now = new Date();
    const base = { limit: query.limit, offset: query.offset };
    let categoryId: string | undefined;
    if (query.category) {
      const category = await findCategory(db, query.category);
      // An unknown category has no products in it.
      if (!category) return { items: [], total: 0, ...base };
      categoryId = category.id;
    }
    const productQuery: ProductQuery = {
      ...base,
      statuses: visibleStatuses(request, query.status),
      categoryId,
      minPrice: query.minPrice,
      maxPrice: query.maxPrice,
      attributes: attributeFilters(query),
      q: query.q || undefined,
      sort: query.sort ?? (query.q ? 'relevance' : 'newest'),
      now,
    };
    const [{ items, total }, offers] = await Promise.all([findProducts(db, productQuery), offerCache.offers(now)]);
    return { items: items.map((p) => productView(p, offers, now)), total, ...base };
  }

  app.get('/catalog/products', { schema: { summary: 'List products (filters, sorting, paging)', querystring: listProductsQuery, response: { 200: productListSchema } } }, (request) => list(request, request.query));

  app.get('/catalog/search', { schema: { summary: 'Search products by text', querystring: searchQuery, response: { 200: productListSchema } } }, (request) => list(request, { ...request.query, sort: request.query.sort ?? 'relevance' }));

  app.get('/catalog/products/:id', { schema: { summary: 'Get a product with its variants and current prices', params: idParams, response: { 200: productViewSchema } } }, async (request) => {
    const now = new Date();
    const [product, offers] = isUuid(request.params.id) ? await Promise.all([getProduct(db, request.params.id), offerCache.offers(now)]) : [null, []];
    if (!product || (product.status === 'draft' && !isStaff(request))) throw notFound(`Product ${request.params.id} not found`);
    return productView(product, offers, now);
  });

  app.post('/catalog/products', { onRequest: staffOnly, schema: { body: createProductBody, headers: idempotencyHeaders } }, async (request, reply) => {
    const response = await idempotentTransaction(deps, idempotentRequestOf(request), async (tx) => ({
      status: 201,
      body: await presentWritten(tx, await createProduct(tx, request.body)),
    }));
    return reply.code(response.status).send(response.body);
  });

  app.patch('/catalog/products/:id', { onRequest: staffOnly, schema: { params: idParams, body: patchProductBody } }, async (request) => {
    if (!isUuid(request.params.id)) throw notFound(`Product ${request.params.id} not found`);
    const product = await deps.unitOfWork((tx) => updateProduct(tx, request.params.id, request.body));
    return presentWritten(db, product);
  });

  app.delete('/catalog/products/:id', { onRequest: staffOnly, schema: { params: idParams } }, async (request, reply) => {
    if (!isUuid(request.params.id)) throw notFound(`Product ${request.params.id} not found`);
    await deps.unitOfWork((tx) => deleteProduct(tx, request.params.id));
    offerCache.invalidate(); // the delete also drops the product from offers naming it
    return reply.code(204).send();
  });

  app.post('/catalog/products/:id/variants', { onRequest: staffOnly, schema: { params: idParams, body: createVariantBody, headers: idempotencyHeaders } }, async (request, reply) => {
    const { id } = request.params;
    if (!isUuid(id)) throw notFound(`Product ${id} not found`);
    const response = await idempotentTransaction(deps, idempotentRequestOf(request), async (tx) => {
      const { product, variant } = await addVariant(tx, id, request.body);
      const now = new Date();
      return { status: 201, body: variantView(product, variant, await activeOffers(tx, now), now) };
    });
    return reply.code(response.status).send(response.body);
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, body } from './client.ts';
import type { paths } from './schema';
import type { Category, Offer, Page, Product, StockLevel } from './models.ts';

export type ProductQuery = NonNullable<paths['/api/v1/catalog/products']['get']['parameters']['query']>;

export const useCategories = () =>
  useQuery({
    queryKey: ['categories'],
    queryFn: () => body<{ items: Category[] }>(api.GET('/api/v1/catalog/categories')).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

export const useProducts = (query: ProductQuery) =>
  useQuery({
    queryKey: ['products', query],
    queryFn: () => body<Page<Product>>(api.GET('/api/v1/catalog/products', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useProduct = (id: string) =>
  useQuery({ queryKey: ['product', id], queryFn: () => body<Product>(api.GET('/api/v1/catalog/products/{id}', { params: { path: { id } } })) });

export const useStock = (sku: string | undefined) =>
  useQuery({
    queryKey: ['stock', sku],
    enabled: !!sku,
    queryFn: () => body<StockLevel>(api.GET('/api/v1/inventory/stock/{sku}', { params: { path: { sku: sku! } } })).then((s) => s.totals.available),
  });

/** Some products that an active offer lowers: those it names, then some of its categories'. */
export const useOfferProducts = (max = 8) =>
  useQuery({
    queryKey: ['offer-products', max],
    queryFn: async () => {
      const offers = (await body<{ items: Offer[] }>(api.GET('/api/v1/catalog/offers'))).items.filter((o) => o.active);
      const named = offers.flatMap((o) => o.productIds).slice(0, max);
      const products = await Promise.all(named.map((id) => body<Product>(api.GET('/api/v1/catalog/products/{id}', { params: { path: { id } } })).catch(() => undefined)));
      for (const category of offers.flatMap((o) => o.categoryIds).slice(0, 2)) {
        products.push(...(await body<Page<Product>>(api.GET('/api/v1/catalog/products', { params: { query: { category, limit: max } } }))).items);
      }
      const unique = new Map(products.filter((p): p is Product => !!p?.appliedOffer).map((p) => [p.id, p]));
      return [...unique.values()].slice(0, max);
    },
    staleTime: 60_000,
  });

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, body } from './client.ts';
import type { paths } from './schema';
import type { Category, Page, Product, StockLevel } from './models.ts';

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

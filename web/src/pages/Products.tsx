import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCategories, useProducts, type ProductQuery } from '../api/catalog.ts';
import { ProductCard } from '../components/ProductCard.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Pagination } from '../components/Pagination.tsx';

const pageSize = 12;
const sorts = ['relevance', 'newest', 'price_asc', 'price_desc', 'name'] as const;
type Sort = (typeof sorts)[number];
const sortLabel = { relevance: 'sortRelevance', newest: 'sortNewest', price_asc: 'sortPriceAsc', price_desc: 'sortPriceDesc', name: 'sortName' } as const;

/** The listing; its whole state (search, category, sort, page) lives in the URL. */
export function Products() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const sort = (sorts as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as Sort) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: ProductQuery = { limit: pageSize, offset: (page - 1) * pageSize, ...(q && { q }), ...(category && { category }), ...(sort && { sort }) };
  const products = useProducts(query);
  const categories = useCategories();
  const heading = useRef<HTMLHeadingElement>(null);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  useEffect(() => heading.current?.focus({ preventScroll: true }), [page]);

  const pages = products.data ? Math.max(1, Math.ceil(products.data.total / pageSize)) : 1;
  const categoryName = categories.data?.find((c) => c.slug === category || c.id === category)?.name;
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>{q ? t('products.resultsFor', { q }) : categoryName ?? t('products.title')}</h1>
        {products.data && <p className="muted" aria-live="polite">{t('products.count', { count: products.data.total })}</p>}
      </div>
      <div className="filters" role="group" aria-label={t('products.filters')}>
        <label>
          {t('products.category')}
          <select value={category} onChange={(e) => update({ category: e.target.value || undefined })}>
            <option value="">{t('products.allCategories')}</option>
            {categories.data?.map((c) => <option key={c.id} value={c.slug}>{c.name}</option>)}
          </select>
        </label>
        <label>
          {t('products.sort')}
          <select value={sort ?? (q ? 'relevance' : 'newest')} onChange={(e) => update({ sort: e.target.value })}>
            {sorts.filter((s) => q || s !== 'relevance').map((s) => <option key={s} value={s}>{t(`products.${sortLabel[s]}`)}</option>)}
          </select>
        </label>
      </div>
      {products.isPending ? <Loading /> : products.isError ? <ErrorMessage error={products.error} /> : products.data.items.length === 0 ? (
        <p className="empty">{t('products.empty')}</p>
      ) : (
        <ul className="product-grid" data-testid="product-list">{products.data.items.map((p) => <ProductCard key={p.id} product={p} />)}</ul>
      )}
      <Pagination page={page} pages={pages} onPage={(n) => update({ page: String(n) })} />
    </>
  );
}

import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCategories, useOfferProducts, useProducts } from '../api/catalog.ts';
import { ProductCard } from '../components/ProductCard.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';

export function Home() {
  const { t } = useTranslation();
  const categories = useCategories();
  const newest = useProducts({ sort: 'newest', limit: 8 });
  const offers = useOfferProducts().data ?? [];
  const accountDeleted = !!(useLocation().state as { accountDeleted?: boolean } | null)?.accountDeleted;
  return (
    <>
      {accountDeleted && <p className="alert alert-success" role="status" data-testid="account-deleted">{t('account.deleted')}</p>}
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
        <Link to="/products" className="button button-primary">{t('home.browse')}</Link>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('home.categories')}</h2>
        {categories.isPending ? <Loading /> : categories.isError ? <ErrorMessage error={categories.error} /> : (
          <ul className="category-grid">
            {categories.data.map((c) => (
              <li key={c.id}><Link to={`/products?category=${c.slug}`} className="category-tile">{c.name}</Link></li>
            ))}
          </ul>
        )}
      </section>

      {offers.length > 0 && (
        <section aria-labelledby="offers-heading">
          <h2 id="offers-heading">{t('home.offers')}</h2>
          <ul className="product-grid" data-testid="offers">{offers.map((p) => <ProductCard key={p.id} product={p} />)}</ul>
        </section>
      )}

      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading">{t('home.newest')}</h2>
        {newest.isPending ? <Loading /> : newest.isError ? <ErrorMessage error={newest.error} /> : (
          <ul className="product-grid">{newest.data.items.map((p) => <ProductCard key={p.id} product={p} />)}</ul>
        )}
      </section>
    </>
  );
}

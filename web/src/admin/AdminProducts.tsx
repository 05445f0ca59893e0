import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useProducts } from '../api/catalog.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useFormat } from '../format.ts';

export function AdminProducts() {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const products = useProducts({ status: 'all', limit: 100, ...(q.trim() && { q: q.trim() }) });
  return (
    <section aria-labelledby="products-heading">
      <div className="page-head">
        <h2 id="products-heading">{t('admin.products')}</h2>
        {products.data && <p className="muted">{t('admin.count', { count: products.data.total })}</p>}
        <Link to="/admin/products/new" className="button button-primary">{t('admin.newProduct')}</Link>
      </div>
      <div className="filters">
        <label>
          {t('admin.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
      </div>
      {products.isPending ? <Loading /> : products.isError ? <ErrorMessage error={products.error} /> : products.data.items.length === 0 ? <p className="empty">{t('admin.noProducts')}</p> : (
        <div className="table-scroll">
          <table className="table" data-testid="admin-products">
            <thead><tr><th scope="col">{t('admin.product')}</th><th scope="col">{t('admin.sku')}</th><th scope="col">{t('admin.productStatus')}</th><th scope="col" className="num">{t('admin.variants')}</th><th scope="col" className="num">{t('admin.price')}</th></tr></thead>
            <tbody>
              {products.data.items.map((p) => (
                <tr key={p.id}>
                  <td><Link to={`/admin/products/${p.id}`}>{p.name}</Link></td>
                  <td className="mono">{p.sku}</td>
                  <td>{p.status === 'active' ? t('admin.active') : t('admin.draft')}</td>
                  <td className="num">{p.variants.length}</td>
                  <td className="num">{format.money(p.effectivePrice, p.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

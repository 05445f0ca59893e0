import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, body } from '../api/client.ts';
import type { OrderPage, OrderStatus } from '../api/models.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useFormat } from '../format.ts';
import { Pagination } from '../components/Pagination.tsx';

const statuses: OrderStatus[] = ['pending', 'reserved', 'paid', 'payment_failed', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded'];
const pageSize = 20;

export function AdminOrders() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const status = statuses.find((s) => s === params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orders = useQuery({
    queryKey: ['admin-orders', status, page],
    queryFn: () => body<OrderPage>(api.GET('/api/v1/orders', { params: { query: { page, pageSize, ...(status && { status }) } } })),
    placeholderData: keepPreviousData,
  });
  const pages = orders.data ? Math.max(1, Math.ceil(orders.data.total / pageSize)) : 1;
  return (
    <section aria-labelledby="orders-heading">
      <div className="page-head">
        <h2 id="orders-heading">{t('admin.orders')}</h2>
        {orders.data && <p className="muted">{t('admin.count', { count: orders.data.total })}</p>}
      </div>
      <div className="filters">
        <label>
          {t('admin.status')}
          <select value={status ?? ''} onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}>
            <option value="">{t('admin.allStatuses')}</option>
            {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
      </div>
      {orders.isPending ? <Loading /> : orders.isError ? <ErrorMessage error={orders.error} /> : orders.data.items.length === 0 ? <p className="empty">{t('admin.noOrders')}</p> : (
        <div className="table-scroll">
          <table className="table" data-testid="admin-orders">
            <thead><tr><th scope="col">{t('admin.order')}</th><th scope="col">{t('admin.date')}</th><th scope="col">{t('admin.customer')}</th><th scope="col">{t('admin.status')}</th><th scope="col" className="num">{t('admin.total')}</th></tr></thead>
            <tbody>
              {orders.data.items.map((o) => (
                <tr key={o.id}>
                  <td><Link to={`/admin/orders/${o.id}`} className="mono" title={o.id}>{o.id.slice(0, 8)}</Link></td>
                  <td>{format.date(o.createdAt)}</td>
                  <td>{o.email}</td>
                  <td><span className={`status status-${o.status}`}>{t(`status.${o.status}`)}</span></td>
                  <td className="num">{format.money(o.total, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} onPage={(n) => setParams({ ...(status && { status }), page: String(n) })} />
    </section>
  );
}

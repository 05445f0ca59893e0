import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, body } from '../api/client.ts';
import type { Order } from '../api/models.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useFormat } from '../format.ts';
import { OrderTimeline } from '../components/OrderTimeline.tsx';

const settling = new Set(['pending', 'reserved']);

/** An order as its buyer sees it: the confirmation after checkout, and the page a guest finds it by (id + email). */
export function OrderConfirmation() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const email = params.get('email') ?? undefined;
  const justPlaced = !!(useLocation().state as { placed?: boolean } | null)?.placed;
  const { t } = useTranslation();
  const format = useFormat();
  const order = useQuery({
    queryKey: ['order', id, email],
    queryFn: () => body<Order>(api.GET('/api/v1/orders/{id}', { params: { path: { id }, query: email ? { email } : {} } })),
    refetchInterval: (query) => (query.state.data && settling.has(query.state.data.status) ? 1000 : false),
  });
  if (order.isPending) return <Loading />;
  if (order.isError) {
    return order.error instanceof ApiError && [401, 403, 404].includes(order.error.status) ? <p className="empty">{t('order.notFound')}</p> : <ErrorMessage error={order.error} />;
  }
  const o = order.data;
  return (
    <article className="order">
      {justPlaced && o.status !== 'payment_failed' && <h1 data-testid="order-thanks">{t('order.thanks')}</h1>}
      {settling.has(o.status) && <p className="alert" role="status">{t('order.pending')}</p>}
      {o.status === 'payment_failed' && <p className="alert alert-error" role="alert">{t('order.failed')} <Link to="/cart">{t('order.backToCart')}</Link></p>}
      <div className="card order-head">
        <dl className="facts">
          <div><dt>{t('order.number')}</dt><dd data-testid="order-id" className="mono">{o.id}</dd></div>
          <div><dt>{t('order.status')}</dt><dd><span className={`status status-${o.status}`} data-testid="order-status">{t(`status.${o.status}`)}</span></dd></div>
          <div><dt>{t('admin.date')}</dt><dd>{format.date(o.createdAt)}</dd></div>
        </dl>
        {justPlaced && <p className="muted">{t('order.emailSent', { email: o.email })}</p>}
      </div>
      <div className="cart-layout">
        <section className="card" aria-labelledby="items-heading">
          <h2 id="items-heading">{t('order.items')}</h2>
          <ul className="order-lines">
            {o.lines.map((line) => (
              <li key={line.sku}><span>{line.quantity} × {line.name}</span><span>{format.money(line.lineTotal, o.currency)}</span></li>
            ))}
          </ul>
          <dl className="totals">
            <div><dt>{t('cart.subtotal')}</dt><dd>{format.money(o.subtotal, o.currency)}</dd></div>
            {o.discount > 0 && <div><dt>{t('cart.discount')}</dt><dd>−{format.money(o.discount, o.currency)}</dd></div>}
            <div className="grand-total"><dt>{t('cart.total')}</dt><dd data-testid="order-total">{format.money(o.total, o.currency)}</dd></div>
          </dl>
        </section>
        <section className="card" aria-labelledby="tracking-heading">
          <h2 id="tracking-heading">{t('order.tracking')}</h2>
          <OrderTimeline order={o} />
          <h3 id="ship-heading">{t('order.shipTo')}</h3>
          <address>
            {o.shippingAddress.name}<br />{o.shippingAddress.line1}<br />
            {o.shippingAddress.line2 && <>{o.shippingAddress.line2}<br /></>}
            {o.shippingAddress.postalCode} {o.shippingAddress.city}<br />{format.country(o.shippingAddress.country)}
          </address>
        </section>
      </div>
    </article>
  );
}

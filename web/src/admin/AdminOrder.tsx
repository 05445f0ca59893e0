import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, body, idempotencyKey } from '../api/client.ts';
import type { Order, OrderStatus } from '../api/models.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { OrderTimeline } from '../components/OrderTimeline.tsx';
import { toMinor, useFormat } from '../format.ts';
import { usePermissions } from '../session/permissions.ts';

const cancellable: OrderStatus[] = ['pending', 'reserved', 'paid', 'fulfilled'];
const refundable: OrderStatus[] = ['paid', 'fulfilled', 'shipped', 'delivered'];

/** One order for staff: lines, timeline, and the actions its state allows and the user's permissions grant. */
export function AdminOrder() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = usePermissions();
  const queryClient = useQueryClient();
  const order = useQuery({ queryKey: ['admin-order', id], queryFn: () => body<Order & { refundedAmount?: number }>(api.GET('/api/v1/orders/{id}', { params: { path: { id }, query: {} } })) });
  const [action, setAction] = useState<'ship' | 'cancel' | 'refund'>();
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: async () => {
      setAction(undefined);
      await queryClient.invalidateQueries({ queryKey: ['admin-order', id] });
      await queryClient.invalidateQueries({ queryKey: ['admin-orders'] });
    },
  });
  if (order.isPending) return <Loading />;
  if (order.isError) return <ErrorMessage error={order.error} />;
  const o = order.data;
  const path = { path: { id } };
  const manage = can('orders:manage');
  const form = (e: FormEvent<HTMLFormElement>) => { e.preventDefault(); return Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>; };
  const ship = (e: FormEvent<HTMLFormElement>) => { const f = form(e); act.mutate(() => body(api.POST('/api/v1/orders/{id}/shipments', { params: path, body: { carrier: f.carrier!, trackingNumber: f.trackingNumber! } }))); };
  const cancel = (e: FormEvent<HTMLFormElement>) => { const f = form(e); act.mutate(() => body(api.POST('/api/v1/orders/{id}/cancel', { params: path, body: { reason: f.reason! } }))); };
  const refund = (e: FormEvent<HTMLFormElement>) => {
    const f = form(e);
    const amount = f.amount ? toMinor(Number(f.amount), o.currency) : undefined;
    act.mutate(() => body(api.POST('/api/v1/orders/{id}/refund', { params: { ...path, header: { 'idempotency-key': idempotencyKey() } }, body: { reason: f.reason!, ...(amount && { amount }) } })));
  };
  return (
    <section aria-labelledby="order-heading">
      <p><Link to="/admin/orders">← {t('admin.orders')}</Link></p>
      <div className="page-head">
        <h2 id="order-heading">{t('admin.order')} <span className="mono">{o.id.slice(0, 8)}</span></h2>
        <span className={`status status-${o.status}`} data-testid="admin-order-status">{t(`status.${o.status}`)}</span>
      </div>
      <p className="muted">{o.email ?? '—'} · {format.date(o.createdAt)} · {format.money(o.total, o.currency)}{o.refundedAmount ? ` · ${t('admin.refunded', { amount: format.money(o.refundedAmount, o.currency) })}` : ''}</p>

      <div className="actions" role="group" aria-label={t('admin.actions')}>
        {manage && o.status === 'paid' && <button type="button" className="button button-primary" disabled={act.isPending} onClick={() => act.mutate(() => body(api.POST('/api/v1/orders/{id}/fulfil', { params: path })))}>{t('admin.fulfil')}</button>}
        {manage && o.status === 'fulfilled' && <button type="button" className="button button-primary" onClick={() => setAction('ship')}>{t('admin.ship')}</button>}
        {manage && o.status === 'shipped' && <button type="button" className="button" disabled={act.isPending} onClick={() => act.mutate(() => body(api.POST('/api/v1/orders/{id}/deliver', { params: path })))}>{t('admin.deliver')}</button>}
        {manage && cancellable.includes(o.status) && <button type="button" className="button" onClick={() => setAction('cancel')}>{t('admin.cancel')}</button>}
        {can('payments:refund') && refundable.includes(o.status) && <button type="button" className="button" onClick={() => setAction('refund')}>{t('admin.refund')}</button>}
      </div>
      {action === 'ship' && (
        <form className="card action-form" onSubmit={ship}>
          <div className="field-row">
            <div className="field"><label htmlFor="ship-carrier">{t('admin.carrier')}</label><input id="ship-carrier" name="carrier" required maxLength={100} /></div>
            <div className="field"><label htmlFor="ship-tracking">{t('order.trackingNumber')}</label><input id="ship-tracking" name="trackingNumber" required maxLength={100} /></div>
          </div>
          <button type="submit" className="button button-primary" disabled={act.isPending}>{t('admin.confirmShip')}</button>
        </form>
      )}
      {action === 'cancel' && (
        <form className="card action-form" onSubmit={cancel}>
          {o.status === 'paid' || o.status === 'fulfilled' ? <p className="alert alert-warning">{t('admin.cancelRefunds')}</p> : null}
          <div className="field"><label htmlFor="cancel-reason">{t('admin.reason')}</label><input id="cancel-reason" name="reason" required maxLength={500} /></div>
          <button type="submit" className="button button-danger" disabled={act.isPending}>{t('admin.confirmCancel')}</button>
        </form>
      )}
      {action === 'refund' && (
        <form className="card action-form" onSubmit={refund}>
          <div className="field-row">
            <div className="field"><label htmlFor="refund-amount">{t('admin.refundAmount', { currency: o.currency })}</label><input id="refund-amount" name="amount" type="number" min="0.01" step="0.01" /></div>
            <div className="field"><label htmlFor="refund-reason">{t('admin.reason')}</label><input id="refund-reason" name="reason" required maxLength={500} /></div>
          </div>
          <button type="submit" className="button button-danger" disabled={act.isPending}>{t('admin.confirmRefund')}</button>
        </form>
      )}
      {act.isError && <ErrorMessage error={act.error} />}

      <div className="cart-layout">
        <section className="card" aria-labelledby="admin-items-heading">
          <h3 id="admin-items-heading">{t('order.items')}</h3>
          <ul className="order-lines">
            {o.lines.map((line) => <li key={line.sku}><span>{line.quantity} × {line.name} <span className="muted small mono">{line.sku}</span></span><span>{format.money(line.lineTotal, o.currency)}</span></li>)}
          </ul>
          <h3>{t('order.shipTo')}</h3>
          <address>{o.shippingAddress.name}<br />{o.shippingAddress.line1}<br />{o.shippingAddress.postalCode} {o.shippingAddress.city}<br />{format.country(o.shippingAddress.country)}</address>
        </section>
        <section className="card" aria-labelledby="admin-timeline-heading">
          <h3 id="admin-timeline-heading">{t('order.tracking')}</h3>
          <OrderTimeline order={o} />
        </section>
      </div>
    </section>
  );
}

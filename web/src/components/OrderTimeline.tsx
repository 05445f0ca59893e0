import { useTranslation } from 'react-i18next';
import type { Order } from '../api/models.ts';
import { useFormat } from '../format.ts';

/** The order's status history, oldest first, and its shipments with their tracking numbers. */
export function OrderTimeline({ order }: { order: Order }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <ol className="timeline" data-testid="timeline">
        {order.statusHistory.map((entry, i) => (
          <li key={i} className={i === order.statusHistory.length - 1 ? 'current' : undefined}>
            <span className={`status status-${entry.state}`}>{t(`status.${entry.state}`)}</span>{' '}
            <time dateTime={entry.at} className="muted small">{format.date(entry.at)}</time>
            {entry.note && <div className="small">{entry.note}</div>}
          </li>
        ))}
      </ol>
      {order.shipments.map((s) => (
        <p key={s.id} className="alert" data-testid="shipment">
          {t('order.shipment', { carrier: s.carrier, date: format.date(s.shippedAt) })}<br />
          {t('order.trackingNumber')}: <strong className="mono" data-testid="tracking-number">{s.trackingNumber}</strong>
        </p>
      ))}
    </>
  );
}

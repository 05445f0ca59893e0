import { asc, eq } from 'drizzle-orm';
import { writeEvent, type Executor } from '@emporium/kit';
import type { OrderEvent } from '../domain/order-state.ts';
import { orderLines, type OrderRow } from '../db/schema.ts';

/** What a state change adds to its event (a cancellation's reason, a shipment's tracking number...). */
export interface ChangeDetails {
  reason?: string;
  amount?: number;
  carrier?: string;
  trackingNumber?: string;
}

/**
 * Writes the event announcing `event` on `order` (already updated) to the outbox, inside the
 * caller's transaction. 'reserve' and 'fulfil' are internal steps nobody subscribes to.
 */
export async function writeOrderEvent(tx: Executor, order: OrderRow, event: OrderEvent, details: ChangeDetails): Promise<boolean> {
  const who = { orderId: order.id, userId: order.userId, email: order.email };
  const reason = details.reason ?? '';
  switch (event) {
    case 'pay':
      await writeEvent(tx, 'orders', 'order.paid', { ...who, total: order.total, currency: order.currency, lines: await eventLines(tx, order.id), paymentId: order.paymentId ?? '' });
      return true;
    case 'fail_payment':
      await writeEvent(tx, 'orders', 'order.payment_failed', { ...who, reason });
      return true;
    case 'cancel':
      await writeEvent(tx, 'orders', 'order.cancelled', { ...who, reason });
      return true;
    case 'ship':
      await writeEvent(tx, 'orders', 'order.shipped', { ...who, carrier: details.carrier ?? '', trackingNumber: details.trackingNumber ?? '' });
      return true;
    case 'deliver':
      await writeEvent(tx, 'orders', 'order.delivered', who);
      return true;
    case 'refund':
      await writeOrderRefunded(tx, order, details.amount ?? order.total);
      return true;
    case 'reserve':
    case 'fulfil':
      return false;
  }
}

/** order.refunded also goes out for partial refunds, which do not change the order's state. */
export async function writeOrderRefunded(tx: Executor, order: OrderRow, amount: number): Promise<void> {
  await writeEvent(tx, 'orders', 'order.refunded', { orderId: order.id, userId: order.userId, email: order.email, amount, currency: order.currency });
}

export async function writeOrderCreated(tx: Executor, order: OrderRow): Promise<void> {
  await writeEvent(tx, 'orders', 'order.created', { orderId: order.id, userId: order.userId, email: order.email, total: order.total, currency: order.currency, lines: await eventLines(tx, order.id) });
}

async function eventLines(tx: Executor, orderId: string) {
  const rows = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));
  return rows.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice }));
}

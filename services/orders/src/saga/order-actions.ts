import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { conflict, notFound, unprocessable, type Executor } from '@emporium/kit';
import { cancellationKind, IllegalTransition, isRefundable, type OrderEvent } from '../domain/order-state.ts';
import { abortSaga, isAbortable } from '../domain/checkout-saga.ts';
import { applyOrderChange, findOrder, orderView, type OrderChangeRequest } from '../db/order-store.ts';
import { checkoutSagas, orderRefunds, orders, orderStatusHistory, shipments, type OrderRow } from '../db/schema.ts';
import { writeOrderRefunded } from '../events/order-events.ts';
import { sagaState } from './runner.ts';
import { paymentKeys } from './upstream.ts';
import type { OrdersContext } from '../context.ts';

/** Staff actions on an order after checkout. Each answers with the order as it now stands. */

async function loadOrder(ctx: OrdersContext, orderId: string): Promise<OrderRow> {
  const order = await findOrder(ctx.db, orderId);
  if (!order) throw notFound(`Order ${orderId} not found`);
  return order;
}

/** One state change (plus whatever else `extra` writes) in one unit of work. */
async function change(ctx: OrdersContext, orderId: string, request: OrderChangeRequest, extra?: (tx: Executor) => Promise<void>) {
  const order = await ctx.unitOfWork(async (tx) => {
    const updated = await applyOrderChange(tx, orderId, request);
    await extra?.(tx);
    return updated;
  });
  return orderView(ctx.db, order);
}

export const fulfilOrder = (ctx: OrdersContext, orderId: string) => change(ctx, orderId, { event: 'fulfil', note: 'Picked and packed' });

export const deliverOrder = (ctx: OrdersContext, orderId: string) => change(ctx, orderId, { event: 'deliver', note: 'Delivered' });

export function shipOrder(ctx: OrdersContext, orderId: string, shipment: { carrier: string; trackingNumber: string }) {
  return change(ctx, orderId, { event: 'ship', note: `Shipped with ${shipment.carrier}, tracking ${shipment.trackingNumber}`, details: shipment }, async (tx) => {
    await tx.insert(shipments).values({ id: randomUUID(), orderId, ...shipment });
  });
}

/**
 * Before payment: the order is cancelled and its checkout saga switches to compensation
 * (release stock, void any authorization). After payment: the full remaining amount is refunded
 * first (Idempotency-Key derived from the order, so a retried cancel never refunds twice).
 */
export async function cancelOrder(ctx: OrdersContext, orderId: string, reason: string, requestId: string) {
  const order = await loadOrder(ctx, orderId);
  if (cancellationKindOrConflict(order) === 'release_stock') {
    const compensate = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(checkoutSagas).where(eq(checkoutSagas.orderId, orderId)).for('update');
      if (row?.lockedUntil && row.lockedUntil > new Date()) throw conflict('The checkout of this order is in progress; try again in a moment');
      await applyOrderChange(tx, orderId, { event: 'cancel', note: reason, details: { reason } });
      if (!row || !isAbortable(sagaState(row))) return false;
      const aborted = abortSaga(sagaState(row), reason);
      await tx.update(checkoutSagas).set({ ...aborted, updatedAt: new Date(), lockedUntil: new Date(Date.now() + ctx.config.ORDERS_SAGA_LEASE_MS) }).where(eq(checkoutSagas.orderId, orderId));
      return true;
    });
    ctx.relay.nudge();
    if (compensate) await ctx.runner.resume(orderId, requestId);
    return orderView(ctx.db, (await findOrder(ctx.db, orderId))!);
  }
  const remaining = order.total - order.refundedAmount;
  if (remaining > 0 && order.paymentId) await ctx.upstream.refund(order.paymentId, remaining, paymentKeys.cancelRefund(orderId), requestId);
  // Shipped while the refund ran? The money is back either way: record it as a refund then.
  return change(ctx, orderId, { event: await cancelOrRefund(ctx, orderId), note: reason, details: { reason, amount: remaining }, patch: { refundedAmount: order.total } });
}

async function cancelOrRefund(ctx: OrdersContext, orderId: string): Promise<OrderEvent> {
  const now = await loadOrder(ctx, orderId);
  return now.status === 'shipped' || now.status === 'delivered' ? 'refund' : 'cancel';
}

function cancellationKindOrConflict(order: OrderRow) {
  try {
    return cancellationKind(order.status);
  } catch (error) {
    if (error instanceof IllegalTransition) throw conflict(error.message, { state: order.status, event: 'cancel' });
    throw error;
  }
}

/**
 * Refunds `amount` (default: all that is left). The staff's Idempotency-Key is recorded first
 * and passed on to payments (prefixed with the order id), so a retried request refunds once.
 * A refund reaching the order's total moves it to `refunded`; order.refunded goes out for every refund.
 */
export async function refundOrder(ctx: OrdersContext, orderId: string, input: { amount?: number; reason: string }, idempotencyKey: string, requestId: string) {
  const order = await loadOrder(ctx, orderId);
  const key = { orderId, idempotencyKey };
  const [previous] = await ctx.db.select().from(orderRefunds).where(and(eq(orderRefunds.orderId, orderId), eq(orderRefunds.idempotencyKey, idempotencyKey)));
  if (previous && input.amount !== undefined && input.amount !== previous.amount) throw unprocessable('This Idempotency-Key was already used with a different request.', { idempotencyKey });
  if (previous?.status === 'done') return orderView(ctx.db, order);
  if (!isRefundable(order.status)) throw conflict(`Cannot refund an order that is ${order.status.replace('_', ' ')}`, { state: order.status, event: 'refund' });
  if (!order.paymentId) throw conflict('This order has no captured payment to refund');
  const remaining = order.total - order.refundedAmount;
  const amount = previous?.amount ?? input.amount ?? remaining;
  if (amount < 1 || amount > remaining) throw unprocessable(`The refund must be between 1 and ${remaining} (what is left to refund)`, { remaining });

  await ctx.db.insert(orderRefunds).values({ ...key, amount, reason: input.reason, status: 'requested' }).onConflictDoNothing();
  try {
    await ctx.upstream.refund(order.paymentId, amount, paymentKeys.staffRefund(orderId, idempotencyKey), requestId);
  } catch (error) {
    await ctx.db.delete(orderRefunds).where(and(eq(orderRefunds.orderId, orderId), eq(orderRefunds.idempotencyKey, idempotencyKey), eq(orderRefunds.status, 'requested')));
    throw error;
  }
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(orderRefunds)
      .set({ status: 'done' })
      .where(and(eq(orderRefunds.orderId, orderId), eq(orderRefunds.idempotencyKey, idempotencyKey), eq(orderRefunds.status, 'requested')))
      .returning();
    if (done.length === 0) return; // a concurrent retry with the same key recorded it
    const [locked] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    const refundedAmount = locked!.refundedAmount + amount;
    const note = `Refunded ${amount} ${locked!.currency}: ${input.reason}`;
    if (refundedAmount >= locked!.total) {
      await applyOrderChange(tx, orderId, { event: 'refund', note, details: { amount }, patch: { refundedAmount } });
      return;
    }
    const [updated] = await tx.update(orders).set({ refundedAmount, updatedAt: new Date() }).where(eq(orders.id, orderId)).returning();
    await tx.insert(orderStatusHistory).values({ orderId, state: locked!.status, note: `Partial refund. ${note}` });
    await writeOrderRefunded(tx, updated!, amount);
  });
  ctx.relay.nudge();
  return orderView(ctx.db, (await findOrder(ctx.db, orderId))!);
}

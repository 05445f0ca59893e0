import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { conflict, notFound, pageOf, pageOffset, type Db, type Executor, type PageRequest } from '@emporium/kit';
import { IllegalTransition, transition, type OrderEvent, type OrderState } from '../domain/order-state.ts';
import { initialSaga } from '../domain/checkout-saga.ts';
import { writeOrderCreated, writeOrderEvent, type ChangeDetails } from '../events/order-events.ts';
import type { Cart } from '../saga/upstream.ts';
import { checkoutSagas, orderLines, orders, orderStatusHistory, shipments, type OrderRow, type ShippingAddress } from './schema.ts';

export interface OrderChangeRequest {
  event: OrderEvent;
  note: string;
  details?: ChangeDetails;
  /** Columns that change together with the state (the payment id when paid, say). */
  patch?: Partial<Pick<OrderRow, 'paymentId' | 'refundedAmount'>>;
}

/**
 * Moves an order through the state machine inside `tx`: locks the row, checks the transition
 * (IllegalTransition → 409), records the status history and writes the event to the outbox.
 */
export async function applyOrderChange(tx: Executor, orderId: string, change: OrderChangeRequest): Promise<OrderRow> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) throw notFound(`Order ${orderId} not found`);
  let next: OrderState;
  try {
    next = transition(order.status, change.event);
  } catch (error) {
    if (error instanceof IllegalTransition) throw conflict(error.message, { state: order.status, event: change.event });
    throw error;
  }
  const [updated] = await tx.update(orders).set({ ...change.patch, status: next, updatedAt: new Date() }).where(eq(orders.id, orderId)).returning();
  await tx.insert(orderStatusHistory).values({ orderId, state: next, note: change.note });
  await writeOrderEvent(tx, updated!, change.event, change.details ?? {});
  return updated!;
}

export interface NewOrder {
  /** Chosen before the order exists: the cart was claimed for it. */
  id: string;
  idempotencyKey: string;
  userId: string | null;
  email: string | null;
  cart: Cart;
  shippingAddress: ShippingAddress;
  /** The lease the creating request holds on the saga while it runs it. */
  leaseMs: number;
}

/**
 * Creates the order (pending), its lines, first history entry, saga row and order.created in one
 * transaction. Returns null when an order with this Idempotency-Key (or id) already exists: the
 * unique constraints decide between concurrent duplicates.
 */
export async function createOrder(db: Db, input: NewOrder): Promise<OrderRow | null> {
  return db.transaction(async (tx) => {
    const { cart } = input;
    const [order] = await tx
      .insert(orders)
      .values({
        id: input.id,
        idempotencyKey: input.idempotencyKey,
        userId: input.userId,
        email: input.email,
        cartId: cart.id,
        status: 'pending',
        currency: cart.currency,
        subtotal: cart.subtotal,
        discount: cart.discount,
        total: cart.total,
        discountCode: cart.discountCode ?? null,
        shippingAddress: input.shippingAddress,
      })
      .onConflictDoNothing()
      .returning();
    if (!order) return null;
    await tx.insert(orderLines).values(cart.lines.map((l, position) => ({ orderId: order.id, position, ...l })));
    await tx.insert(orderStatusHistory).values({ orderId: order.id, state: 'pending', note: 'Order placed' });
    const saga = initialSaga();
    await tx.insert(checkoutSagas).values({ orderId: order.id, ...saga, lockedUntil: new Date(Date.now() + input.leaseMs) });
    await writeOrderCreated(tx, order);
    return order;
  });
}

export async function findOrder(db: Executor, orderId: string): Promise<OrderRow | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return order;
}

export async function findOrderByIdempotencyKey(db: Executor, key: string): Promise<OrderRow | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.idempotencyKey, key));
  return order;
}

/** The full order as its owner and staff see it: lines, totals, status history, shipments, checkout progress. */
export async function orderView(db: Executor, order: OrderRow) {
  const [lines, history, sent, [saga]] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.position)),
    db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, order.id)).orderBy(asc(orderStatusHistory.id)),
    db.select().from(shipments).where(eq(shipments.orderId, order.id)).orderBy(asc(shipments.shippedAt)),
    db.select().from(checkoutSagas).where(eq(checkoutSagas.orderId, order.id)),
  ]);
  return {
    ...orderSummary(order),
    cartId: order.cartId,
    discountCode: order.discountCode,
    paymentId: order.paymentId,
    refundedAmount: order.refundedAmount,
    shippingAddress: order.shippingAddress,
    lines: lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal })),
    statusHistory: history.map((h) => ({ state: h.state, at: h.at.toISOString(), note: h.note })),
    shipments: sent.map((s) => ({ id: s.id, carrier: s.carrier, trackingNumber: s.trackingNumber, shippedAt: s.shippedAt.toISOString() })),
    checkout: saga ? { step: saga.step, status: saga.status, attempts: saga.attempts } : null,
  };
}
export type OrderView = Awaited<ReturnType<typeof orderView>>;

function orderSummary(order: OrderRow) {
  return {
    id: order.id,
    status: order.status,
    userId: order.userId,
    email: order.email,
    currency: order.currency,
    subtotal: order.subtotal,
    discount: order.discount,
    total: order.total,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** Newest first; `total` counts every match so clients can page. */
export async function listOrders(db: Db, filter: { userId?: string; status?: OrderState }, page: PageRequest) {
  const conditions: SQL[] = [];
  if (filter.userId) conditions.push(eq(orders.userId, filter.userId));
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [counted]] = await Promise.all([
    db.select().from(orders).where(where).orderBy(desc(orders.createdAt), desc(orders.id)).limit(page.pageSize).offset(pageOffset(page)),
    db.select({ n: count() }).from(orders).where(where),
  ]);
  return pageOf(rows.map(orderSummary), Number(counted?.n ?? 0), page);
}

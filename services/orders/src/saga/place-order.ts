import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { badRequest, conflict, forbidden, HttpProblem, unprocessable, type Principal } from '@emporium/kit';
import { sameEmail } from '../domain/order-access.ts';
import { isActive } from '../domain/checkout-saga.ts';
import { createOrder, findOrder, findOrderByIdempotencyKey, orderView, type OrderView } from '../db/order-store.ts';
import { checkoutSagas, type OrderRow, type ShippingAddress } from '../db/schema.ts';
import type { OrdersContext } from '../context.ts';
import type { PaymentMethod } from './upstream.ts';

export interface PlaceOrderInput {
  cartId: string;
  email?: string;
  payment: PaymentMethod;
  shippingAddress: ShippingAddress;
}

export interface PlaceOrderResult {
  /** false when the Idempotency-Key had been used: the first order is returned, nothing new is done. */
  created: boolean;
  order: OrderView;
}

const paidOrLater = new Set(['paid', 'fulfilled', 'shipped', 'delivered']);

/**
 * POST /orders: turns a cart into an order and runs the checkout saga while the request waits.
 * Succeeds only with a paid order; otherwise answers with the saga's failure (409 out of stock,
 * 402 declined, 503 a service down) after compensating, always naming the order id.
 */
export async function placeOrder(ctx: OrdersContext, input: PlaceOrderInput, principal: Principal | null, idempotencyKey: string, requestId: string): Promise<PlaceOrderResult> {
  const email = principal ? (validEmail(principal.email) ?? input.email ?? null) : input.email;
  if (!email && !principal) throw badRequest('body.email: guests must give an email', { errors: [{ field: 'body.email', message: 'required for guest checkout' }] });

  const previous = await findOrderByIdempotencyKey(ctx.db, idempotencyKey);
  if (previous) return replay(ctx, previous, input, principal);

  const cart = await ctx.upstream.getCart(input.cartId, requestId);
  if (cart.userId && cart.userId !== principal?.userId) throw forbidden('This cart belongs to another customer');
  if (cart.lines.length === 0) throw unprocessable('The cart is empty', { cartId: input.cartId });
  // A second key for the same cart must not buy it twice (the cart refuses a second order id only after payment).
  if (cart.status !== 'active') throw conflict(`This cart is ${cart.status} and cannot be checked out again`, { cartId: input.cartId, cartStatus: cart.status });

  const order = await createOrder(ctx.db, { idempotencyKey, userId: principal?.userId ?? null, email: email ?? null, cart, shippingAddress: input.shippingAddress, leaseMs: ctx.config.ORDERS_SAGA_LEASE_MS });
  if (!order) {
    // A concurrent request with the same key won the unique constraint.
    return replay(ctx, (await findOrderByIdempotencyKey(ctx.db, idempotencyKey))!, input, principal);
  }
  ctx.relay.nudge();

  await ctx.runner.runLive(order, input.payment, requestId);
  const finished = (await findOrder(ctx.db, order.id))!;
  if (paidOrLater.has(finished.status)) return { created: true, order: await orderView(ctx.db, finished) };

  const [saga] = await ctx.db.select().from(checkoutSagas).where(eq(checkoutSagas.orderId, order.id));
  if (saga?.failure && (saga.status === 'compensating' || !isActive(saga))) {
    throw new HttpProblem(saga.failure.status, saga.failure.detail, { ...saga.failure.extensions, orderId: order.id });
  }
  // The service is shutting down mid-saga: recovery completes or compensates it after the restart.
  throw new HttpProblem(503, 'The checkout was interrupted before it finished; it will be completed or rolled back automatically. Check the order for its outcome.', { orderId: order.id });
}

/** A retried request: the first order, as it stands (after its saga, if this process runs it). */
async function replay(ctx: OrdersContext, order: OrderRow, input: PlaceOrderInput, principal: Principal | null): Promise<PlaceOrderResult> {
  const sameCaller = principal ? order.userId === principal.userId : order.userId === null && sameEmail(order.email, input.email);
  if (!sameCaller || order.cartId !== input.cartId) throw conflict('This Idempotency-Key was already used for a different request');
  await ctx.runner.settled(order.id);
  return { created: false, order: await orderView(ctx.db, (await findOrder(ctx.db, order.id))!) };
}

function validEmail(value: string | undefined): string | undefined {
  return z.email().safeParse(value).success ? value : undefined;
}

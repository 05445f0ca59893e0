import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { badRequest, HttpProblem, unprocessable, type Principal } from '@emporium/kit';
import { sameEmail } from '../domain/order-access.ts';
import { isActive } from '../domain/checkout-saga.ts';
import { orderIdForKey } from '../domain/order-id.ts';
import { createOrder, findOrder, findOrderByIdempotencyKey, orderView, type OrderView } from '../db/order-store.ts';
import { checkoutSagas, type OrderRow, type ShippingAddress } from '../db/schema.ts';
import type { OrdersContext } from '../context.ts';
import type { PaymentMethod } from './upstream.ts';

export interface PlaceOrderInput {
  cartId: string;
  email?: string;
  /** Not needed when the order has nothing to pay (a 100 % discount). */
  payment?: PaymentMethod;
  shippingAddress: ShippingAddress;
}

export interface PlaceOrderResult {
  /**
   * created: a new order, paid (201). replayed: the Idempotency-Key had been used; the first
   * order as it stands, nothing new done (200). accepted: the saga outlived the time budget and
   * goes on in the background; poll `statusUrl` (202).
   */
  outcome: 'created' | 'replayed' | 'accepted';
  order: OrderView;
  /** Where the order's outcome can be read, relative to the POST /orders URL (so it works through the gateway's prefix). */
  statusUrl: string;
}

const paidOrLater = new Set(['paid', 'fulfilled', 'shipped', 'delivered']);
const failed = new Set(['cancelled', 'payment_failed']);

/**
 * POST /orders: validates everything it can (payment provider, payment needed at all), claims
 * the cart for the new order's id (and its discount code's use) at the cart service, writes the
 * order, then runs the checkout saga for at most the time budget. Ends paid; or with the saga's
 * failure after compensating (409 out of stock, 402 declined, 503 a service down), naming the
 * order; or, past the budget, accepted with the order as it stands.
 */
export async function placeOrder(ctx: OrdersContext, input: PlaceOrderInput, principal: Principal | null, idempotencyKey: string, requestId: string): Promise<PlaceOrderResult> {
  const email = principal ? (validEmail(principal.email) ?? input.email ?? null) : input.email;
  if (!email && !principal) throw badRequest('body.email: guests must give an email', { errors: [{ field: 'body.email', message: 'required for guest checkout' }] });

  const previous = await findOrderByIdempotencyKey(ctx.db, idempotencyKey);
  if (previous) return replay(ctx, previous, input, principal);

  await assertPayable(ctx, input, requestId);
  // Claimed before the order exists, so a second checkout of the cart (another key) is refused with the winner's id.
  const orderId = orderIdForKey(idempotencyKey);
  const cart = await ctx.upstream.claimCart(input.cartId, { orderId, userId: principal?.userId ?? null }, requestId);
  let order: OrderRow | null;
  try {
    // The cart lost its discount between the check above and the claim: a payment is needed after all.
    if (!input.payment && cart.total > 0) throw paymentMissing(cart.total);
    order = await createOrder(ctx.db, { id: orderId, idempotencyKey, userId: principal?.userId ?? null, email: email ?? null, cart, shippingAddress: input.shippingAddress, leaseMs: ctx.config.ORDERS_SAGA_LEASE_MS });
  } catch (error) {
    await releaseClaim(ctx, input.cartId, orderId, requestId);
    throw error;
  }
  if (!order) return concurrentDuplicate(ctx, input, principal, idempotencyKey, requestId);
  ctx.relay.nudge();

  await settlesWithin(ctx.runner.runLive(order, input.payment, requestId), ctx.config.ORDERS_CHECKOUT_BUDGET_MS);
  const now = (await findOrder(ctx.db, order.id))!;
  if (paidOrLater.has(now.status)) return answer(ctx, 'created', now);

  const [saga] = await ctx.db.select().from(checkoutSagas).where(eq(checkoutSagas.orderId, order.id));
  if (saga?.failure && (saga.status === 'compensating' || !isActive(saga))) {
    throw new HttpProblem(saga.failure.status, saga.failure.detail, { ...saga.failure.extensions, orderId: order.id });
  }
  // Past the budget (or the service is shutting down and recovery will finish it): the order exists, say where to follow it.
  return answer(ctx, 'accepted', now);
}

/** Refuses, before anything is written, a provider payments does not have and a missing payment for an order that costs something. */
async function assertPayable(ctx: OrdersContext, input: PlaceOrderInput, requestId: string): Promise<void> {
  const provider = input.payment?.provider;
  if (provider) {
    const { providers } = await ctx.upstream.paymentProviders(requestId);
    if (!providers.includes(provider)) {
      const message = `payment provider ${provider} is not configured; available: ${providers.join(', ')}`;
      throw badRequest(`body.payment.provider: ${message}`, { errors: [{ field: 'body.payment.provider', message }], providers });
    }
  }
  if (!input.payment) {
    const cart = await ctx.upstream.getCart(input.cartId, requestId);
    if (cart.total > 0) throw paymentMissing(cart.total);
  }
}

function paymentMissing(total: number): HttpProblem {
  const message = `required: the order total is ${total}`;
  return badRequest(`body.payment: ${message}`, { errors: [{ field: 'body.payment', message }] });
}

/**
 * A concurrent request with the same key wrote the order first; this one claimed the cart for
 * the same order id. If the key came with another cart, this claim is nobody's and is given back;
 * if that order already failed, its compensation may have released the cart before this claim.
 */
async function concurrentDuplicate(ctx: OrdersContext, input: PlaceOrderInput, principal: Principal | null, idempotencyKey: string, requestId: string): Promise<PlaceOrderResult> {
  const existing = (await findOrderByIdempotencyKey(ctx.db, idempotencyKey))!;
  if (existing.cartId !== input.cartId || failed.has(existing.status)) await releaseClaim(ctx, input.cartId, existing.id, requestId);
  return replay(ctx, existing, input, principal);
}

/** Best effort: a claim that cannot be released now is retaken by a retry with the same Idempotency-Key. */
async function releaseClaim(ctx: OrdersContext, cartId: string, orderId: string, requestId: string): Promise<void> {
  await ctx.upstream.releaseCart(cartId, orderId, requestId).catch(() => undefined);
}

/** A retried request: the first order, as it stands (after its saga, if this process runs it, within the budget). */
async function replay(ctx: OrdersContext, order: OrderRow, input: PlaceOrderInput, principal: Principal | null): Promise<PlaceOrderResult> {
  const sameCaller = principal ? order.userId === principal.userId : order.userId === null && sameEmail(order.email, input.email);
  if (!sameCaller || order.cartId !== input.cartId) throw unprocessable('This Idempotency-Key was already used with a different request.', { idempotencyKey: order.idempotencyKey });
  const running = await sagaRunsPast(ctx, order.id, Date.now() + ctx.config.ORDERS_CHECKOUT_BUDGET_MS);
  return answer(ctx, running ? 'accepted' : 'replayed', (await findOrder(ctx.db, order.id))!);
}

/**
 * Waits until the order's saga has left its forward path or the deadline passes; true if it is
 * still running then. The saga may run in this process (a live run just starting) or in another
 * replica, so its row is what is watched.
 */
async function sagaRunsPast(ctx: OrdersContext, orderId: string, deadline: number): Promise<boolean> {
  for (;;) {
    await settlesWithin(ctx.runner.settled(orderId), Math.max(0, deadline - Date.now()));
    const [saga] = await ctx.db.select({ status: checkoutSagas.status }).from(checkoutSagas).where(eq(checkoutSagas.orderId, orderId));
    if (saga?.status !== 'running' || Date.now() >= deadline) return saga?.status === 'running';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answer(ctx: OrdersContext, outcome: PlaceOrderResult['outcome'], order: OrderRow): Promise<PlaceOrderResult> {
  // A guest reads the order with the email it was placed with.
  const statusUrl = `orders/${order.id}${order.userId === null && order.email ? `?email=${encodeURIComponent(order.email)}` : ''}`;
  return { outcome, order: await orderView(ctx.db, order), statusUrl };
}

/** Whether `work` finished within `ms`; it goes on either way (its failure, if late, is the runner's to log). */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true as const), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function validEmail(value: string | undefined): string | undefined {
  return z.email().safeParse(value).success ? value : undefined;
}

import { callEndpoint, HttpClient, HttpProblem, type ServiceDeps } from '@emporium/kit';
import {
  cartCheckout,
  cartClaim,
  cartInternalRead,
  cartRelease,
  inventoryCommit,
  inventoryRelease,
  inventoryReserve,
  paymentsAuthorize,
  paymentsCapture,
  paymentsOfOrder,
  paymentsProviders,
  paymentsRefund,
  paymentsVoid,
  type CheckoutCart,
  type CheckoutPayment,
  type InternalCart,
  type PaymentProviders,
  type PaymentStatus,
} from '@emporium/contracts';

/** Card data or a provider token: passed straight to payments, never stored or logged here. */
export type PaymentMethod = CheckoutPayment;
export type Cart = CheckoutCart;

/** What the saga reads of one of an order's payments (payments' `by-order` record). */
export interface PaymentRecord {
  paymentId: string;
  status: PaymentStatus;
  amount: number;
  refundedAmount: number;
  /** The provider's reason, for a failed payment. */
  code: string | null;
}

/** Idempotency keys derived from the order, so a retried or recovered step never acts twice. */
export const paymentKeys = {
  authorize: (orderId: string) => `order-${orderId}-authorize`,
  capture: (orderId: string) => `order-${orderId}-capture`,
  compensationRefund: (orderId: string) => `order-${orderId}-compensation-refund`,
  cancelRefund: (orderId: string) => `order-${orderId}-cancel-refund`,
  staffRefund: (orderId: string, key: string) => `order-${orderId}-refund-${key}`,
};

/** The internal APIs of cart, inventory and payments that orders calls (typed in @emporium/contracts). */
export function createUpstream(deps: Pick<ServiceDeps, 'services' | 'tokens'>, timeoutMs: number) {
  const client = (target: string) => new HttpClient({ target, baseUrl: () => deps.services.url(target), timeoutMs, tokens: deps.tokens });
  const cart = client('cart');
  const inventory = client('inventory');
  const payments = client('payments');

  return {
    getCart: (cartId: string, requestId?: string): Promise<InternalCart> => callEndpoint(cart, cartInternalRead, { params: { cartId } }, { requestId }),
    /** Holds the cart for `orderId` (and redeems its code) before the order is written; 409 names the order holding it. */
    async claimCart(cartId: string, claim: { orderId: string; userId: string | null }, requestId?: string): Promise<Cart> {
      const claimed = await callEndpoint(cart, cartClaim, { params: { cartId }, body: claim }, { requestId });
      // Cart refuses to claim an empty cart, so a claimed one has lines and their currency.
      if (claimed.currency === null) throw new HttpProblem(502, `cart claimed cart ${cartId} without a currency`);
      return { ...claimed, currency: claimed.currency };
    },
    releaseCart: (cartId: string, orderId: string, requestId?: string) => callEndpoint(cart, cartRelease, { params: { cartId }, body: { orderId } }, { requestId }),
    markCartCheckedOut: (cartId: string, orderId: string, requestId?: string) => callEndpoint(cart, cartCheckout, { params: { cartId }, body: { orderId } }, { requestId }),
    reserve: (orderId: string, lines: Array<{ sku: string; quantity: number }>, ttlSeconds: number, requestId?: string) =>
      callEndpoint(inventory, inventoryReserve, { body: { orderId, lines, ttlSeconds } }, { requestId }),
    release: (orderId: string, requestId?: string) => callEndpoint(inventory, inventoryRelease, { params: { orderId } }, { requestId }),
    commit: (orderId: string, requestId?: string) => callEndpoint(inventory, inventoryCommit, { params: { orderId } }, { requestId }),
    async authorize(
      input: { orderId: string; amount: number; currency: string; email: string | null; userId: string | null; method: PaymentMethod },
      requestId?: string,
    ): Promise<{ paymentId: string }> {
      const { provider, ...method } = input.method;
      const body = { orderId: input.orderId, amount: input.amount, currency: input.currency, email: input.email ?? undefined, userId: input.userId ?? undefined, provider, method };
      const { paymentId } = await callEndpoint(payments, paymentsAuthorize, { body }, { requestId, idempotencyKey: paymentKeys.authorize(input.orderId) });
      return { paymentId };
    },
    capture: (paymentId: string, orderId: string, requestId?: string) =>
      callEndpoint(payments, paymentsCapture, { params: { paymentId } }, { requestId, idempotencyKey: paymentKeys.capture(orderId) }),
    voidPayment: (paymentId: string, requestId?: string) => callEndpoint(payments, paymentsVoid, { params: { paymentId } }, { requestId }),
    refund: (paymentId: string, amount: number, idempotencyKey: string, requestId?: string) =>
      callEndpoint(payments, paymentsRefund, { params: { paymentId }, body: { amount } }, { requestId, idempotencyKey }),
    paymentProviders: (requestId?: string): Promise<PaymentProviders> => callEndpoint(payments, paymentsProviders, {}, { requestId }),
    async paymentsOfOrder(orderId: string, requestId?: string): Promise<PaymentRecord[]> {
      const { items } = await callEndpoint(payments, paymentsOfOrder, { params: { orderId } }, { requestId });
      return items.map((p) => ({ paymentId: p.id, status: p.status, amount: p.amount, refundedAmount: p.refundedAmount, code: p.failureCode }));
    },
    shutdown(): void {
      for (const c of [cart, inventory, payments]) c.shutdown();
    },
  };
}
export type Upstream = ReturnType<typeof createUpstream>;

import { z } from 'zod';
import { HttpClient, type ServiceDeps } from '@emporium/kit';
import { checkoutCartSchema, paymentProvidersSchema, type CheckoutCart, type CheckoutPayment, type PaymentProviders } from '@emporium/contracts';

/** Card data or a provider token: passed straight to payments, never stored or logged here. */
export type PaymentMethod = CheckoutPayment;
export type Cart = CheckoutCart;

const paymentRecordSchema = z.looseObject({
  paymentId: z.string().optional(),
  id: z.string().optional(),
  status: z.string(),
  amount: z.number().optional(),
  refundedAmount: z.number().optional(),
  code: z.string().optional(),
  failureCode: z.string().nullish(),
});
export interface PaymentRecord {
  paymentId: string;
  status: string;
  amount?: number;
  refundedAmount?: number;
  code?: string;
}

/** Idempotency keys derived from the order, so a retried or recovered step never acts twice. */
export const paymentKeys = {
  authorize: (orderId: string) => `order-${orderId}-authorize`,
  capture: (orderId: string) => `order-${orderId}-capture`,
  compensationRefund: (orderId: string) => `order-${orderId}-compensation-refund`,
  cancelRefund: (orderId: string) => `order-${orderId}-cancel-refund`,
  staffRefund: (orderId: string, key: string) => `order-${orderId}-refund-${key}`,
};

/** The internal APIs of cart, inventory and payments that orders calls (shapes fixed in the brief). */
export function createUpstream(deps: Pick<ServiceDeps, 'services' | 'tokens'>, timeoutMs: number) {
  const client = (target: string) => new HttpClient({ target, baseUrl: () => deps.services.url(target), timeoutMs, tokens: deps.tokens });
  const cart = client('cart');
  const inventory = client('inventory');
  const payments = client('payments');
  const post = (c: HttpClient, path: string, body: unknown, requestId?: string, idempotencyKey?: string) =>
    c.json<Record<string, unknown>>({ method: 'POST', path, body, requestId, idempotent: true, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined });
  const enc = encodeURIComponent;

  return {
    async getCart(cartId: string, requestId?: string): Promise<Cart> {
      return checkoutCartSchema.parse(await cart.json({ path: `/internal/carts/${enc(cartId)}`, requestId }));
    },
    /** Holds the cart for `orderId` (and redeems its code) before the order is written; 409 names the order holding it. */
    async claimCart(cartId: string, claim: { orderId: string; userId: string | null }, requestId?: string): Promise<Cart> {
      return checkoutCartSchema.parse(await post(cart, `/internal/carts/${enc(cartId)}/claim`, claim, requestId));
    },
    releaseCart: (cartId: string, orderId: string, requestId?: string) => post(cart, `/internal/carts/${enc(cartId)}/release`, { orderId }, requestId),
    markCartCheckedOut: (cartId: string, orderId: string, requestId?: string) => post(cart, `/internal/carts/${enc(cartId)}/checkout`, { orderId }, requestId),
    reserve: (orderId: string, lines: Array<{ sku: string; quantity: number }>, ttlSeconds: number, requestId?: string) =>
      post(inventory, '/internal/reservations', { orderId, lines, ttlSeconds }, requestId),
    release: (orderId: string, requestId?: string) => post(inventory, `/internal/reservations/${enc(orderId)}/release`, {}, requestId),
    commit: (orderId: string, requestId?: string) => post(inventory, `/internal/reservations/${enc(orderId)}/commit`, {}, requestId),
    async authorize(
      input: { orderId: string; amount: number; currency: string; email: string | null; userId: string | null; method: PaymentMethod },
      requestId?: string,
    ): Promise<{ paymentId: string }> {
      const { provider, ...method } = input.method;
      const body = { orderId: input.orderId, amount: input.amount, currency: input.currency, email: input.email ?? undefined, userId: input.userId ?? undefined, provider, method };
      const res = await post(payments, '/internal/payments/authorize', body, requestId, paymentKeys.authorize(input.orderId));
      return { paymentId: String(res.paymentId) };
    },
    capture: (paymentId: string, orderId: string, requestId?: string) => post(payments, `/internal/payments/${enc(paymentId)}/capture`, {}, requestId, paymentKeys.capture(orderId)),
    voidPayment: (paymentId: string, requestId?: string) => post(payments, `/internal/payments/${enc(paymentId)}/void`, {}, requestId),
    refund: (paymentId: string, amount: number, idempotencyKey: string, requestId?: string) =>
      post(payments, `/internal/payments/${enc(paymentId)}/refund`, { amount }, requestId, idempotencyKey),
    async paymentProviders(requestId?: string): Promise<PaymentProviders> {
      return paymentProvidersSchema.parse(await payments.json({ path: '/internal/payments/providers', requestId }));
    },
    async paymentsOfOrder(orderId: string, requestId?: string): Promise<PaymentRecord[]> {
      const res = await payments.json<{ items?: unknown[] }>({ path: `/internal/payments/by-order/${enc(orderId)}`, requestId });
      return (res.items ?? []).flatMap((item) => {
        const parsed = paymentRecordSchema.safeParse(item);
        const paymentId = parsed.success ? (parsed.data.paymentId ?? parsed.data.id) : undefined;
        return parsed.success && paymentId ? [{ paymentId, status: parsed.data.status, amount: parsed.data.amount, refundedAmount: parsed.data.refundedAmount, code: parsed.data.code ?? parsed.data.failureCode ?? undefined }] : [];
      });
    },
    shutdown(): void {
      for (const c of [cart, inventory, payments]) c.shutdown();
    },
  };
}
export type Upstream = ReturnType<typeof createUpstream>;

import { randomUUID } from 'node:crypto';
import { createServiceApp, HttpProblem, type ServiceModule } from '@emporium/kit';
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
  type InternalEndpoint,
  type PaymentRecord,
  type PaymentProviderName,
  type PaymentStep,
} from '@emporium/contracts';

/**
 * In-memory stand-ins for the internal APIs orders calls (cart, inventory, payments), with
 * switches to make payments decline, fail, or hang. They are ServiceModules in the same
 * TestPlatform, so orders reaches them over real HTTP, exactly as it reaches the real services.
 * Every route takes its params, body and response schemas from the endpoint in @emporium/contracts
 * (a stand-in answering a shape the real service would not fails at once). Their state lives
 * outside buildApp, so it survives stopService/restartService.
 */
export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

export interface Call {
  service: string;
  method: string;
  path: string;
  idempotencyKey?: string;
  body: any;
}

/** A payment as payments' `by-order` lists it. */
type Payment = PaymentRecord & { paymentId: string };

export class UpstreamState {
  readonly carts = new Map<string, { userId: string | null; currency: string; lines: CartLine[]; discount: number; claimedBy?: string; checkedOutBy?: string }>();
  /** What GET /internal/payments/providers lists. */
  providers: PaymentProviderName[] = ['sandbox'];
  readonly stock = new Map<string, number>();
  readonly reservations = new Map<string, { lines: Array<{ sku: string; quantity: number }>; status: 'reserved' | 'released' | 'committed' }>();
  readonly payments = new Map<string, Payment>();
  private readonly replies = new Map<string, { status: number; body: unknown }>();
  readonly calls: Call[] = [];
  /** 'hang': the authorization is recorded, then the answer waits until `releaseHung`. */
  paymentsMode: 'ok' | 'decline' | 'down' | 'hang' = 'ok';
  private hung: Array<() => void> = [];

  /** `discount` in minor units (the subtotal at most: a 100 % code makes a free order). */
  addCart(lines: CartLine[], userId: string | null = null, discount = 0): string {
    const id = randomUUID();
    this.carts.set(id, { userId, currency: 'EUR', lines, discount });
    return id;
  }

  callsTo(service: string, orderId?: string): Call[] {
    return this.calls.filter((c) => c.service === service && (!orderId || c.path.includes(orderId) || c.body?.orderId === orderId));
  }

  paymentsOf(orderId: string): Payment[] {
    return [...this.payments.values()].filter((p) => p.orderId === orderId);
  }

  get hungCount(): number {
    return this.hung.length;
  }

  /** Lets held authorizations answer (the mode by then decides what: 'down' makes it a 503). */
  releaseHung(): void {
    for (const release of this.hung.splice(0)) release();
  }

  /** Same Idempotency-Key, same answer, work done once — like the real payments service. */
  async once(key: string | undefined, work: () => Promise<{ status: number; body: unknown }>): Promise<{ status: number; body: unknown }> {
    const seen = key ? this.replies.get(key) : undefined;
    if (seen) return seen;
    const reply = await work();
    if (key) this.replies.set(key, reply);
    return reply;
  }

  hold(): Promise<void> {
    return new Promise((resolve) => this.hung.push(resolve));
  }
}

const lineTotal = (l: CartLine) => l.unitPrice * l.quantity;

export function standIns(state: UpstreamState): ServiceModule[] {
  const module = (name: string, routes: (app: Awaited<ReturnType<typeof createServiceApp>>) => void): ServiceModule => ({
    name,
    async buildApp(deps) {
      const app = await createServiceApp(deps);
      app.addHook('preHandler', async (request) => {
        state.calls.push({ service: name, method: request.method, path: request.url, idempotencyKey: request.headers['idempotency-key'] as string | undefined, body: request.body });
      });
      routes(app);
      return app;
    },
  });
  /** The route schemas of an internal endpoint, as the real service declares them (typed, so handlers are checked too). */
  const schemaOf = <E extends InternalEndpoint>(endpoint: E, status: 200 | 201 = 200) =>
    ({
      ...(endpoint.params && { params: endpoint.params }),
      ...(endpoint.body && { body: endpoint.body }),
      ...(endpoint.query && { querystring: endpoint.query }),
      response: { [status]: endpoint.response },
    }) as { params: E['params']; body: E['body']; querystring: E['query']; response: Record<typeof status, E['response']> };

  const cart = module('cart', (app) => {
    type StoredCart = NonNullable<ReturnType<typeof state.carts.get>>;
    const view = (cartId: string, found: StoredCart) => {
      const lines = found.lines.map((l) => ({ ...l, lineTotal: lineTotal(l) }));
      const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
      const discount = Math.min(found.discount, subtotal);
      const status = found.checkedOutBy ? 'converted' : 'active';
      return { id: cartId, userId: found.userId, status, currency: found.currency, lines, subtotal, discount, total: subtotal - discount, discountCode: discount ? 'STAND-IN' : null, claimedBy: found.claimedBy ?? null };
    };
    const load = (cartId: string) => {
      const found = state.carts.get(cartId);
      if (!found) throw new HttpProblem(404, `Cart ${cartId} not found`);
      return found;
    };
    app.get(cartInternalRead.path, { schema: schemaOf(cartInternalRead) }, async (request) => {
      const { cartId } = request.params;
      return view(cartId, load(cartId));
    });
    // Like the real cart: one order holds a cart; others get 409 naming it.
    app.post(cartClaim.path, { schema: schemaOf(cartClaim) }, async (request) => {
      const { cartId } = request.params;
      const found = load(cartId);
      const { orderId, userId } = request.body;
      if (found.claimedBy === orderId || found.checkedOutBy === orderId) return view(cartId, found);
      if (found.userId && found.userId !== userId) throw new HttpProblem(403, 'This cart belongs to another user');
      const holder = found.checkedOutBy ?? found.claimedBy;
      if (holder) throw new HttpProblem(409, `Cart ${cartId} is held by order ${holder}`, { orderId: holder });
      if (found.lines.length === 0) throw new HttpProblem(422, `Cart ${cartId} is empty`, { cartId });
      found.claimedBy = orderId;
      return view(cartId, found);
    });
    app.post(cartRelease.path, { schema: schemaOf(cartRelease) }, async (request) => {
      const { cartId } = request.params;
      const found = load(cartId);
      if (found.claimedBy === request.body.orderId) found.claimedBy = undefined;
      return { id: cartId, status: found.checkedOutBy ? 'converted' : 'active', orderId: found.checkedOutBy ?? null, claimedBy: found.claimedBy ?? null };
    });
    app.post(cartCheckout.path, { schema: schemaOf(cartCheckout) }, async (request) => {
      const { cartId } = request.params;
      const found = load(cartId);
      if (found.checkedOutBy !== request.body.orderId && found.claimedBy !== request.body.orderId) throw new HttpProblem(409, 'The cart is not claimed by this order');
      found.checkedOutBy = request.body.orderId;
      found.claimedBy = undefined;
      return { id: cartId, status: 'converted', orderId: found.checkedOutBy, claimedBy: null };
    });
  });

  const inventory = module('inventory', (app) => {
    const withAllocations = (lines: Array<{ sku: string; quantity: number }>) => lines.map((l) => ({ ...l, allocations: [{ warehouseId: 'main', quantity: l.quantity }] }));
    app.post(inventoryReserve.path, { schema: schemaOf(inventoryReserve, 201) }, async (request, reply) => {
      const { orderId, lines } = request.body;
      const existing = state.reservations.get(orderId);
      if (existing) return reply.code(201).send({ orderId, status: existing.status, expiresAt: new Date(Date.now() + 60_000).toISOString(), lines: withAllocations(existing.lines) });
      for (const line of lines) {
        const available = state.stock.get(line.sku) ?? 0;
        if (available < line.quantity) throw new HttpProblem(409, `Insufficient stock for SKU ${line.sku}`, { sku: line.sku, requested: line.quantity, available });
      }
      for (const line of lines) state.stock.set(line.sku, state.stock.get(line.sku)! - line.quantity);
      state.reservations.set(orderId, { lines, status: 'reserved' });
      return reply.code(201).send({ orderId, status: 'reserved', expiresAt: new Date(Date.now() + 60_000).toISOString(), lines: withAllocations(lines) });
    });
    app.post(inventoryRelease.path, { schema: schemaOf(inventoryRelease) }, async (request) => {
      const { orderId } = request.params;
      const found = state.reservations.get(orderId);
      if (found?.status === 'reserved') {
        for (const line of found.lines) state.stock.set(line.sku, (state.stock.get(line.sku) ?? 0) + line.quantity);
        found.status = 'released';
      }
      return { orderId, status: 'released' as const };
    });
    app.post(inventoryCommit.path, { schema: schemaOf(inventoryCommit) }, async (request) => {
      const { orderId } = request.params;
      const found = state.reservations.get(orderId);
      if (!found || found.status === 'released') throw new HttpProblem(409, 'Reservation expired or released');
      found.status = 'committed';
      return { orderId, status: 'committed' as const };
    });
  });

  const payments = module('payments', (app) => {
    const key = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;
    const find = (paymentId: string) => {
      const payment = state.payments.get(paymentId);
      if (!payment) throw new HttpProblem(404, 'Payment not found');
      return payment;
    };
    app.addHook('preHandler', async () => {
      if (state.paymentsMode === 'down') throw new HttpProblem(503, 'Payments provider unavailable');
    });
    app.get(paymentsProviders.path, { schema: schemaOf(paymentsProviders) }, async () => ({ defaultProvider: 'sandbox' as const, providers: state.providers }));
    app.post(paymentsAuthorize.path, { schema: schemaOf(paymentsAuthorize, 201) }, async (request, reply) => {
      const { body } = request;
      const answer = await state.once(key(request.headers), async () => {
        const paymentId = randomUUID();
        const declined = state.paymentsMode === 'decline';
        const failureCode = declined ? 'card_declined' : null;
        state.payments.set(paymentId, { id: paymentId, paymentId, orderId: body.orderId, amount: body.amount, currency: body.currency, status: declined ? 'failed' : 'authorized', refundedAmount: 0, failureCode });
        if (declined) return { status: 402, body: { type: 'about:blank', title: 'Payment Required', status: 402, detail: 'The card was declined', code: failureCode, paymentId } };
        return { status: 201, body: { paymentId, status: 'authorized' } satisfies PaymentStep };
      });
      if (state.paymentsMode === 'hang') {
        await state.hold();
        if ((state.paymentsMode as string) !== 'ok') throw new HttpProblem(503, 'Payments provider unavailable');
      }
      return reply.code(answer.status as 201).type(answer.status >= 400 ? 'application/problem+json' : 'application/json').send(answer.body as PaymentStep);
    });
    app.post(paymentsCapture.path, { schema: schemaOf(paymentsCapture) }, async (request) => {
      const payment = find(request.params.paymentId);
      if (payment.status !== 'authorized' && payment.status !== 'captured') throw new HttpProblem(409, `Cannot capture a ${payment.status} payment`);
      payment.status = 'captured';
      return { paymentId: payment.paymentId, status: payment.status, invoiceId: randomUUID() };
    });
    app.post(paymentsVoid.path, { schema: schemaOf(paymentsVoid) }, async (request) => {
      const payment = find(request.params.paymentId);
      if (payment.status === 'authorized') payment.status = 'voided';
      return { paymentId: payment.paymentId, status: payment.status };
    });
    app.post(paymentsRefund.path, { schema: schemaOf(paymentsRefund) }, async (request) => {
      const payment = find(request.params.paymentId);
      const answer = await state.once(key(request.headers), async () => {
        if (payment.refundedAmount + request.body.amount > payment.amount) return { status: 422, body: { status: 422, detail: 'Refund exceeds the captured amount' } };
        payment.refundedAmount += request.body.amount;
        payment.status = payment.refundedAmount === payment.amount ? 'refunded' : 'partially_refunded';
        return { status: 200, body: { paymentId: payment.paymentId, status: payment.status, refundedAmount: payment.refundedAmount } satisfies PaymentStep };
      });
      if (answer.status >= 400) throw new HttpProblem(answer.status, 'Refund exceeds the captured amount');
      return answer.body as PaymentStep;
    });
    app.get(paymentsOfOrder.path, { schema: schemaOf(paymentsOfOrder) }, async (request) => ({ items: state.paymentsOf(request.params.orderId) }));
  });

  return [cart, inventory, payments];
}

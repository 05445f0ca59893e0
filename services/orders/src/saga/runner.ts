import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import { HttpProblem, type Db, type OutboxRelay } from '@emporium/kit';
import type { PaymentStatus } from '@emporium/contracts';
import { decide, initialSaga, isActive, type Decision, type SagaState, type StepOutcome } from '../domain/checkout-saga.ts';
import { applyOrderChange, findOrder } from '../db/order-store.ts';
import { checkoutSagas, orderLines, type OrderRow, type SagaRow } from '../db/schema.ts';
import { paymentKeys, type PaymentMethod, type Upstream } from './upstream.ts';

export interface SagaRunnerOptions {
  db: Db;
  relay: OutboxRelay;
  logger: Logger;
  upstream: Upstream;
  /** How long a runner owns a saga before another (recovery after a crash) may take it over. */
  leaseMs: number;
  maxAttempts: number;
  reservationTtlSeconds: number;
}

interface Run {
  /** A customer request waits for this run: failures compensate at once instead of retrying later. */
  live: boolean;
  /** Only a live run has the card data; it is never persisted, so recovery looks the payment up instead. */
  method?: PaymentMethod;
  requestId?: string;
}

const activeStatuses = ['running', 'compensating'] as const;
const capturedStatuses: readonly PaymentStatus[] = ['captured', 'partially_refunded', 'refunded'];
/** Authorizations to void: 'requires_authorization' is one whose provider answer was lost. */
const voidableStatuses: readonly PaymentStatus[] = ['authorized', 'requires_authorization'];

/**
 * Does the checkout saga's I/O: runs the current step, asks the pure `decide` what comes next
 * and persists that decision together with the order change in one transaction. A recovery
 * pass (the app runs `recoverOnce` at start and periodically) resumes sagas nobody is running (crash, restart, outage).
 */
export class SagaRunner {
  private stopping = false;
  private readonly live = new Map<string, Promise<void>>();

  constructor(private readonly o: SagaRunnerOptions) {}

  /**
   * Runs a new order's saga (just created, at its first step) for its request; the caller already
   * holds the saga's lease. The request may stop waiting (time budget) while the run goes on: it
   * still compensates at once on a failure, and `stop` waits for it on shutdown.
   */
  runLive(order: OrderRow, method: PaymentMethod | undefined, requestId: string): Promise<void> {
    const run = this.drive(order.id, { live: true, method, requestId }, { order, saga: initialSaga() })
      .catch((error) => {
        this.o.logger.error({ err: error, orderId: order.id }, 'checkout saga run failed; recovery will resume it');
        throw error;
      })
      .finally(() => this.live.delete(order.id));
    this.live.set(order.id, run);
    return run;
  }

  /** Continues a saga whose lease the caller holds (e.g. compensation after a staff cancel). */
  resume(orderId: string, requestId?: string): Promise<void> {
    return this.drive(orderId, { live: false, requestId });
  }

  /** Waits for a saga this process is running for another request (idempotent replays). */
  async settled(orderId: string): Promise<void> {
    await this.live.get(orderId)?.catch(() => undefined);
  }

  /** Shutdown begins: running sagas stop at their next step and are left for recovery, not compensated. */
  beginShutdown(): void {
    this.stopping = true;
  }

  /** Waits for live runs whose request no longer waits (they stop at their next step). */
  async stop(): Promise<void> {
    this.beginShutdown();
    await Promise.allSettled([...this.live.values()]);
  }

  /** One recovery pass over sagas nobody holds; each is driven as far as it can go now. */
  async recoverOnce(): Promise<void> {
    const { db } = this.o;
    const candidates = await db
      .select({ orderId: checkoutSagas.orderId })
      .from(checkoutSagas)
      .where(and(inArray(checkoutSagas.status, [...activeStatuses]), or(isNull(checkoutSagas.lockedUntil), lt(checkoutSagas.lockedUntil, new Date()))))
      .orderBy(asc(checkoutSagas.updatedAt))
      .limit(100);
    for (const { orderId } of candidates) {
      if (this.stopping) return;
      if (!(await this.claim(orderId))) continue;
      await this.drive(orderId, { live: false }).catch((error) => this.o.logger.warn({ err: error, orderId }, 'saga recovery step failed; will retry'));
    }
  }

  /** Takes the lease of an unheld saga; false when another runner holds it. Atomic across replicas. */
  async claim(orderId: string): Promise<boolean> {
    const now = new Date();
    const claimed = await this.o.db
      .update(checkoutSagas)
      .set({ lockedUntil: new Date(now.getTime() + this.o.leaseMs) })
      .where(and(eq(checkoutSagas.orderId, orderId), inArray(checkoutSagas.status, [...activeStatuses]), or(isNull(checkoutSagas.lockedUntil), lt(checkoutSagas.lockedUntil, now))))
      .returning({ orderId: checkoutSagas.orderId });
    return claimed.length > 0;
  }

  /** `start` is the order and saga as the caller just wrote them; otherwise they are read. */
  private async drive(orderId: string, run: Run, start?: { order: OrderRow; saga: SagaState }): Promise<void> {
    let owned = true;
    let leaseReleased = false;
    try {
      // The columns the steps use (id, totals, email, cart) never change, so one read serves the whole run.
      const { order, saga: initial } = start ?? (await this.load(orderId)) ?? {};
      if (!order || !initial) return;
      // The state is carried from step to step: each persist only succeeds from the state it was given.
      let saga = initial;
      while (!this.stopping && isActive(saga)) {
        const outcome = await this.perform(saga, order, run);
        const decision = decide(saga, outcome, { live: run.live && !this.stopping, maxAttempts: this.o.maxAttempts, nothingToPay: order.total === 0 });
        owned = await this.persist(orderId, saga, decision);
        if (!owned || decision.kind === 'retry_later') return;
        saga = decision.saga;
        leaseReleased = !isActive(saga);
      }
    } finally {
      // Hand the saga back so a recovery pass can pick it up without waiting for the lease to run out.
      if (owned && !leaseReleased) await this.o.db.update(checkoutSagas).set({ lockedUntil: null }).where(eq(checkoutSagas.orderId, orderId)).catch(() => undefined);
    }
  }

  private async load(orderId: string): Promise<{ order: OrderRow; saga: SagaState } | undefined> {
    const [row] = await this.o.db.select().from(checkoutSagas).where(eq(checkoutSagas.orderId, orderId));
    const order = await findOrder(this.o.db, orderId);
    return row && order ? { order, saga: sagaState(row) } : undefined;
  }

  /** Saves the decision and the order change atomically; false if the saga moved under us. A finished saga's lease is released in the same write. */
  private async persist(orderId: string, from: SagaState, decision: Decision): Promise<boolean> {
    const next = decision.saga;
    const change = decision.kind === 'advance' ? decision.orderChange : undefined;
    const lockedUntil = isActive(next) ? new Date(Date.now() + this.o.leaseMs) : null;
    const moved = await this.o.db.transaction(async (tx) => {
      const updated = await tx
        .update(checkoutSagas)
        .set({ step: next.step, status: next.status, attempts: next.attempts, paymentId: next.paymentId, paymentState: next.paymentState, failure: next.failure, updatedAt: new Date(), lockedUntil })
        .where(and(eq(checkoutSagas.orderId, orderId), eq(checkoutSagas.step, from.step), eq(checkoutSagas.status, from.status)))
        .returning({ orderId: checkoutSagas.orderId });
      if (updated.length === 0) return false;
      if (change) {
        await applyOrderChange(tx, orderId, { event: change.event, note: change.note, details: { reason: change.note }, patch: change.event === 'pay' ? { paymentId: next.paymentId } : undefined });
      }
      return true;
    });
    if (change) this.o.relay.nudge();
    return moved;
  }

  private async perform(saga: SagaState, order: OrderRow, run: Run): Promise<StepOutcome> {
    const { upstream } = this.o;
    const rid = run.requestId;
    switch (saga.step) {
      case 'reserve_stock': {
        const lines = await this.o.db.select({ sku: orderLines.sku, quantity: orderLines.quantity }).from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.position));
        return attempt(() => upstream.reserve(order.id, lines, this.o.reservationTtlSeconds, rid));
      }
      case 'authorize_payment': {
        const method = run.method;
        if (!method) return this.findAuthorization(order.id, rid);
        return attempt(() => upstream.authorize({ orderId: order.id, amount: order.total, currency: order.currency, email: order.email, userId: order.userId, method }, rid));
      }
      case 'capture_payment':
        return attempt(() => upstream.capture(saga.paymentId ?? '', order.id, rid));
      case 'commit_stock':
        return attempt(() => upstream.commit(order.id, rid));
      case 'mark_cart_checked_out':
        return attempt(() => upstream.markCartCheckedOut(order.cartId, order.id, rid));
      case 'release_stock':
        return attempt(() => upstream.release(order.id, rid));
      case 'release_cart':
        return attempt(() => upstream.releaseCart(order.cartId, order.id, rid));
      case 'settle_payment':
        return attempt(() => this.settlePayment(order, rid));
      case 'done':
        return { kind: 'ok' };
    }
  }

  /**
   * Recovery cannot authorize (the card data was never stored), so it asks payments what became
   * of the authorization the interrupted run sent: carry on with it, or fail the payment.
   */
  private async findAuthorization(orderId: string, requestId?: string): Promise<StepOutcome> {
    return attempt(async () => {
      const records = await this.o.upstream.paymentsOfOrder(orderId, requestId);
      const captured = records.find((r) => capturedStatuses.includes(r.status));
      if (captured) return { paymentId: captured.paymentId, captured: true };
      const authorized = records.find((r) => r.status === 'authorized');
      if (authorized) return { paymentId: authorized.paymentId };
      const failed = records.find((r) => r.status === 'failed');
      throw new HttpProblem(402, failed ? 'The payment was declined' : 'The checkout was interrupted before the payment was authorized; nothing was charged', {
        code: failed?.code ?? 'checkout_interrupted',
        ...(failed ? { paymentId: failed.paymentId } : {}),
      });
    });
  }

  /** Gives back any money the order's payments hold: voids authorizations, refunds captures. */
  private async settlePayment(order: OrderRow, requestId?: string): Promise<void> {
    const { upstream } = this.o;
    for (const payment of await upstream.paymentsOfOrder(order.id, requestId)) {
      if (voidableStatuses.includes(payment.status)) await upstream.voidPayment(payment.paymentId, requestId);
      if (payment.status === 'captured' || payment.status === 'partially_refunded') {
        const remaining = payment.amount - payment.refundedAmount;
        if (remaining > 0) await upstream.refund(payment.paymentId, remaining, paymentKeys.compensationRefund(order.id), requestId);
      }
    }
  }
}

export function sagaState(row: SagaRow): SagaState {
  return { step: row.step, status: row.status, attempts: row.attempts, paymentId: row.paymentId, paymentState: row.paymentState, failure: row.failure ?? null };
}

/** Runs one call to another service and classifies the result for `decide`. */
async function attempt(call: () => Promise<unknown>): Promise<StepOutcome> {
  try {
    const result = (await call()) as { paymentId?: unknown; captured?: unknown } | undefined;
    const paymentId = typeof result?.paymentId === 'string' ? result.paymentId : undefined;
    return { kind: 'ok', paymentId, captured: result?.captured === true };
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error;
    if (error.status >= 500) return { kind: 'unavailable', detail: error.detail };
    return { kind: 'rejected', status: error.status, detail: error.detail, extensions: error.extensions };
  }
}

import type { OrderEvent } from './order-state.ts';

/**
 * The checkout saga's step logic, pure: given where a saga stands and what happened when its
 * current step ran, decide the next step and the order state change (if any). The runner
 * (src/saga/runner.ts) does the I/O and persists each decision in one transaction with the
 * order change, so a crash leaves the saga at a step that is safe to run again.
 *
 * Before the saga starts, the order's creator has claimed the cart for this order (and redeemed
 * its discount code); the forward path ends by converting the cart, compensation releases it.
 *
 * Forward:      reserve_stock → authorize_payment → capture_payment → commit_stock → mark_cart_checked_out → done
 *               (an order with nothing to pay goes from reserve_stock straight to commit_stock)
 * Compensation: release_stock → release_cart (claim and discount use) → settle_payment (void an authorization / refund a capture) → done
 */
export type SagaStep =
  | 'reserve_stock'
  | 'authorize_payment'
  | 'capture_payment'
  | 'commit_stock'
  | 'mark_cart_checked_out'
  | 'release_stock'
  | 'release_cart'
  | 'settle_payment'
  | 'done';
export type SagaStatus = 'running' | 'compensating' | 'completed' | 'compensated';
/** What we know about money at the payment provider; 'unknown' when a call's answer was lost. */
export type PaymentState = 'none' | 'unknown' | 'authorized' | 'captured';

export interface SagaFailure {
  status: number;
  detail: string;
  extensions: Record<string, unknown>;
}

export interface SagaState {
  step: SagaStep;
  status: SagaStatus;
  /** Failed tries of the current step (reset when the step changes). */
  attempts: number;
  paymentId: string | null;
  paymentState: PaymentState;
  /** Why the checkout failed, kept to answer the request (and idempotent replays) precisely. */
  failure: SagaFailure | null;
}

export type StepOutcome =
  | { kind: 'ok'; paymentId?: string; captured?: boolean }
  /** The other service said no (out of stock, declined card, expired reservation). */
  | { kind: 'rejected'; status: number; detail: string; extensions?: Record<string, unknown> }
  /** The other service could not be reached or failed (503, timeout): the outcome is unknown. */
  | { kind: 'unavailable'; detail: string };

export interface DecideContext {
  /** A customer request is waiting: give up at once instead of retrying later. */
  live: boolean;
  /** Failed tries of a forward step after which the recovery pass gives up and compensates. */
  maxAttempts: number;
  /** The order's total is zero (a 100 % discount): there is no payment step. */
  nothingToPay: boolean;
}

export interface OrderChange {
  event: OrderEvent;
  note: string;
}

export type Decision =
  | { kind: 'advance'; saga: SagaState; orderChange?: OrderChange }
  | { kind: 'retry_later'; saga: SagaState };

export function initialSaga(): SagaState {
  return { step: 'reserve_stock', status: 'running', attempts: 0, paymentId: null, paymentState: 'none', failure: null };
}

export function isActive(saga: Pick<SagaState, 'status'>): boolean {
  return saga.status === 'running' || saga.status === 'compensating';
}

/** The details customers see when a service the checkout needs is down. */
export const unavailableDetail: Partial<Record<SagaStep, string>> = {
  reserve_stock: 'The inventory service is unavailable, so the order could not be placed; nothing was charged.',
  authorize_payment: 'The payment service is unavailable, so the order could not be paid; its reserved stock was released and nothing was charged.',
  capture_payment: 'The payment service is unavailable, so the order could not be paid; its reserved stock was released and the authorization is voided.',
  commit_stock: 'The inventory service is unavailable, so the order could not be confirmed; the payment is refunded.',
};

export function decide(saga: SagaState, outcome: StepOutcome, ctx: DecideContext): Decision {
  switch (saga.step) {
    case 'reserve_stock':
      if (outcome.kind === 'ok') return advance(saga, { step: ctx.nothingToPay ? 'commit_stock' : 'authorize_payment' }, { event: 'reserve', note: 'Stock reserved' });
      if (outcome.kind === 'rejected') {
        // All lines or none are reserved, so a refusal leaves only the cart to give back.
        return { kind: 'advance', saga: { ...saga, step: 'release_cart', status: 'compensating', attempts: 0, failure: failureOf(outcome) }, orderChange: { event: 'cancel', note: outcome.detail } };
      }
      return giveUpOrRetry(saga, ctx, () => compensate(saga, 'none', unavailable(saga.step), { event: 'cancel', note: 'Inventory unavailable' }));

    case 'authorize_payment':
      if (outcome.kind === 'ok') {
        const paymentId = outcome.paymentId ?? saga.paymentId;
        return outcome.captured
          ? advance(saga, { step: 'commit_stock', paymentId, paymentState: 'captured' })
          : advance(saga, { step: 'capture_payment', paymentId, paymentState: 'authorized' });
      }
      if (outcome.kind === 'rejected') return compensate(saga, 'none', failureOf(outcome), { event: 'fail_payment', note: outcome.detail });
      return giveUpOrRetry(saga, ctx, () => compensate(saga, 'unknown', unavailable(saga.step), { event: 'fail_payment', note: 'Payment service unavailable' }));

    case 'capture_payment':
      if (outcome.kind === 'ok') return advance(saga, { step: 'commit_stock', paymentState: 'captured' });
      if (outcome.kind === 'rejected') return compensate(saga, 'authorized', failureOf(outcome), { event: 'fail_payment', note: outcome.detail });
      return giveUpOrRetry(saga, ctx, () => compensate(saga, 'unknown', unavailable(saga.step), { event: 'fail_payment', note: 'Payment service unavailable' }));

    case 'commit_stock':
      if (outcome.kind === 'ok') return advance(saga, { step: 'mark_cart_checked_out' }, { event: 'pay', note: ctx.nothingToPay ? 'Nothing to pay: confirmed without a payment' : 'Payment captured' });
      // What is held at payments is as capture left it: 'captured', or 'none' for an order with nothing to pay.
      if (outcome.kind === 'rejected') return compensate(saga, saga.paymentState, failureOf(outcome), { event: 'cancel', note: `Stock could not be committed: ${outcome.detail}` });
      return giveUpOrRetry(saga, ctx, () => compensate(saga, saga.paymentState, unavailable(saga.step), { event: 'cancel', note: 'Inventory unavailable' }));

    case 'mark_cart_checked_out':
      // The order is paid: the cart's bookkeeping is retried, never a reason to undo the order.
      if (outcome.kind === 'unavailable' && saga.attempts + 1 < ctx.maxAttempts) return retryLater(saga);
      return { kind: 'advance', saga: { ...saga, step: 'done', status: 'completed', attempts: 0 } };

    case 'release_stock':
      // Compensations must finish: they are retried for as long as it takes.
      if (outcome.kind === 'unavailable') return retryLater(saga);
      return advance(saga, { step: 'release_cart' });

    case 'release_cart':
      // Before the money is settled: the shopper may retry the same cart (another card) at once.
      if (outcome.kind === 'unavailable') return retryLater(saga);
      return advance(saga, saga.paymentState === 'none' ? { step: 'done', status: 'compensated' } : { step: 'settle_payment' });

    case 'settle_payment':
      if (outcome.kind === 'unavailable') return retryLater(saga);
      return advance(saga, { step: 'done', status: 'compensated', paymentState: 'none' });

    case 'done':
      return { kind: 'advance', saga };
  }
}

/**
 * Staff cancel an order whose checkout is stuck (e.g. waiting for the payment service): the
 * saga switches to compensation from wherever it is. Only for sagas not yet past payment.
 */
export function abortSaga(saga: SagaState, reason: string): SagaState {
  const mayHavePaid = saga.step !== 'reserve_stock' && saga.paymentState === 'none';
  return {
    ...saga,
    step: 'release_stock',
    status: 'compensating',
    attempts: 0,
    paymentState: mayHavePaid ? 'unknown' : saga.paymentState,
    failure: { status: 409, detail: `Order cancelled: ${reason}`, extensions: {} },
  };
}

/** A saga that has not reached payment can still be aborted by cancelling its order. */
export function isAbortable(saga: SagaState): boolean {
  return saga.status === 'running' && saga.step !== 'mark_cart_checked_out' && saga.step !== 'done';
}

function advance(saga: SagaState, patch: Partial<SagaState>, orderChange?: OrderChange): Decision {
  return { kind: 'advance', saga: { ...saga, ...patch, attempts: 0 }, orderChange };
}

function retryLater(saga: SagaState): Decision {
  return { kind: 'retry_later', saga: { ...saga, attempts: saga.attempts + 1 } };
}

function giveUpOrRetry(saga: SagaState, ctx: DecideContext, giveUp: () => Decision): Decision {
  return ctx.live || saga.attempts + 1 >= ctx.maxAttempts ? giveUp() : retryLater(saga);
}

function compensate(saga: SagaState, paymentState: PaymentState, failure: SagaFailure, orderChange: OrderChange): Decision {
  return { kind: 'advance', saga: { ...saga, step: 'release_stock', status: 'compensating', attempts: 0, paymentState, failure }, orderChange };
}

function failureOf(outcome: Extract<StepOutcome, { kind: 'rejected' }>): SagaFailure {
  return { status: outcome.status, detail: outcome.detail, extensions: outcome.extensions ?? {} };
}

function unavailable(step: SagaStep): SagaFailure {
  return { status: 503, detail: unavailableDetail[step] ?? 'A service the checkout needs is unavailable.', extensions: {} };
}

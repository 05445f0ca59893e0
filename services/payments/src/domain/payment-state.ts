/**
 * The life of a payment intent as a pure state machine. Every status change in the service,
 * whether from an API call or a provider webhook, goes through `nextStatus`, so an illegal move
 * (capturing a voided payment, authorizing a refunded one) is refused in one place.
 */

import { paymentStatuses, type PaymentStatus } from '@emporium/contracts';

/** The statuses are part of payments' internal API (orders reads them), so they live in the contract. */
export const PAYMENT_STATUSES = paymentStatuses;
export type { PaymentStatus };

export type PaymentAction = 'authorize' | 'fail' | 'capture' | 'void' | 'refund_partial' | 'refund_full';

/**
 * Allowed moves. `requires_authorization → voided` exists for saga compensation after an
 * authorization whose outcome is unknown (provider outage): nothing was captured, so the
 * intent can be closed without asking the provider.
 */
const TRANSITIONS: Record<PaymentStatus, Partial<Record<PaymentAction, PaymentStatus>>> = {
  requires_authorization: { authorize: 'authorized', fail: 'failed', void: 'voided' },
  authorized: { capture: 'captured', void: 'voided' },
  captured: { refund_partial: 'partially_refunded', refund_full: 'refunded' },
  partially_refunded: { refund_partial: 'partially_refunded', refund_full: 'refunded' },
  refunded: {},
  voided: {},
  failed: {},
};

export class IllegalTransition extends Error {
  constructor(readonly from: PaymentStatus, readonly action: PaymentAction) {
    super(`Cannot ${action.replace('_', ' ')} a payment that is ${from}.`);
  }
}

/** The status after `action`, or IllegalTransition when the action is not allowed from `from`. */
export function nextStatus(from: PaymentStatus, action: PaymentAction): PaymentStatus {
  const to = TRANSITIONS[from][action];
  if (!to) throw new IllegalTransition(from, action);
  return to;
}

export function canApply(from: PaymentStatus, action: PaymentAction): boolean {
  return TRANSITIONS[from][action] !== undefined;
}

export interface RefundPlan {
  action: 'refund_partial' | 'refund_full';
  status: PaymentStatus;
  refundedAmount: number;
}

export class RefundTooLarge extends Error {
  constructor(readonly requested: number, readonly refundable: number) {
    super(`Cannot refund ${requested}: only ${refundable} is left to refund.`);
  }
}

/** Checks a refund against what was captured and already refunded; says the resulting state. */
export function planRefund(payment: { status: PaymentStatus; amount: number; refundedAmount: number }, amount: number): RefundPlan {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError('refund amount must be a positive integer');
  const refundable = payment.amount - payment.refundedAmount;
  const action = amount === refundable ? 'refund_full' : 'refund_partial';
  const status = nextStatus(payment.status, action);
  if (amount > refundable) throw new RefundTooLarge(amount, refundable);
  return { action, status, refundedAmount: payment.refundedAmount + amount };
}

/**
 * The order state machine. Pure: no I/O. Every state change anywhere in the service goes
 * through `transition`, so an illegal move (shipping an unpaid order, say) cannot happen.
 */
export const orderStates = ['pending', 'reserved', 'paid', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'payment_failed', 'refunded'] as const;
export type OrderState = (typeof orderStates)[number];

export const orderEvents = ['reserve', 'pay', 'fail_payment', 'cancel', 'fulfil', 'ship', 'deliver', 'refund'] as const;
export type OrderEvent = (typeof orderEvents)[number];

const table: Record<OrderState, Partial<Record<OrderEvent, OrderState>>> = {
  pending: { reserve: 'reserved', cancel: 'cancelled' },
  reserved: { pay: 'paid', fail_payment: 'payment_failed', cancel: 'cancelled' },
  paid: { fulfil: 'fulfilled', cancel: 'cancelled', refund: 'refunded' },
  fulfilled: { ship: 'shipped', cancel: 'cancelled', refund: 'refunded' },
  shipped: { deliver: 'delivered', refund: 'refunded' },
  delivered: { refund: 'refunded' },
  cancelled: {},
  payment_failed: {},
  refunded: {},
};

export class IllegalTransition extends Error {
  constructor(
    readonly from: OrderState,
    readonly event: OrderEvent,
  ) {
    super(`Cannot ${event.replace('_', ' ')} an order that is ${from.replace('_', ' ')}`);
    this.name = 'IllegalTransition';
  }
}

export function canTransition(state: OrderState, event: OrderEvent): boolean {
  return table[state][event] !== undefined;
}

/** The state after `event`, or IllegalTransition if `event` is not allowed in `state`. */
export function transition(state: OrderState, event: OrderEvent): OrderState {
  const next = table[state][event];
  if (!next) throw new IllegalTransition(state, event);
  return next;
}

/** Cancelling before payment only gives the stock back; after payment the money goes back too. */
export function cancellationKind(state: OrderState): 'release_stock' | 'refund_payment' {
  transition(state, 'cancel');
  return state === 'pending' || state === 'reserved' ? 'release_stock' : 'refund_payment';
}

/** States in which money was taken and can (partly) be given back. */
export function isRefundable(state: OrderState): boolean {
  return canTransition(state, 'refund');
}

import { pgTable, uuid, text, integer, bigint, bigserial, jsonb, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import type { OrderState } from '../domain/order-state.ts';
import type { PaymentState, SagaFailure, SagaStatus, SagaStep } from '../domain/checkout-saga.ts';

/** Drizzle view of migrations/0001_init.sql (keep the two in step). */
const money = (name: string) => bigint(name, { mode: 'number' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export const orders = pgTable('orders', {
  id: uuid('id').primaryKey(),
  idempotencyKey: text('idempotency_key').notNull().unique(),
  userId: text('user_id'),
  email: text('email'),
  cartId: text('cart_id').notNull(),
  status: text('status').$type<OrderState>().notNull(),
  currency: text('currency').notNull(),
  subtotal: money('subtotal').notNull(),
  discount: money('discount').notNull(),
  total: money('total').notNull(),
  discountCode: text('discount_code'),
  shippingAddress: jsonb('shipping_address').$type<ShippingAddress>().notNull(),
  paymentId: text('payment_id'),
  refundedAmount: money('refunded_amount').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const orderLines = pgTable(
  'order_lines',
  {
    orderId: uuid('order_id').notNull(),
    position: integer('position').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: money('unit_price').notNull(),
    lineTotal: money('line_total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.position] })],
);

export const orderStatusHistory = pgTable('order_status_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orderId: uuid('order_id').notNull(),
  state: text('state').$type<OrderState>().notNull(),
  note: text('note'),
  at: ts('at').notNull().defaultNow(),
});

export const shipments = pgTable('shipments', {
  id: uuid('id').primaryKey(),
  orderId: uuid('order_id').notNull(),
  carrier: text('carrier').notNull(),
  trackingNumber: text('tracking_number').notNull(),
  shippedAt: ts('shipped_at').notNull().defaultNow(),
});

export const checkoutSagas = pgTable('checkout_sagas', {
  orderId: uuid('order_id').primaryKey(),
  step: text('step').$type<SagaStep>().notNull(),
  status: text('status').$type<SagaStatus>().notNull(),
  attempts: integer('attempts').notNull().default(0),
  paymentId: text('payment_id'),
  paymentState: text('payment_state').$type<PaymentState>().notNull().default('none'),
  failure: jsonb('failure').$type<SagaFailure>(),
  lockedUntil: ts('locked_until'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const orderRefunds = pgTable(
  'order_refunds',
  {
    orderId: uuid('order_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    amount: money('amount').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'requested' | 'done'>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.idempotencyKey] })],
);

export type OrderRow = typeof orders.$inferSelect;
export type SagaRow = typeof checkoutSagas.$inferSelect;

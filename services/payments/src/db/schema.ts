import { bigint, char, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PaymentStatus } from '../domain/payment-state.ts';
import type { ProviderName } from '../providers/provider.ts';

/** Mirrors migrations/0001_init.sql. */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: uuid('id').primaryKey(),
    orderId: text('order_id').notNull(),
    userId: text('user_id'),
    email: text('email'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    provider: text('provider').$type<ProviderName>().notNull(),
    providerRef: text('provider_ref'),
    status: text('status').$type<PaymentStatus>().notNull(),
    failureCode: text('failure_code'),
    cardLast4: char('card_last4', { length: 4 }),
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    invoiceId: uuid('invoice_id'),
    authorizeKey: text('authorize_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payment_intents_order').on(t.orderId), index('payment_intents_provider_ref').on(t.provider, t.providerRef)],
);
export type PaymentIntent = typeof paymentIntents.$inferSelect;

export const refunds = pgTable('refunds', {
  id: uuid('id').primaryKey(),
  paymentId: uuid('payment_id').notNull().references(() => paymentIntents.id),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  providerRef: text('provider_ref').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const invoiceCounters = pgTable('invoice_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

export interface InvoiceLine {
  description: string;
  orderId: string;
  amount: number;
}

export const invoices = pgTable('invoices', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull().unique(),
  paymentId: uuid('payment_id').notNull().unique().references(() => paymentIntents.id),
  orderId: text('order_id').notNull(),
  userId: text('user_id'),
  email: text('email'),
  currency: char('currency', { length: 3 }).notNull(),
  subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
  tax: bigint('tax', { mode: 'number' }).notNull(),
  total: bigint('total', { mode: 'number' }).notNull(),
  lines: jsonb('lines').$type<InvoiceLine[]>().notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
});
export type Invoice = typeof invoices.$inferSelect;

export const webhookEvents = pgTable(
  'webhook_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

import { pgTable, uuid, text, jsonb, timestamp, bigint, integer, primaryKey } from 'drizzle-orm/pg-core';
import type { CartLine, CartStatus } from '../domain/cart.ts';
import type { DiscountKind } from '../domain/discount.ts';

export const carts = pgTable('carts', {
  id: uuid('id').primaryKey(),
  userId: text('user_id'),
  status: text('status').$type<CartStatus>().notNull(),
  currency: text('currency'),
  lines: jsonb('lines').$type<CartLine[]>().notNull(),
  discountCode: text('discount_code'),
  orderId: text('order_id'),
  mergedInto: uuid('merged_into'),
  claimedBy: text('claimed_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const discountCodes = pgTable('discount_codes', {
  code: text('code').primaryKey(),
  kind: text('kind').$type<DiscountKind>().notNull(),
  value: bigint('value', { mode: 'number' }).notNull(),
  currency: text('currency'),
  minSubtotal: bigint('min_subtotal', { mode: 'number' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  usageLimit: integer('usage_limit'),
  usedCount: integer('used_count').notNull().default(0),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const discountCodeUsages = pgTable(
  'discount_code_usages',
  {
    code: text('code').notNull(),
    cartId: uuid('cart_id').notNull(),
    orderId: text('order_id').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.code, t.cartId] })],
);

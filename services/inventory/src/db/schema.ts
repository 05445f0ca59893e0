import { pgTable, text, integer, timestamp, uuid, date, primaryKey } from 'drizzle-orm/pg-core';

/** Drizzle definitions matching migrations/0001_init.sql. */
export const warehouses = pgTable('warehouses', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const stock = pgTable(
  'stock',
  {
    sku: text('sku').notNull(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sku, t.warehouseId] })],
);

export const stockAdjustments = pgTable('stock_adjustments', {
  id: uuid('id').primaryKey(),
  sku: text('sku').notNull(),
  warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
  delta: integer('delta').notNull(),
  reason: text('reason').notNull(),
  note: text('note'),
  onHandAfter: integer('on_hand_after').notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reservations = pgTable('reservations', {
  orderId: text('order_id').primaryKey(),
  status: text('status').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reservationLines = pgTable(
  'reservation_lines',
  {
    orderId: text('order_id').notNull().references(() => reservations.orderId),
    sku: text('sku').notNull(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.sku, t.warehouseId] })],
);

export const dailyDemand = pgTable(
  'daily_demand',
  {
    sku: text('sku').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sku, t.day] })],
);

export const catalogSkus = pgTable('catalog_skus', {
  sku: text('sku').primaryKey(),
  productId: text('product_id').notNull(),
  learnedAt: timestamp('learned_at', { withTimezone: true }).notNull().defaultNow(),
});

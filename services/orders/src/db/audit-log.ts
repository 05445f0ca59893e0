import { randomUUID } from 'node:crypto';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp } from 'drizzle-orm/pg-core';
import type { Executor } from '@emporium/kit';
import type { OrderRow } from './schema.ts';

/** Drizzle view of migrations/0003_customer_privacy.sql. */
export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey(),
  actorId: text('actor_id').notNull(),
  action: text('action').$type<AuditAction>().notNull(),
  orderId: uuid('order_id').notNull(),
  customerId: text('customer_id'),
  requestId: text('request_id').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type AuditAction = 'order.read' | 'order.listed';

/** One entry per order whose customer data a staff member was shown. */
export async function recordOrderAccess(db: Executor, access: { actorId: string; action: AuditAction; requestId: string; orders: Array<Pick<OrderRow, 'id' | 'userId'>> }): Promise<void> {
  if (access.orders.length === 0) return;
  await db.insert(auditLog).values(
    access.orders.map((order) => ({ id: randomUUID(), actorId: access.actorId, action: access.action, orderId: order.id, customerId: order.userId, requestId: access.requestId })),
  );
}

export async function readAuditLog(db: Executor, query: { customerId?: string; orderId?: string; limit: number }) {
  const filters: SQL[] = [];
  if (query.customerId) filters.push(eq(auditLog.customerId, query.customerId));
  if (query.orderId) filters.push(eq(auditLog.orderId, query.orderId));
  const rows = await db
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { orders } from './schema.ts';
import { orderView } from './order-store.ts';

/** Every order of one customer in full, newest first (their data export). */
export async function ordersOfCustomer(db: Executor, userId: string) {
  const rows = await db.select().from(orders).where(eq(orders.userId, userId)).orderBy(desc(orders.createdAt), desc(orders.id));
  return Promise.all(rows.map((row) => orderView(db, row)));
}

/** What replaces a deleted customer's name and street lines on their orders. */
export const erasedText = '[deleted]';

/**
 * The customer deleted their account: their orders stay for the books (amounts, lines, dates,
 * and the city, postal code and country that taxes depend on) but lose the email and the
 * recipient's name and street. Running it again changes nothing.
 */
export async function anonymiseOrdersOf(db: Executor, userId: string): Promise<number> {
  const updated = await db
    .update(orders)
    .set({
      email: null,
      shippingAddress: sql`jsonb_build_object('name', ${erasedText}::text, 'line1', ${erasedText}::text, 'city', ${orders.shippingAddress}->'city', 'postalCode', ${orders.shippingAddress}->'postalCode', 'country', ${orders.shippingAddress}->'country')`,
      updatedAt: new Date(),
    })
    .where(eq(orders.userId, userId))
    .returning({ id: orders.id });
  return updated.length;
}

import { asc, eq } from 'drizzle-orm';
import type { Db } from '@emporium/kit';
import { invoices, paymentIntents, type Invoice, type PaymentIntent } from '../db/schema.ts';

/** Read-only lookups for the GET routes. */
export function paymentsByOrder(db: Db, orderId: string): Promise<PaymentIntent[]> {
  return db.select().from(paymentIntents).where(eq(paymentIntents.orderId, orderId)).orderBy(asc(paymentIntents.createdAt));
}

export async function findInvoice(db: Db, invoiceId: string): Promise<Invoice | undefined> {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  return invoice;
}

export function invoicesByOrder(db: Db, orderId: string): Promise<Invoice[]> {
  return db.select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(asc(invoices.issuedAt));
}

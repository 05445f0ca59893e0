import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { invoiceCounters, invoices, type Invoice, type PaymentIntent } from '../db/schema.ts';
import { formatInvoiceNumber, invoiceYear } from '../domain/invoice-number.ts';

/**
 * Issues the invoice of a captured payment inside the capture's transaction. The yearly counter
 * row is locked by the upsert until commit, so numbers stay sequential across replicas.
 */
export async function issueInvoice(tx: Executor, intent: PaymentIntent, issuedAt = new Date()): Promise<Invoice> {
  const year = invoiceYear(issuedAt);
  const [counter] = await tx
    .insert(invoiceCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: invoiceCounters.year, set: { lastNumber: sql`${invoiceCounters}.last_number + 1` } })
    .returning({ lastNumber: invoiceCounters.lastNumber });
  const [invoice] = await tx
    .insert(invoices)
    .values({
      id: randomUUID(),
      number: formatInvoiceNumber(year, counter!.lastNumber),
      paymentId: intent.id,
      orderId: intent.orderId,
      userId: intent.userId,
      email: intent.email,
      currency: intent.currency,
      subtotal: intent.amount,
      tax: 0,
      total: intent.amount,
      lines: [{ description: `Order ${intent.orderId}`, orderId: intent.orderId, amount: intent.amount }],
      issuedAt,
    })
    .returning();
  return invoice!;
}

import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { conflict, type Executor } from '@emporium/kit';
import { paymentIntents, refunds, type PaymentIntent } from '../db/schema.ts';
import { nextStatus, planRefund } from '../domain/payment-state.ts';
import { writeInvoiceIssued, writePaymentCaptured, writePaymentFailed, writePaymentRefunded } from '../events/payment-events.ts';
import { issueInvoice } from './invoices.ts';

/**
 * The writes that go with each status change, shared by API calls and webhooks so a capture
 * always issues an invoice and every change writes its events in the same transaction.
 */

type Changes = Partial<Pick<PaymentIntent, 'status' | 'providerRef' | 'failureCode' | 'refundedAmount' | 'invoiceId'>>;

/** Updates the intent only if nobody changed it since it was read (optimistic concurrency). */
async function update(tx: Executor, intent: PaymentIntent, changes: Changes): Promise<PaymentIntent> {
  const [updated] = await tx
    .update(paymentIntents)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(paymentIntents.id, intent.id), eq(paymentIntents.status, intent.status), eq(paymentIntents.refundedAmount, intent.refundedAmount)))
    .returning();
  if (!updated) throw conflict('The payment changed while this request ran; read it again and retry.', { paymentId: intent.id });
  return updated;
}

export async function recordAuthorized(tx: Executor, intent: PaymentIntent, providerRef: string): Promise<PaymentIntent> {
  return update(tx, intent, { status: nextStatus(intent.status, 'authorize'), providerRef });
}

export async function recordVoided(tx: Executor, intent: PaymentIntent): Promise<PaymentIntent> {
  return update(tx, intent, { status: nextStatus(intent.status, 'void') });
}

export async function recordFailed(tx: Executor, intent: PaymentIntent, code: string, providerRef?: string): Promise<PaymentIntent> {
  const failed = await update(tx, intent, { status: nextStatus(intent.status, 'fail'), failureCode: code, ...(providerRef && { providerRef }) });
  await writePaymentFailed(tx, failed, code);
  return failed;
}

/** Capture: status, invoice, and the payment.captured + invoice.issued events. */
export async function recordCaptured(tx: Executor, intent: PaymentIntent): Promise<PaymentIntent> {
  const status = nextStatus(intent.status, 'capture');
  const invoice = await issueInvoice(tx, intent);
  const captured = await update(tx, intent, { status, invoiceId: invoice.id });
  await writePaymentCaptured(tx, captured);
  await writeInvoiceIssued(tx, invoice);
  return captured;
}

export async function recordRefund(tx: Executor, intent: PaymentIntent, amount: number, providerRef: string): Promise<PaymentIntent> {
  const plan = planRefund(intent, amount);
  const refunded = await update(tx, intent, { status: plan.status, refundedAmount: plan.refundedAmount });
  await tx.insert(refunds).values({ id: randomUUID(), paymentId: intent.id, amount, providerRef });
  await writePaymentRefunded(tx, refunded, amount);
  return refunded;
}

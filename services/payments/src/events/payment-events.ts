import { writeEvent, type Executor } from '@emporium/kit';
import type { Invoice, PaymentIntent } from '../db/schema.ts';

/** What payments publishes; consumed by orders, notifications, finance and analytics. It consumes nothing. */
export const SOURCE = 'payments';

export async function writePaymentCaptured(tx: Executor, intent: PaymentIntent): Promise<void> {
  await writeEvent(tx, SOURCE, 'payment.captured', { paymentId: intent.id, orderId: intent.orderId, amount: intent.amount, currency: intent.currency, provider: intent.provider });
}

export async function writeInvoiceIssued(tx: Executor, invoice: Invoice): Promise<void> {
  await writeEvent(tx, SOURCE, 'invoice.issued', { invoiceId: invoice.id, number: invoice.number, orderId: invoice.orderId, total: invoice.total, currency: invoice.currency });
}

export async function writePaymentFailed(tx: Executor, intent: PaymentIntent, code: string): Promise<void> {
  await writeEvent(tx, SOURCE, 'payment.failed', { paymentId: intent.id, orderId: intent.orderId, code });
}

export async function writePaymentRefunded(tx: Executor, intent: PaymentIntent, amount: number): Promise<void> {
  await writeEvent(tx, SOURCE, 'payment.refunded', { paymentId: intent.id, orderId: intent.orderId, amount, currency: intent.currency });
}

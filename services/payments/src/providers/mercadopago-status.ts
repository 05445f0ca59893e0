import { failure, type ProviderOutcome, type ProviderStatus } from './provider.ts';

/** The fields of a MercadoPago payment this adapter reads. */
export interface MercadoPagoPayment {
  id: number | string;
  status: string;
  status_detail?: string;
  currency_id?: string;
  captured?: boolean;
}

/**
 * Maps a payment MercadoPago returned to an outcome. `expected` is the status the call was
 * meant to reach; MercadoPago answers 200/201 for declines too, so the body decides.
 */
export function outcomeFromPayment(payment: MercadoPagoPayment, expected: ProviderStatus): ProviderOutcome {
  const providerRef = String(payment.id);
  const detail = payment.status_detail ?? '';
  switch (payment.status) {
    case 'authorized':
      return expected === 'authorized' ? { ok: true, providerRef, status: 'authorized' } : unexpected(payment, expected);
    case 'approved':
      // Approved means the money was taken: right for capture; for authorize it means the
      // account captured immediately, which the caller must know.
      return expected === 'captured' || expected === 'authorized' ? { ok: true, providerRef, status: 'captured' } : unexpected(payment, expected);
    case 'cancelled':
      return expected === 'voided' ? { ok: true, providerRef, status: 'voided' } : unexpected(payment, expected);
    case 'rejected':
      if (detail === 'cc_rejected_insufficient_amount') return failure('insufficient_funds', 'The card has insufficient funds.', providerRef);
      if (detail.startsWith('cc_rejected_')) return failure('card_declined', `The card was declined (${detail}).`, providerRef);
      return failure('processing_error', `MercadoPago rejected the payment (${detail || 'no detail'}).`, providerRef);
    case 'in_process':
    case 'pending':
      // Under manual review: not authorized now; MercadoPago reports the result by webhook.
      return failure('processing_error', `The payment is pending review (${detail || payment.status}).`, providerRef);
    default:
      return unexpected(payment, expected);
  }
}

function unexpected(payment: MercadoPagoPayment, expected: ProviderStatus): ProviderOutcome {
  return failure('processing_error', `Expected the payment to be ${expected}, MercadoPago says ${payment.status} (${payment.status_detail ?? 'no detail'}).`, String(payment.id));
}

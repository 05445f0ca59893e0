import type { ProviderName } from '../providers/provider.ts';
import type { PaymentAction } from './payment-state.ts';

/**
 * What a provider's webhook status means for our intent, as a state-machine action. Only
 * statuses that say something definite map; the rest (and events without a status, such as
 * MercadoPago's, which only name the payment) change nothing.
 */
const STRIPE: Record<string, PaymentAction> = {
  requires_capture: 'authorize',
  succeeded: 'capture',
  canceled: 'void',
  requires_payment_method: 'fail',
};

const SANDBOX: Record<string, PaymentAction> = {
  authorized: 'authorize',
  captured: 'capture',
  voided: 'void',
  refunded: 'refund_full',
  failed: 'fail',
};

export function webhookAction(provider: ProviderName, event: { type: string; status?: string }): PaymentAction | null {
  if (event.status === undefined) return null;
  if (provider === 'stripe') {
    // A charge or refund object also carries a status; only PaymentIntent events describe the intent.
    if (!event.type.startsWith('payment_intent.')) return null;
    return STRIPE[event.status] ?? null;
  }
  if (provider === 'sandbox') return SANDBOX[event.status] ?? null;
  return null;
}

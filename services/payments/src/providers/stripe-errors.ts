import Stripe from 'stripe';
import { failure, type ProviderErrorCode, type ProviderOutcome } from './provider.ts';

/**
 * Turns what the Stripe SDK throws into a ProviderOutcome. Anything that is not a Stripe
 * error is a bug in our code and is rethrown rather than disguised as a decline.
 */
export function outcomeFromStripeError(error: unknown): ProviderOutcome {
  if (!(error instanceof Stripe.errors.StripeError)) throw error;
  return failure(codeFor(error), error.message, error.payment_intent?.id);
}

function codeFor(error: Stripe.errors.StripeError): ProviderErrorCode {
  if (error instanceof Stripe.errors.StripeCardError) {
    // Stripe puts the bank's reason in decline_code and the general category in code.
    if (error.decline_code === 'insufficient_funds' || error.code === 'insufficient_funds') return 'insufficient_funds';
    if (error.code === 'expired_card' || error.decline_code === 'expired_card') return 'expired_card';
    if (error.code === 'processing_error' || error.decline_code === 'processing_error') return 'processing_error';
    return 'card_declined';
  }
  // Transient: the request may or may not have happened; a retry with the same key is safe.
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error.statusCode !== undefined && error.statusCode >= 500)
  ) {
    return 'provider_unavailable';
  }
  return 'processing_error';
}

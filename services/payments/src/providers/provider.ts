/**
 * The contract every payment provider implements. The payments service talks only to this
 * interface, so sandbox, Stripe and MercadoPago are interchangeable by configuration.
 *
 * Amounts are integer minor units (1999 = 19.99 EUR); currencies are ISO 4217 codes.
 * Card data: a provider may see a raw card number in `PaymentMethodInput` (the sandbox only);
 * nothing a provider returns, stores or logs ever contains it — `last4` is all that is kept.
 */

import type { PaymentProviderName } from '@emporium/contracts';

/** The providers are named once, in @emporium/contracts (orders validates a checkout's provider with the same list). */
export type ProviderName = PaymentProviderName;

export interface PaymentMethodInput {
  cardNumber?: string;
  token?: string;
  expMonth?: number;
  expYear?: number;
  cvc?: string;
}

export type ProviderStatus = 'authorized' | 'captured' | 'voided' | 'refunded';

export type ProviderErrorCode =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  /** The provider refused the request: bad input, illegal state (capture a voided payment, refund too much), idempotency key misuse. Not retryable as is. */
  | 'processing_error'
  /** Network failure, timeout, 5xx or rate limit: the outcome is unknown; retry with the same idempotency key. */
  | 'provider_unavailable';

/**
 * `providerRef` is the provider's id of what the call created or changed: the payment for
 * authorize / capture / void, the refund itself for refund.
 */
export type ProviderOutcome =
  | { ok: true; providerRef: string; status: ProviderStatus }
  | { ok: false; code: ProviderErrorCode; message: string; providerRef?: string };

export interface WebhookEvent {
  id: string;
  type: string;
  /** The payment the event is about (same id authorize returned). */
  providerRef: string;
  status?: string;
}

export interface AuthorizeInput {
  amount: number;
  currency: string;
  method: PaymentMethodInput;
  idempotencyKey: string;
  metadata?: Record<string, string>;
}

export interface CaptureInput { providerRef: string; amount: number; idempotencyKey: string }
export interface VoidInput { providerRef: string; idempotencyKey: string }
export interface RefundInput { providerRef: string; amount: number; idempotencyKey: string }

/**
 * Idempotency keys are scoped per operation by every provider: the same key used for an
 * authorize and a later capture does not collide; the same key repeated for the same operation
 * replays the first outcome without charging again.
 */
export interface PaymentProvider {
  readonly name: ProviderName;
  authorize(input: AuthorizeInput): Promise<ProviderOutcome>;
  capture(input: CaptureInput): Promise<ProviderOutcome>;
  void(input: VoidInput): Promise<ProviderOutcome>;
  refund(input: RefundInput): Promise<ProviderOutcome>;
  /** Returns null when the signature (or the payload) is not valid. */
  verifyWebhook(rawBody: string, headers: Record<string, string | undefined>): WebhookEvent | null;
}

/** The last four digits of a card number: the only card data Emporium ever keeps. */
export function last4(cardNumber: string): string {
  const digits = cardNumber.replace(/\D/g, '');
  if (digits.length < 4) throw new RangeError('card number too short');
  return digits.slice(-4);
}

/** A failed outcome; a small helper so providers build them the same way. */
export function failure(code: ProviderErrorCode, message: string, providerRef?: string): ProviderOutcome {
  return providerRef === undefined ? { ok: false, code, message } : { ok: false, code, message, providerRef };
}

/** Checks the money fields common to every call; returns a message when they are wrong. */
export function invalidMoney(amount: number, currency?: string): string | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return 'amount must be a positive integer in minor units';
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) return 'currency must be an ISO 4217 code such as EUR';
  return null;
}

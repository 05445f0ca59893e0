import { isLuhnValid } from '@emporium/contracts';
import type { ProviderErrorCode } from './provider.ts';

export { isLuhnValid };

/**
 * How the sandbox decides an authorization, modelled on Stripe's test cards so the same
 * numbers work against the sandbox and Stripe test mode.
 */
export type CardVerdict = { ok: true } | { ok: false; code: ProviderErrorCode; message: string };

const APPROVED: CardVerdict = { ok: true };
const DECLINED: CardVerdict = { ok: false, code: 'card_declined', message: 'Your card was declined.' };
const INSUFFICIENT: CardVerdict = { ok: false, code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
const EXPIRED: CardVerdict = { ok: false, code: 'expired_card', message: 'Your card has expired.' };
const PROCESSING: CardVerdict = { ok: false, code: 'processing_error', message: 'An error occurred while processing your card. Try again.' };

export const SANDBOX_TEST_CARDS: Readonly<Record<string, CardVerdict>> = {
  '4242424242424242': APPROVED,
  '4000000000000002': DECLINED,
  '4000000000009995': INSUFFICIENT,
  '4000000000000069': EXPIRED,
  '4000000000000119': PROCESSING,
};

/** Stripe's test payment-method tokens, accepted too so token-based checkouts work in the sandbox. */
export const SANDBOX_TEST_TOKENS: Readonly<Record<string, CardVerdict>> = {
  tok_visa: APPROVED,
  tok_mastercard: APPROVED,
  pm_card_visa: APPROVED,
  pm_card_mastercard: APPROVED,
  pm_card_chargeDeclined: DECLINED,
  pm_card_chargeDeclinedInsufficientFunds: INSUFFICIENT,
  pm_card_chargeDeclinedExpiredCard: EXPIRED,
  pm_card_chargeDeclinedProcessingError: PROCESSING,
};

function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = expYear < 100 ? 2000 + expYear : expYear;
  // A card is valid through the last day of its expiry month.
  return year < now.getUTCFullYear() || (year === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1);
}

export function judgeCard(method: { cardNumber?: string; token?: string; expMonth?: number; expYear?: number }, now: Date): CardVerdict {
  if (method.cardNumber !== undefined) {
    const digits = method.cardNumber.replace(/[\s-]/g, '');
    if (!isLuhnValid(digits)) return { ok: false, code: 'card_declined', message: 'Your card number is incorrect.' };
    if (method.expMonth !== undefined && method.expYear !== undefined && isExpired(method.expMonth, method.expYear, now)) return EXPIRED;
    return SANDBOX_TEST_CARDS[digits] ?? APPROVED;
  }
  if (method.token !== undefined) {
    return SANDBOX_TEST_TOKENS[method.token] ?? { ok: false, code: 'card_declined', message: 'Unknown sandbox payment token.' };
  }
  return { ok: false, code: 'processing_error', message: 'A card number or a token is required.' };
}

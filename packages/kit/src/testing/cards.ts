import { systemClock, type Clock } from '../clock.ts';

/** Stripe's test card numbers, which the sandbox provider understands. */
export const testCardNumbers = { approved: '4242424242424242', declined: '4000000000000002' } as const;

/**
 * A card for tests that expires three years after the clock's date, so no test depends on the
 * year it runs in (a fixed expiry year makes the suite fail the January after it).
 */
export function testCard(cardNumber: string = testCardNumbers.approved, clock: Clock = systemClock) {
  return { cardNumber, expMonth: 12, expYear: clock.now().getUTCFullYear() + 3, cvc: '123' };
}

import { HttpProblem } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import { accountThrottleKey, knownAddressKey, knownAddressSeconds, loginThrottleKey, loginWaitSeconds } from '../domain/login-throttle.ts';

/**
 * Guessing passwords is throttled per account and address, and per account across addresses.
 * Used by sign-in and by the password change (which also checks a password).
 */
export async function ensureMayTryPassword(ctx: UsersContext, email: string, ip: string): Promise<void> {
  const counter = ctx.attempts;
  const [address, account, known] = await Promise.all([counter.peek(loginThrottleKey(email, ip)), counter.peek(accountThrottleKey(email)), counter.peek(knownAddressKey(email, ip))]);
  const wait = loginWaitSeconds(policy(ctx), { address, account, knownAddress: known.count > 0 });
  if (wait > 0) throw new HttpProblem(429, 'Too many failed sign-in attempts; try again later', { retryAfter: wait });
}

export async function recordWrongPassword(ctx: UsersContext, email: string, ip: string): Promise<void> {
  const { windowSeconds } = policy(ctx);
  await Promise.all([ctx.attempts.hit(loginThrottleKey(email, ip), windowSeconds), ctx.attempts.hit(accountThrottleKey(email), windowSeconds)]);
}

/**
 * The address's own count starts over and the address becomes known. The account-wide count is
 * left to expire: clearing it would hand an attacker a fresh budget whenever the user signs in.
 */
export async function recordRightPassword(ctx: UsersContext, email: string, ip: string): Promise<void> {
  await Promise.all([ctx.attempts.clear(loginThrottleKey(email, ip)), ctx.attempts.hit(knownAddressKey(email, ip), knownAddressSeconds)]);
}

function policy(ctx: UsersContext) {
  return { maxFailures: ctx.config.LOGIN_MAX_FAILURES, accountMaxFailures: ctx.config.LOGIN_ACCOUNT_MAX_FAILURES, windowSeconds: ctx.config.LOGIN_WINDOW_SECONDS };
}

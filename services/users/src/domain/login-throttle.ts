/**
 * Counts events per key within a fixed window. Login failures use it; behind an interface so
 * replicas share counts in Redis while embedded mode keeps them in memory.
 */
export interface AttemptCounter {
  /** Adds one attempt; the window starts at the first attempt. */
  hit(key: string, windowSeconds: number): Promise<void>;
  /** Attempts so far in the current window, and seconds until it ends (0 when there is none). */
  peek(key: string): Promise<{ count: number; resetsInSeconds: number }>;
  clear(key: string): Promise<void>;
}

export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
}

/** Failures per account and address: one address guessing one account's password. */
export function loginThrottleKey(email: string, ip: string): string {
  return `login-failures:${email}:${ip}`;
}

/** Failures per account from every address: guessing spread over many addresses (a botnet). */
export function accountThrottleKey(email: string): string {
  return `login-failures:${email}`;
}

/** Marks an address the account signed in from successfully; it stays exempt from the per-account limit. */
export function knownAddressKey(email: string, ip: string): string {
  return `login-known:${email}:${ip}`;
}

/** How long an address the user signed in from stays known. */
export const knownAddressSeconds = 30 * 24 * 3600;

export interface LoginThrottlePolicy extends ThrottlePolicy {
  /** Failures per account, all addresses together, before unknown addresses are refused. */
  accountMaxFailures: number;
}

type Window = { count: number; resetsInSeconds: number };

/**
 * Seconds a sign-in attempt must wait, or 0. The per-account limit spares addresses the user has
 * signed in from before, so an attacker who keeps the account's counter full cannot lock the real
 * user out; for everyone else it ends with the window (it is never extended by further failures).
 */
export function loginWaitSeconds(policy: LoginThrottlePolicy, state: { address: Window; account: Window; knownAddress: boolean }): number {
  const perAddress = retryAfterSeconds(policy, state.address);
  const perAccount = state.knownAddress ? 0 : retryAfterSeconds({ maxFailures: policy.accountMaxFailures, windowSeconds: policy.windowSeconds }, state.account);
  return Math.max(perAddress, perAccount);
}

/** Seconds the caller must wait, or 0 if it may try again. */
export function retryAfterSeconds(policy: ThrottlePolicy, state: { count: number; resetsInSeconds: number }): number {
  return state.count >= policy.maxFailures ? Math.max(1, state.resetsInSeconds) : 0;
}

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

/** Failures are counted per account and address, so one attacker can't lock a user out everywhere. */
export function loginThrottleKey(email: string, ip: string): string {
  return `login-failures:${email}:${ip}`;
}

/** Seconds the caller must wait, or 0 if it may try again. */
export function retryAfterSeconds(policy: ThrottlePolicy, state: { count: number; resetsInSeconds: number }): number {
  return state.count >= policy.maxFailures ? Math.max(1, state.resetsInSeconds) : 0;
}

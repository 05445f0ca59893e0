/** When a failed send is tried again: exponential backoff, capped; null once attempts are used up. */
export function nextAttemptAt(attempts: number, now: Date, policy: { maxAttempts: number; baseMs: number; maxMs: number }): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.baseMs * 2 ** Math.max(0, attempts - 1), policy.maxMs);
  return new Date(now.getTime() + delay);
}

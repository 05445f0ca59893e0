import assert from 'node:assert/strict';

/**
 * Polls `probe` until it returns something truthy and returns that, or fails naming `what` after
 * `timeoutMs` (generous by default: tests must pass on a busy machine). The one polling helper
 * for whatever happens asynchronously (events, background jobs).
 */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error; // e.g. an assertion that does not hold yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

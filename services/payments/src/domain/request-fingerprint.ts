import { requestHash } from '@emporium/kit';

/**
 * A stable hash of what a request asked for, to tell a genuine retry (same key, same request)
 * from a reused key (same key, different request). Keys are sorted so property order does not
 * matter. Card data is reduced to its last four digits first: a hash of a full card number could
 * be reversed by trying every number, so it must never be stored.
 */
export function requestFingerprint(operation: string, request: unknown): string {
  return requestHash({ operation, request: redactCard(request) });
}

function redactCard(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactCard);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'cvc') continue;
    out[key] = key === 'cardNumber' && typeof inner === 'string' ? `last4:${inner.replace(/\D/g, '').slice(-4)}` : redactCard(inner);
  }
  return out;
}

import { createHash } from 'node:crypto';

/**
 * A stable hash of what a request asked for, to tell a genuine retry (same key, same request)
 * from a reused key (same key, different request). Keys are sorted so property order does not
 * matter. Card data is reduced to its last four digits first: a hash of a full card number could
 * be reversed by trying every number, so it must never be stored.
 */
export function requestFingerprint(operation: string, request: unknown): string {
  return createHash('sha256').update(`${operation}\n${canonicalJson(redactCard(request))}`).digest('hex');
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

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

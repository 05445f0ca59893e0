import { createHash } from 'node:crypto';

/** Namespace of order ids derived from checkout Idempotency-Keys (a fixed, random UUID). */
const NAMESPACE = Buffer.from('3f0c6f0e9b7a4d5e8c21a6f4d2b9e7c1', 'hex');

/**
 * The id of the order a checkout with this Idempotency-Key creates (a name-based UUID, version 5).
 * The cart is claimed for the order before the order is written, so concurrent retries of one
 * request (same key) must claim for the same order: they then share the claim, and the unique
 * key lets one of them write the order. A retry after a crash between claim and write reclaims it.
 */
export function orderIdForKey(idempotencyKey: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(idempotencyKey, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

import type { ApiClient } from '@emporium/kit/testing';

export const customer = (id: string) => ({ 'x-user-id': id, 'x-user-roles': 'customer', 'x-user-email': `${id}@example.com` });
export const staff = { 'x-user-id': 'staff-1', 'x-user-roles': 'staff', 'x-user-email': 'staff@example.com' };

export const card = { cardNumber: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' };
export const address = { name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'London', postalCode: 'N1 1AA', country: 'GB' };

let keys = 0;
export const newKey = () => `key-${process.pid}-${Date.now()}-${++keys}`;

/** POST /orders as a guest (default) or with the given principal headers. */
export function checkout(api: ApiClient, cartId: string, options: { key?: string; headers?: Record<string, string>; email?: string | null } = {}) {
  const email = options.email === null ? undefined : (options.email ?? 'guest@example.com');
  return api.post('/orders', { cartId, email, payment: card, shippingAddress: address }, { headers: { 'idempotency-key': options.key ?? newKey(), ...options.headers } });
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

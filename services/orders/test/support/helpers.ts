import { eventually as kitEventually } from '@emporium/kit/testing';
import { identityHeaders, testCard, type ApiClient } from '@emporium/kit/testing';

/** Headers of a request the gateway forwards for a signed-in user (a signed identity token). */
export const customer = (id: string) => identityHeaders({ userId: id, roles: 'customer', email: `${id}@example.com` });
export const staff = identityHeaders({ userId: 'staff-1', roles: 'staff', email: 'staff@example.com' });

export const card = testCard();
export const address = { name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'London', postalCode: 'N1 1AA', country: 'GB' };

let keys = 0;
export const newKey = () => `key-${process.pid}-${Date.now()}-${++keys}`;

/** POST /orders as a guest (default) or with the given principal headers. */
export function checkout(api: ApiClient, cartId: string, options: { key?: string; headers?: Record<string, string>; email?: string | null } = {}) {
  const email = options.email === null ? undefined : (options.email ?? 'guest@example.com');
  return api.post('/orders', { cartId, email, payment: card, shippingAddress: address }, { headers: { 'idempotency-key': options.key ?? newKey(), ...options.headers } });
}

/** The kit's `eventually`, with this suite's argument order. */
export const eventually = <T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, what = 'condition'): Promise<T> => kitEventually(check, what, timeoutMs);

import { api, body } from '../api/client.ts';
import type { Cart } from '../api/models.ts';

/** Which cart this browser uses: a guest cart's id, or the signed-in user's active cart. */
const storageKey = 'emporium.cart';
const listeners = new Set<() => void>();

export const storedCartId = (): string | null => localStorage.getItem(storageKey);

function setCartId(id: string | null): void {
  if (id) localStorage.setItem(storageKey, id);
  else localStorage.removeItem(storageKey);
  for (const listener of listeners) listener();
}

export function onCartIdChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const forgetCart = (): void => setCartId(null);

/** The cart to add to, created on first use (a user's own active cart when signed in). */
export async function ensureCartId(): Promise<string> {
  const existing = storedCartId();
  if (existing) return existing;
  const cart = await body<Cart>(api.POST('/api/v1/cart/carts'));
  setCartId(cart.id);
  return cart.id;
}

/** After sign-in: the guest cart's lines go into the user's cart, which becomes this browser's cart. */
export async function adoptUserCart(): Promise<void> {
  const guestCartId = storedCartId();
  if (guestCartId) await api.POST('/api/v1/cart/merge', { body: { guestCartId } }).catch(() => undefined);
  const mine = await body<Cart>(api.GET('/api/v1/cart/mine')).catch(() => undefined);
  setCartId(mine?.id ?? null);
}

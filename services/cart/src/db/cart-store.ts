import type { Cart } from '../domain/cart.ts';

/**
 * Where carts live: Redis when the service has one (distributed mode), else its own database.
 * Both keep the same guarantees, so the rest of the service does not know which it talks to.
 */
export interface CartStore {
  /** The cart, or null if it never existed or (a guest cart) expired. */
  get(id: string): Promise<Cart | null>;
  insert(cart: Cart): Promise<void>;
  /**
   * Reads the carts, applies `change` and writes what it returns, atomically: if another writer
   * changed one of them in between, the change is re-run on the fresh state (no lost updates).
   * `change` may throw to abort; a missing cart is a 404.
   */
  modify(ids: string[], change: (carts: Cart[]) => Cart[]): Promise<Cart[]>;
  /** The user's active cart, created with `create` when there is none (at most one per user). */
  activeCartOf(userId: string, create: () => Cart): Promise<{ cart: Cart; created: boolean }>;
}

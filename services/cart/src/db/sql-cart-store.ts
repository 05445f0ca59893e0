import { and, asc, eq, inArray } from 'drizzle-orm';
import { notFound, type Db } from '@emporium/kit';
import type { Cart } from '../domain/cart.ts';
import type { CartStore } from './cart-store.ts';
import { carts } from './schema.ts';

type CartRow = typeof carts.$inferSelect;

/** Carts in the service's own database; row locks keep concurrent changes from being lost. */
export class SqlCartStore implements CartStore {
  constructor(
    private readonly db: Db,
    private readonly guestTtlSeconds: number,
  ) {}

  async get(id: string): Promise<Cart | null> {
    const [row] = await this.db.select().from(carts).where(eq(carts.id, id));
    return row && this.isLive(row) ? toCart(row) : null;
  }

  async insert(cart: Cart): Promise<void> {
    await this.db.insert(carts).values(toRow(cart));
  }

  async modify(ids: string[], change: (carts: Cart[]) => Cart[]): Promise<Cart[]> {
    return this.db.transaction(async (tx) => {
      // Locked in id order so two transactions touching the same carts cannot deadlock.
      const rows = await tx.select().from(carts).where(inArray(carts.id, ids)).orderBy(asc(carts.id)).for('update');
      const byId = new Map(rows.filter((r) => this.isLive(r)).map((r) => [r.id, toCart(r)]));
      const current = ids.map((id) => {
        const cart = byId.get(id);
        if (!cart) throw notFound(`Cart ${id} not found`);
        return cart;
      });
      const next = change(current);
      for (const cart of next) await tx.update(carts).set(toRow(cart)).where(eq(carts.id, cart.id));
      return next;
    });
  }

  async activeCartOf(userId: string, create: () => Cart): Promise<{ cart: Cart; created: boolean }> {
    const existing = await this.findActive(userId);
    if (existing) return { cart: existing, created: false };
    const cart = create();
    // The partial unique index lets only one concurrent creator win; the others read its cart.
    const inserted = await this.db.insert(carts).values(toRow(cart)).onConflictDoNothing().returning({ id: carts.id });
    if (inserted.length) return { cart, created: true };
    const winner = await this.findActive(userId);
    if (!winner) throw new Error(`No active cart for ${userId} after a conflicting insert`);
    return { cart: winner, created: false };
  }

  private async findActive(userId: string): Promise<Cart | null> {
    const [row] = await this.db.select().from(carts).where(and(eq(carts.userId, userId), eq(carts.status, 'active')));
    return row ? toCart(row) : null;
  }

  /** Guest carts expire like their Redis counterparts: after the TTL without a change. */
  private isLive(row: CartRow): boolean {
    return row.userId !== null || Date.now() - row.updatedAt.getTime() < this.guestTtlSeconds * 1000;
  }
}

function toCart(row: CartRow): Cart {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

function toRow(cart: Cart): CartRow {
  return { ...cart, createdAt: new Date(cart.createdAt), updatedAt: new Date(cart.updatedAt) };
}

import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { conflict, unprocessable, type Db } from '@emporium/kit';
import type { DiscountCode, DiscountCodeState } from '../domain/discount.ts';
import { discountCodes, discountCodeUsages } from './schema.ts';

export type NewDiscountCode = Omit<DiscountCode, 'createdAt'>;

/** Discount codes and their usage, always in the service's own database (shared, durable config). */
export class DiscountCodeRepository {
  constructor(private readonly db: Db) {}

  async create(code: NewDiscountCode, createdBy: string): Promise<DiscountCodeState> {
    const [row] = await this.db
      .insert(discountCodes)
      .values({ ...code, expiresAt: code.expiresAt ? new Date(code.expiresAt) : null, createdBy })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`Discount code ${code.code} already exists`, { code: code.code });
    return toState(row);
  }

  async list(): Promise<DiscountCodeState[]> {
    const rows = await this.db.select().from(discountCodes).orderBy(discountCodes.code);
    return rows.map(toState);
  }

  async find(code: string): Promise<DiscountCodeState | null> {
    const [row] = await this.db.select().from(discountCodes).where(eq(discountCodes.code, code));
    return row ? toState(row) : null;
  }

  /**
   * Uses the code once for this cart's checkout (order `orderId`), or 422 when its usage limit
   * is reached. The count only moves through a conditional update (used_count < usage_limit),
   * which row locking makes atomic: concurrent checkouts cannot redeem past the limit.
   * A cart's use is counted once, however often its claim is repeated.
   */
  async redeem(code: string, cartId: string, orderId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const recorded = await tx.insert(discountCodeUsages).values({ code, cartId, orderId }).onConflictDoNothing().returning({ code: discountCodeUsages.code });
      if (recorded.length === 0) return;
      const counted = await tx
        .update(discountCodes)
        .set({ usedCount: sql`${discountCodes.usedCount} + 1` })
        .where(and(eq(discountCodes.code, code), or(isNull(discountCodes.usageLimit), lt(discountCodes.usedCount, discountCodes.usageLimit))))
        .returning({ usageLimit: discountCodes.usageLimit });
      if (counted.length === 0) {
        const [limited] = await tx.select({ usageLimit: discountCodes.usageLimit }).from(discountCodes).where(eq(discountCodes.code, code));
        // Throwing rolls the usage row back with it.
        throw unprocessable(`Discount code ${code} has reached its usage limit of ${limited?.usageLimit}`, { code, usageLimit: limited?.usageLimit });
      }
    });
  }

  /** Gives back the uses the checkout of `orderId` took from this cart (it failed). Idempotent. */
  async giveBack(cartId: string, orderId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const removed = await tx
        .delete(discountCodeUsages)
        .where(and(eq(discountCodeUsages.cartId, cartId), eq(discountCodeUsages.orderId, orderId)))
        .returning({ code: discountCodeUsages.code });
      for (const { code } of removed) {
        await tx.update(discountCodes).set({ usedCount: sql`${discountCodes.usedCount} - 1` }).where(eq(discountCodes.code, code));
      }
    });
  }
}

type CodeRow = typeof discountCodes.$inferSelect;

function toState(row: CodeRow): DiscountCodeState {
  return {
    code: row.code,
    kind: row.kind,
    value: row.value,
    currency: row.currency,
    minSubtotal: row.minSubtotal,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    usageLimit: row.usageLimit,
    createdAt: row.createdAt.toISOString(),
    usedCount: row.usedCount,
  };
}

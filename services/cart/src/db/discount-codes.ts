import { count, eq, sql } from 'drizzle-orm';
import { conflict, type Db } from '@emporium/kit';
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
    return { ...toCode(row), usedCount: 0 };
  }

  async list(): Promise<DiscountCodeState[]> {
    const rows = await this.selectWithUsage().orderBy(discountCodes.code);
    return rows.map(toState);
  }

  async find(code: string): Promise<DiscountCodeState | null> {
    const [row] = await this.selectWithUsage().where(eq(discountCodes.code, code));
    return row ? toState(row) : null;
  }

  /** Counts the code once for this cart, however often the checkout is repeated. */
  async recordUsage(code: string, cartId: string, orderId: string): Promise<void> {
    await this.db.insert(discountCodeUsages).values({ code, cartId, orderId }).onConflictDoNothing();
  }

  private selectWithUsage() {
    return this.db
      .select({ code: discountCodes, usedCount: count(discountCodeUsages.cartId) })
      .from(discountCodes)
      .leftJoin(discountCodeUsages, eq(discountCodeUsages.code, discountCodes.code))
      .groupBy(sql`${discountCodes.code}`)
      .$dynamic();
  }
}

type CodeRow = typeof discountCodes.$inferSelect;

function toCode(row: CodeRow): DiscountCode {
  return {
    code: row.code,
    kind: row.kind,
    value: row.value,
    currency: row.currency,
    minSubtotal: row.minSubtotal,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    usageLimit: row.usageLimit,
    createdAt: row.createdAt.toISOString(),
  };
}

function toState(row: { code: CodeRow; usedCount: number }): DiscountCodeState {
  return { ...toCode(row.code), usedCount: Number(row.usedCount) };
}

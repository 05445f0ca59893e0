import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db, Executor } from '@emporium/kit';
import { dailyDemand } from './schema.ts';
import { mergeLines, type RequestedLine } from '../domain/allocation.ts';
import type { DailyDemand } from '../domain/forecast.ts';

/** Adds paid units to the day's demand of each SKU. */
export async function recordDemand(tx: Executor, day: string, lines: RequestedLine[]): Promise<void> {
  for (const line of mergeLines(lines)) {
    await tx
      .insert(dailyDemand)
      .values({ sku: line.sku, day, quantity: line.quantity })
      .onConflictDoUpdate({ target: [dailyDemand.sku, dailyDemand.day], set: { quantity: sql`${dailyDemand.quantity} + excluded.quantity` } });
  }
}

/** Recorded (non-zero) days of a SKU from `from` on, oldest first. */
export async function demandSince(db: Db, sku: string, from: string): Promise<DailyDemand[]> {
  const rows = await db
    .select({ date: dailyDemand.day, quantity: dailyDemand.quantity })
    .from(dailyDemand)
    .where(and(eq(dailyDemand.sku, sku), gte(dailyDemand.day, from)))
    .orderBy(asc(dailyDemand.day));
  return rows;
}

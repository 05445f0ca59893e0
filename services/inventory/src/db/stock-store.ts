import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { writeEvent, notFound, type Executor } from '@emporium/kit';
import { stock, warehouses } from './schema.ts';
import { availableOf } from '../domain/allocation.ts';
import { crossedIntoLowStock } from '../domain/low-stock.ts';

export type StockRow = typeof stock.$inferSelect;
export interface StockValues {
  onHand: number;
  reserved: number;
  lowStockThreshold: number;
}

const lowStockState = (v: StockValues) => ({ available: availableOf(v), threshold: v.lowStockThreshold });

/**
 * Locks the stock rows of these SKUs, always in (sku, warehouse) order: every writer takes
 * row locks in that same order, so two transactions can never wait on each other in a cycle.
 */
export function lockStockRows(tx: Executor, skus: string[]): Promise<StockRow[]> {
  if (skus.length === 0) return Promise.resolve([]);
  return tx.select().from(stock).where(inArray(stock.sku, skus)).orderBy(asc(stock.sku), asc(stock.warehouseId)).for('update');
}

/** Creates the row (empty, default threshold) if missing, then locks and returns it. */
export async function lockOrCreateStockRow(tx: Executor, sku: string, warehouseId: string, defaultThreshold: number): Promise<StockRow> {
  const [warehouse] = await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, warehouseId));
  if (!warehouse) throw notFound(`Warehouse ${warehouseId} does not exist`);
  await tx.insert(stock).values({ sku, warehouseId, lowStockThreshold: defaultThreshold }).onConflictDoNothing();
  const [row] = await tx.select().from(stock).where(and(eq(stock.sku, sku), eq(stock.warehouseId, warehouseId))).for('update');
  return row!;
}

/**
 * The one way stock rows change: writes the new values and, in the same transaction, the
 * inventory.low_stock event when this change is the one that made the row low.
 */
export async function saveStock(tx: Executor, before: StockRow, next: StockValues): Promise<StockRow> {
  const [saved] = await tx
    .update(stock)
    .set({ ...next, updatedAt: sql`now()` })
    .where(and(eq(stock.sku, before.sku), eq(stock.warehouseId, before.warehouseId)))
    .returning();
  if (crossedIntoLowStock(lowStockState(before), lowStockState(next))) {
    await writeEvent(tx, 'inventory', 'inventory.low_stock', { sku: before.sku, warehouseId: before.warehouseId, available: availableOf(next), threshold: next.lowStockThreshold });
  }
  return saved!;
}

export interface StockView {
  sku: string;
  warehouses: Array<{ warehouseId: string; warehouseName: string; onHand: number; reserved: number; available: number; threshold: number; lowStock: boolean }>;
  totals: { onHand: number; reserved: number; available: number };
}

/** Per-warehouse stock of a SKU plus totals; a SKU nobody stocks has none of anything. */
export async function stockView(db: Executor, sku: string): Promise<StockView> {
  const rows = await db
    .select({ row: stock, warehouseName: warehouses.name })
    .from(stock)
    .innerJoin(warehouses, eq(warehouses.id, stock.warehouseId))
    .where(eq(stock.sku, sku))
    .orderBy(asc(stock.warehouseId));
  const perWarehouse = rows.map(({ row, warehouseName }) => {
    const available = availableOf(row);
    return { warehouseId: row.warehouseId, warehouseName, onHand: row.onHand, reserved: row.reserved, available, threshold: row.lowStockThreshold, lowStock: available < row.lowStockThreshold };
  });
  const sum = (pick: (w: (typeof perWarehouse)[number]) => number) => perWarehouse.reduce((total, w) => total + pick(w), 0);
  return { sku, warehouses: perWarehouse, totals: { onHand: sum((w) => w.onHand), reserved: sum((w) => w.reserved), available: sum((w) => w.available) } };
}

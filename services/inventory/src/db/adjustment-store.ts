import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { conflict, unprocessable, type Db, type Executor } from '@emporium/kit';
import { stockAdjustments } from './schema.ts';
import { lockOrCreateStockRow, saveStock, stockView, type StockRow, type StockView } from './stock-store.ts';

export const adjustmentReasons = ['received', 'damaged', 'correction', 'returned', 'other'] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

type AdjustmentRow = typeof stockAdjustments.$inferSelect;
export type AdjustmentView = Omit<AdjustmentRow, 'idempotencyKey' | 'createdAt'> & { createdAt: string };

const toView = ({ idempotencyKey: _key, createdAt, ...rest }: AdjustmentRow): AdjustmentView => ({ ...rest, createdAt: createdAt.toISOString() });

interface AdjustmentEntry {
  delta: number;
  reason: AdjustmentReason;
  note?: string;
  createdBy: string;
  idempotencyKey?: string;
}

async function insertAdjustment(tx: Executor, row: StockRow, onHandAfter: number, entry: AdjustmentEntry): Promise<AdjustmentView> {
  const [saved] = await tx
    .insert(stockAdjustments)
    .values({ id: randomUUID(), sku: row.sku, warehouseId: row.warehouseId, onHandAfter, ...entry, note: entry.note ?? null })
    .returning();
  return toView(saved!);
}

function assertCoversReserved(row: StockRow, onHand: number): void {
  if (onHand < row.reserved) {
    throw conflict(`On hand for SKU ${row.sku} in warehouse ${row.warehouseId} would be ${onHand}, below the ${row.reserved} units reserved`, {
      sku: row.sku,
      warehouseId: row.warehouseId,
      onHand: row.onHand,
      reserved: row.reserved,
    });
  }
}

export interface AdjustmentRequest extends AdjustmentEntry {
  sku: string;
  warehouseId: string;
}

/**
 * Changes on hand by `delta` and records why. With an Idempotency-Key the first result is
 * returned again for a retry; the key is checked after the row lock, so a concurrent retry
 * waits for the first attempt and then finds it.
 */
export async function adjustStock(db: Db, request: AdjustmentRequest, defaultThreshold: number): Promise<{ adjustment: AdjustmentView; replayed: boolean }> {
  return db.transaction(async (tx) => {
    const row = await lockOrCreateStockRow(tx, request.sku, request.warehouseId, defaultThreshold);
    if (request.idempotencyKey) {
      const [previous] = await tx.select().from(stockAdjustments).where(eq(stockAdjustments.idempotencyKey, request.idempotencyKey));
      if (previous) {
        const same = previous.sku === request.sku && previous.warehouseId === request.warehouseId && previous.delta === request.delta && previous.reason === request.reason;
        if (!same) throw unprocessable('This Idempotency-Key was already used for a different adjustment');
        return { adjustment: toView(previous), replayed: true };
      }
    }
    const onHand = row.onHand + request.delta;
    assertCoversReserved(row, onHand);
    await saveStock(tx, row, { ...row, onHand });
    return { adjustment: await insertAdjustment(tx, row, onHand, request), replayed: false };
  });
}

export interface SetStockRequest {
  sku: string;
  warehouseId: string;
  onHand?: number;
  threshold?: number;
  setBy: string;
}

/** Sets on hand and/or the threshold; a change of on hand is kept in the history as a correction. */
export async function setStock(db: Db, request: SetStockRequest, defaultThreshold: number): Promise<StockView> {
  return db.transaction(async (tx) => {
    const row = await lockOrCreateStockRow(tx, request.sku, request.warehouseId, defaultThreshold);
    const onHand = request.onHand ?? row.onHand;
    assertCoversReserved(row, onHand);
    await saveStock(tx, row, { ...row, onHand, lowStockThreshold: request.threshold ?? row.lowStockThreshold });
    if (onHand !== row.onHand) {
      await insertAdjustment(tx, row, onHand, { delta: onHand - row.onHand, reason: 'correction', note: `on hand set to ${onHand}`, createdBy: request.setBy });
    }
    return stockView(tx, request.sku);
  });
}

export async function listAdjustments(db: Db, sku: string, filter: { warehouseId?: string; limit: number }): Promise<AdjustmentView[]> {
  const conditions = [eq(stockAdjustments.sku, sku)];
  if (filter.warehouseId) conditions.push(eq(stockAdjustments.warehouseId, filter.warehouseId));
  const rows = await db
    .select()
    .from(stockAdjustments)
    .where(and(...conditions))
    .orderBy(desc(stockAdjustments.createdAt), desc(stockAdjustments.id))
    .limit(filter.limit);
  return rows.map(toView);
}

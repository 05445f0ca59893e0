import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { conflict, type Db, type UnitOfWork, type Executor, type Tx } from '@emporium/kit';
import { stockAdjustments } from './schema.ts';
import { lockOrCreateStockRow, saveStock, stockView, type StockRow, type StockView } from './stock-store.ts';

export const adjustmentReasons = ['received', 'damaged', 'correction', 'returned', 'other'] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

type AdjustmentRow = typeof stockAdjustments.$inferSelect;
export type AdjustmentView = Omit<AdjustmentRow, 'createdAt'> & { createdAt: string };

const toView = ({ createdAt, ...rest }: AdjustmentRow): AdjustmentView => ({ ...rest, createdAt: createdAt.toISOString() });

interface AdjustmentEntry {
  delta: number;
  reason: AdjustmentReason;
  note?: string;
  createdBy: string;
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
 * Changes on hand by `delta` and records why. `recorded` runs in the same transaction with the
 * result (the route stores the Idempotency-Key's answer there, so the two commit together).
 */
export async function adjustStock(
  unitOfWork: UnitOfWork,
  request: AdjustmentRequest,
  defaultThreshold: number,
  recorded: (tx: Tx, adjustment: AdjustmentView) => Promise<void> = async () => {},
): Promise<AdjustmentView> {
  return unitOfWork(async (tx) => {
    const row = await lockOrCreateStockRow(tx, request.sku, request.warehouseId, defaultThreshold);
    const onHand = row.onHand + request.delta;
    assertCoversReserved(row, onHand);
    await saveStock(tx, row, { ...row, onHand });
    const adjustment = await insertAdjustment(tx, row, onHand, request);
    await recorded(tx, adjustment);
    return adjustment;
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
export async function setStock(unitOfWork: UnitOfWork, request: SetStockRequest, defaultThreshold: number): Promise<StockView> {
  return unitOfWork(async (tx) => {
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

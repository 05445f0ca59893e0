import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { conflict, notFound, writeEvent, type Db, type UnitOfWork, type Executor } from '@emporium/kit';
import { reservationLines, reservations } from './schema.ts';
import { lockStockRows, saveStock } from './stock-store.ts';
import { allocate, mergeLines, type RequestedLine } from '../domain/allocation.ts';
import { decideCommit, decideRelease, effectiveStatus, type ReservationStatus } from '../domain/reservation.ts';

export interface ReservationView {
  orderId: string;
  status: ReservationStatus;
  expiresAt: string;
  lines: Array<{ sku: string; quantity: number; allocations: Array<{ warehouseId: string; quantity: number }> }>;
}

type LineRow = typeof reservationLines.$inferSelect;
type ReservationRow = typeof reservations.$inferSelect;

async function loadView(tx: Executor, orderId: string, now: Date): Promise<ReservationView | null> {
  const [reservation] = await tx.select().from(reservations).where(eq(reservations.orderId, orderId));
  return reservation ? viewOf(tx, reservation, now) : null;
}

/** The view of a reservation row the caller already has, with its lines. */
async function viewOf(tx: Executor, reservation: ReservationRow, now: Date): Promise<ReservationView> {
  const { orderId } = reservation;
  const rows = await tx.select().from(reservationLines).where(eq(reservationLines.orderId, orderId)).orderBy(asc(reservationLines.sku), asc(reservationLines.warehouseId));
  const lines = mergeLines(rows).map((line) => ({
    ...line,
    allocations: rows.filter((r) => r.sku === line.sku).map((r) => ({ warehouseId: r.warehouseId, quantity: r.quantity })),
  }));
  return { orderId, status: effectiveStatus(reservation.status as ReservationStatus, reservation.expiresAt, now), expiresAt: reservation.expiresAt.toISOString(), lines };
}

export async function getReservation(db: Db, orderId: string): Promise<ReservationView> {
  const view = await loadView(db, orderId, new Date());
  if (!view) throw notFound(`No reservation for order ${orderId}`);
  return view;
}

export interface ReserveRequest {
  orderId: string;
  lines: RequestedLine[];
  ttlSeconds: number;
}

/**
 * Holds stock for every line or for none, in one transaction. The reservation row is claimed
 * first (a concurrent retry of the same order waits on it, then replays); stock rows are then
 * locked in a fixed order, so parallel orders queue up instead of overselling or deadlocking.
 */
export async function reserve(unitOfWork: UnitOfWork, request: ReserveRequest): Promise<{ reservation: ReservationView; created: boolean }> {
  return unitOfWork(async (tx) => {
    const now = new Date();
    const claimed = await tx
      .insert(reservations)
      .values({ orderId: request.orderId, status: 'reserved', expiresAt: new Date(now.getTime() + request.ttlSeconds * 1000) })
      .onConflictDoNothing()
      .returning();
    const [reservation] = claimed;
    if (!reservation) return { reservation: (await loadView(tx, request.orderId, now))!, created: false };

    const skus = [...new Set(request.lines.map((l) => l.sku))].sort();
    const rows = await lockStockRows(tx, skus);
    const result = allocate(request.lines, rows);
    if (!result.ok) throw conflict(`Insufficient stock for SKU ${result.shortage.sku}`, { ...result.shortage });

    for (const allocation of result.allocations) {
      const row = rows.find((r) => r.sku === allocation.sku && r.warehouseId === allocation.warehouseId)!;
      await saveStock(tx, row, { ...row, reserved: row.reserved + allocation.quantity });
    }
    await tx.insert(reservationLines).values(result.allocations.map((a) => ({ orderId: request.orderId, ...a })));
    return { reservation: await viewOf(tx, reservation, now), created: true };
  });
}

/** Gives the held units back (releasing) or takes them out of on hand for good (committing). */
async function settleLines(tx: Executor, lines: LineRow[], mode: 'release' | 'commit'): Promise<void> {
  const rows = await lockStockRows(tx, [...new Set(lines.map((l) => l.sku))].sort());
  for (const line of lines) {
    const row = rows.find((r) => r.sku === line.sku && r.warehouseId === line.warehouseId)!;
    const onHand = mode === 'commit' ? row.onHand - line.quantity : row.onHand;
    await saveStock(tx, row, { ...row, onHand, reserved: row.reserved - line.quantity });
  }
}

async function lockReservation(tx: Executor, orderId: string, skipLocked = false) {
  const [reservation] = await tx.select().from(reservations).where(eq(reservations.orderId, orderId)).for('update', skipLocked ? { skipLocked: true } : {});
  if (!reservation) return null;
  const lines = await tx.select().from(reservationLines).where(eq(reservationLines.orderId, orderId));
  return { ...reservation, status: reservation.status as ReservationStatus, lines };
}

async function setStatus(tx: Executor, orderId: string, status: ReservationStatus): Promise<void> {
  await tx.update(reservations).set({ status, updatedAt: sql`now()` }).where(eq(reservations.orderId, orderId));
}

async function releaseHeld(tx: Executor, orderId: string, lines: LineRow[], status: 'released' | 'expired'): Promise<void> {
  await settleLines(tx, lines, 'release');
  await setStatus(tx, orderId, status);
}

/** Releasing is idempotent: unknown, already released or expired reservations are fine. */
export async function release(unitOfWork: UnitOfWork, orderId: string): Promise<void> {
  await unitOfWork(async (tx) => {
    const reservation = await lockReservation(tx, orderId);
    if (!reservation) return;
    const decision = decideRelease(reservation.status);
    if (decision === 'reject') throw conflict(`Reservation for order ${orderId} is already committed`, { orderId, reservationStatus: reservation.status });
    if (decision === 'release') await releaseHeld(tx, orderId, reservation.lines, 'released');
  });
}

/** Turns held units into shipped ones and announces it; a lapsed hold is released and refused. */
export async function commit(unitOfWork: UnitOfWork, orderId: string): Promise<void> {
  const outcome = await unitOfWork(async (tx) => {
    const reservation = await lockReservation(tx, orderId);
    if (!reservation) throw notFound(`No reservation for order ${orderId}`);
    const decision = decideCommit(reservation.status, reservation.expiresAt, new Date());
    if (decision === 'commit') {
      await settleLines(tx, reservation.lines, 'commit');
      await setStatus(tx, orderId, 'committed');
      await writeEvent(tx, 'inventory', 'inventory.committed', { orderId, lines: mergeLines(reservation.lines) });
    }
    // Expiring here rather than throwing inside the transaction keeps the release committed.
    if (decision === 'expire_then_reject') await releaseHeld(tx, orderId, reservation.lines, 'expired');
    return { decision, status: decision === 'expire_then_reject' ? 'expired' : reservation.status };
  });
  if (outcome.decision === 'expire_then_reject' || outcome.decision === 'reject') {
    throw conflict(`Reservation for order ${orderId} is ${outcome.status} and cannot be committed`, { orderId, reservationStatus: outcome.status });
  }
}

/**
 * Releases holds whose time is up. Rows are re-checked under their lock and skipped when another
 * replica's sweeper holds them, so replicas can sweep at the same time.
 */
export async function expireDue(db: Db, unitOfWork: UnitOfWork, now: Date, batchSize = 100): Promise<number> {
  const due = await db
    .select({ orderId: reservations.orderId })
    .from(reservations)
    .where(and(eq(reservations.status, 'reserved'), lte(reservations.expiresAt, now)))
    .orderBy(asc(reservations.expiresAt))
    .limit(batchSize);
  let expired = 0;
  for (const { orderId } of due) {
    const done = await unitOfWork(async (tx) => {
      const reservation = await lockReservation(tx, orderId, true);
      if (!reservation || reservation.status !== 'reserved' || reservation.expiresAt > now) return false;
      await releaseHeld(tx, orderId, reservation.lines, 'expired');
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}

/** Stock of one SKU in one warehouse, as far as reserving is concerned. */
export interface StockLevel {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
}

export interface RequestedLine {
  sku: string;
  quantity: number;
}

export interface Allocation {
  sku: string;
  warehouseId: string;
  quantity: number;
}

export interface Shortage {
  sku: string;
  requested: number;
  available: number;
}

export type AllocationResult = { ok: true; allocations: Allocation[] } | { ok: false; shortage: Shortage };

/** Units that can still be promised; never negative even if the inputs were inconsistent. */
export function availableOf(level: Pick<StockLevel, 'onHand' | 'reserved'>): number {
  return Math.max(0, level.onHand - level.reserved);
}

/** Sums repeated SKUs so each SKU is allocated once, keeping first-seen order. */
export function mergeLines(lines: RequestedLine[]): RequestedLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return [...totals].map(([sku, quantity]) => ({ sku, quantity }));
}

/**
 * Decides where every line's units come from, all lines or none. Each line takes from the
 * warehouse with the most available first (fewest splits, keeps small sites from running dry),
 * then the next, so one line may span warehouses. Ties go to the lower warehouse id so the
 * outcome is deterministic.
 */
export function allocate(lines: RequestedLine[], levels: StockLevel[]): AllocationResult {
  const allocations: Allocation[] = [];
  for (const line of mergeLines(lines)) {
    const candidates = levels
      .filter((level) => level.sku === line.sku && availableOf(level) > 0)
      .sort((a, b) => availableOf(b) - availableOf(a) || a.warehouseId.localeCompare(b.warehouseId));
    const total = candidates.reduce((sum, level) => sum + availableOf(level), 0);
    if (total < line.quantity) return { ok: false, shortage: { sku: line.sku, requested: line.quantity, available: total } };
    let remaining = line.quantity;
    for (const level of candidates) {
      if (remaining === 0) break;
      const take = Math.min(remaining, availableOf(level));
      allocations.push({ sku: line.sku, warehouseId: level.warehouseId, quantity: take });
      remaining -= take;
    }
  }
  return { ok: true, allocations };
}

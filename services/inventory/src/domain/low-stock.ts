export interface LowStockState {
  available: number;
  threshold: number;
}

export function isLowStock(state: LowStockState): boolean {
  return state.available < state.threshold;
}

/**
 * True only when a change moves a stock row from "fine" to "low", so an alert fires once on the
 * crossing and not again for every further change while it stays low.
 */
export function crossedIntoLowStock(before: LowStockState, after: LowStockState): boolean {
  return !isLowStock(before) && isLowStock(after);
}

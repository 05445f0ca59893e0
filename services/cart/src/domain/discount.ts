/** Discount code rules: pure, so the same checks run when a code is applied and on every read. */

export type DiscountKind = 'percentage' | 'fixed';

export interface DiscountCode {
  code: string;
  kind: DiscountKind;
  /** percentage: whole percent 1..100; fixed: minor units. */
  value: number;
  /** Required for fixed amounts and minimum subtotals, whose numbers only mean something in one currency. */
  currency: string | null;
  minSubtotal: number | null;
  expiresAt: string | null;
  usageLimit: number | null;
  createdAt: string;
}

/** A code with how many checked-out carts have used it. */
export interface DiscountCodeState extends DiscountCode {
  usedCount: number;
}

export interface DiscountContext {
  subtotal: number;
  currency: string | null;
  now: Date;
  /** False once this cart's own use is already in usedCount (a checked-out cart). */
  countsTowardLimit: boolean;
}

export type DiscountCheck =
  | { ok: true; amount: number }
  | { ok: false; status: 404 | 422; reason: string; extensions: Record<string, unknown> };

/** Percentages round half up; a discount never exceeds the subtotal. */
export function discountAmount(kind: DiscountKind, value: number, subtotal: number): number {
  const raw = kind === 'percentage' ? Math.floor((subtotal * value + 50) / 100) : value;
  return Math.max(0, Math.min(raw, subtotal));
}

/** Whether `code` applies to a cart in this state, and for how much. */
export function checkDiscount(codeName: string, code: DiscountCodeState | null, ctx: DiscountContext): DiscountCheck {
  if (!code) return fail(404, `Discount code ${codeName} does not exist`, { code: codeName });
  if (code.expiresAt && Date.parse(code.expiresAt) <= ctx.now.getTime()) {
    return fail(422, `Discount code ${code.code} expired at ${code.expiresAt}`, { code: code.code, expiresAt: code.expiresAt });
  }
  if (code.currency && ctx.currency && code.currency !== ctx.currency) {
    return fail(422, `Discount code ${code.code} is only valid for ${code.currency} carts`, { code: code.code, currency: code.currency });
  }
  if (code.minSubtotal !== null && ctx.subtotal < code.minSubtotal) {
    const missing = code.minSubtotal - ctx.subtotal;
    return fail(422, `Discount code ${code.code} needs a subtotal of at least ${code.minSubtotal}; add ${missing} more (minor units of ${code.currency})`, {
      code: code.code,
      minSubtotal: code.minSubtotal,
      subtotal: ctx.subtotal,
      missing,
    });
  }
  if (ctx.countsTowardLimit && code.usageLimit !== null && code.usedCount >= code.usageLimit) {
    return fail(422, `Discount code ${code.code} has reached its usage limit of ${code.usageLimit}`, { code: code.code, usageLimit: code.usageLimit });
  }
  return { ok: true, amount: discountAmount(code.kind, code.value, ctx.subtotal) };
}

function fail(status: 404 | 422, reason: string, extensions: Record<string, unknown>): DiscountCheck {
  return { ok: false, status, reason, extensions };
}

/**
 * Currency exponents (ISO 4217 minor units) and the conversion some provider APIs need from
 * integer minor units to a decimal major-unit amount. Done on digit strings, not by dividing
 * floats, so 1999 EUR becomes exactly 19.99 and 1999 JPY stays 1999.
 */

/** Currencies whose minor unit is not 1/100. Everything else has exponent 2. */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function currencyExponent(currency: string): number {
  return EXPONENT_EXCEPTIONS[currency.toUpperCase()] ?? 2;
}

/** 1999 EUR → 19.99; 1999 CLP → 1999; 5 KWD → 0.005. */
export function minorToDecimal(amount: number, currency: string): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be a non-negative integer in minor units');
  const exponent = currencyExponent(currency);
  if (exponent === 0) return amount;
  const digits = String(amount).padStart(exponent + 1, '0');
  return Number(`${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`);
}

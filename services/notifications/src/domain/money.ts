/**
 * Formats integer minor units for people ("$12.34", "12,34 €") without ever going through a
 * float: the decimal string is built from the integer and Intl formats the string exactly.
 */
export function formatMinorUnits(minor: number, currency: string, locale: string): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const sign = minor < 0 ? '-' : '';
  const units = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  // Intl.NumberFormat accepts decimal strings (NumberFormat v3) and formats them without rounding through a double.
  return formatter.format(`${sign}${decimal}` as unknown as number);
}

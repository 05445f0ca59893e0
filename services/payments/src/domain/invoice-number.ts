/** Invoice numbers run per calendar year (UTC) without gaps: INV-2026-000001, INV-2026-000002, ... */
export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError('year must have four digits');
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  return `INV-${year}-${String(sequence).padStart(6, '0')}`;
}

export function invoiceYear(issuedAt: Date): number {
  return issuedAt.getUTCFullYear();
}

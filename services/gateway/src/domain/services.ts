/** The services behind the gateway (every service of the design except the gateway itself). */
export const upstreamServices = [
  'catalog',
  'cart',
  'orders',
  'payments',
  'users',
  'inventory',
  'returns',
  'notifications',
  'analytics',
  'support',
  'crm',
  'finance',
] as const;

/** Known services plus any extra ones configured (comma list), without duplicates. */
export function knownServices(extra: string | undefined): string[] {
  const extras = (extra ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return [...new Set<string>([...upstreamServices, ...extras])];
}

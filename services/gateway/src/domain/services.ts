import { serviceManifests } from '@emporium/contracts';

/** The services behind the gateway: every service of the manifests (planned ones answer 503) but the edge itself. */
export const upstreamServices: readonly string[] = serviceManifests.filter((m) => !m.edge).map((m) => m.name);

/** Known services plus any extra ones configured (comma list), without duplicates. */
export function knownServices(extra: string | undefined): string[] {
  const extras = (extra ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return [...new Set<string>([...upstreamServices, ...extras])];
}

import type { AccessRule, ServiceManifest } from './manifest.ts';
import { gatewayManifest } from './gateway.ts';
import { catalogManifest } from './catalog.ts';
import { cartManifest } from './cart.ts';
import { ordersManifest } from './orders.ts';
import { paymentsManifest } from './payments.ts';
import { usersManifest } from './users.ts';
import { inventoryManifest } from './inventory.ts';
import { notificationsManifest } from './notifications.ts';
import { plannedManifests } from './planned.ts';

export * from './manifest.ts';
export * from './gateway.ts';
export * from './catalog.ts';
export * from './cart.ts';
export * from './orders.ts';
export * from './payments.ts';
export * from './users.ts';
export * from './inventory.ts';
export * from './notifications.ts';

/**
 * THE list of services. Adding a service: its folder under services/, its manifest next to these,
 * and one line here (`npm run new:service <name>` does all three); everything else derives from it.
 */
const builtManifests: readonly ServiceManifest[] = [
  gatewayManifest,
  catalogManifest,
  cartManifest,
  ordersManifest,
  paymentsManifest,
  usersManifest,
  inventoryManifest,
  notificationsManifest,
  // new services above this line
];

/** Every service of the design: the built ones, then the planned ones not built yet. */
export const serviceManifests: readonly ServiceManifest[] = [...builtManifests, ...plannedManifests.filter((p) => !builtManifests.some((m) => m.name === p.name))];

export const runningServices = (manifests: readonly ServiceManifest[] = serviceManifests) => manifests.filter((m) => m.status === 'running');

/** Default ports by service name (a service's own default, and where others find it on one machine). */
export const defaultPortsOf = (manifests: readonly ServiceManifest[] = serviceManifests): Record<string, number> =>
  Object.fromEntries(manifests.map((m) => [m.name, m.port]));

/** The gateway's access table: every service's rules in list order (each rule matches only its own service's paths). */
export const accessRulesOf = (manifests: readonly ServiceManifest[] = serviceManifests): AccessRule[] => manifests.flatMap((m) => m.access);

/**
 * Start order of the running services: a consumer starts before the producers of the events it
 * consumes (so it hears their first events, e.g. inventory stocks the catalog's demo products),
 * after the services named in `startsAfter`; the edge starts last. Ties keep list order. A cycle
 * is an error naming the services in it.
 */
export function startOrder(manifests: readonly ServiceManifest[] = serviceManifests): string[] {
  const services = runningServices(manifests).filter((m) => !m.edge);
  const names = new Set(services.map((m) => m.name));
  const before = new Map<string, Set<string>>(services.map((m) => [m.name, new Set<string>()]));
  for (const producer of services) {
    for (const consumer of services) {
      if (consumer !== producer && consumer.consumes.some((e) => (producer.publishes as readonly string[]).includes(e))) before.get(producer.name)!.add(consumer.name);
    }
    for (const dependency of producer.startsAfter ?? []) if (names.has(dependency)) before.get(producer.name)!.add(dependency);
  }
  const order: string[] = [];
  while (order.length < services.length) {
    const next = services.find((m) => !order.includes(m.name) && [...before.get(m.name)!].every((d) => order.includes(d)));
    if (!next) throw new Error(`Start order has a cycle among: ${services.filter((m) => !order.includes(m.name)).map((m) => m.name).join(', ')}`);
    order.push(next.name);
  }
  return [...order, ...runningServices(manifests).filter((m) => m.edge).map((m) => m.name)];
}

export function manifestOf(name: string, manifests: readonly ServiceManifest[] = serviceManifests): ServiceManifest {
  const manifest = manifests.find((m) => m.name === name);
  if (!manifest) throw new Error(`No manifest for service "${name}"`);
  return manifest;
}

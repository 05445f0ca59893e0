import { existsSync } from 'node:fs';
import type { ServiceModule } from '@emporium/kit';

/**
 * Start order: event consumers before the producers whose first events they need (inventory
 * stocks the catalog's demo products from product.created), services others call before their
 * callers, the gateway last.
 */
export const serviceOrder = ['users', 'notifications', 'inventory', 'catalog', 'payments', 'cart', 'orders', 'gateway'];

/** The platform's service modules, for the supervisor, the seed script and the benchmarks. */
export async function platformServices(): Promise<ServiceModule[]> {
  const modules: ServiceModule[] = [];
  for (const name of serviceOrder) {
    const entry = new URL(`../services/${name}/src/app.ts`, import.meta.url);
    if (!existsSync(entry)) continue;
    modules.push((await import(entry.href)).service as ServiceModule);
  }
  return modules;
}

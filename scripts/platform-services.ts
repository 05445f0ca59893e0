import { existsSync } from 'node:fs';
import type { ServiceModule } from '@emporium/kit';
import { startOrder } from '@emporium/contracts';

/** Start order, from the service manifests: event consumers before their producers, the gateway last. */
export const serviceOrder = startOrder();

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

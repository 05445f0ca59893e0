import type { Logger } from 'pino';
import type { ServiceDirectory } from '@emporium/kit';
import type { Health, InstanceRegistry } from '../domain/registry.ts';
import type { UpstreamPool } from './pool.ts';

export interface HealthCheckerOptions {
  services: readonly string[];
  registry: InstanceRegistry;
  directory: ServiceDirectory;
  pool: UpstreamPool;
  timeoutMs: number;
  logger: Logger;
}

/** Probes `GET <instance>/health` of every known instance and records the result (the app runs `sweep` periodically). */
export class HealthChecker {
  constructor(private readonly options: HealthCheckerOptions) {}

  async check(service: string, url: string): Promise<Health> {
    const health = await probe(url, this.options.timeoutMs);
    const before = this.options.registry.instances(service, this.options.directory.urls(service), Date.now()).find((i) => i.url === url)?.health;
    this.options.registry.markHealth(service, url, health, Date.now());
    if (before !== health) this.options.logger.info({ service, url, health }, 'instance health changed');
    return health;
  }

  /** One round over all instances. */
  async sweep(): Promise<void> {
    const { services, registry, directory, pool } = this.options;
    const instances = services.flatMap((service) => registry.instances(service, directory.urls(service), Date.now()));
    await Promise.all(instances.map((i) => this.check(i.service, i.url)));
    pool.retain(new Set(instances.map((i) => i.url)));
  }
}

async function probe(url: string, timeoutMs: number): Promise<Health> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok ? 'healthy' : 'unhealthy';
  } catch {
    return 'unhealthy';
  }
}

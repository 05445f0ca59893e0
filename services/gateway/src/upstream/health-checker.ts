import type { Logger } from 'pino';
import type { ServiceDirectory } from '@emporium/kit';
import type { Health, InstanceRegistry } from '../domain/registry.ts';
import type { UpstreamPool } from './pool.ts';

export interface HealthCheckerOptions {
  services: readonly string[];
  registry: InstanceRegistry;
  directory: ServiceDirectory;
  pool: UpstreamPool;
  intervalMs: number;
  timeoutMs: number;
  logger: Logger;
}

/** Probes `GET <instance>/health` of every known instance on a timer and records the result. */
export class HealthChecker {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(private readonly options: HealthCheckerOptions) {}

  start(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs);
    this.timer.unref(); // never keeps the process alive on its own
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One round over all instances; a round still running is not started twice. */
  sweep(): Promise<void> {
    this.sweeping ??= this.checkAll().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  async check(service: string, url: string): Promise<Health> {
    const health = await probe(url, this.options.timeoutMs);
    const before = this.options.registry.instances(service, this.options.directory.urls(service), Date.now()).find((i) => i.url === url)?.health;
    this.options.registry.markHealth(service, url, health, Date.now());
    if (before !== health) this.options.logger.info({ service, url, health }, 'instance health changed');
    return health;
  }

  private async checkAll(): Promise<void> {
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

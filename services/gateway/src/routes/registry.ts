import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { forbidden, notFound, unauthorized, type ServiceApp, type ServiceDirectory } from '@emporium/kit';
import { decide } from '../domain/rbac.ts';
import type { InstanceRegistry } from '../domain/registry.ts';
import { principalOf } from '../auth/authentication.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { HealthChecker } from '../upstream/health-checker.ts';

export interface RegistryRouteOptions {
  registry: InstanceRegistry;
  directory: ServiceDirectory;
  pool: UpstreamPool;
  healthChecker: HealthChecker;
  services: readonly string[];
  registryToken?: string;
}

const heartbeatBody = z.object({
  service: z.string().min(1).max(64),
  url: z.url({ protocol: /^https?$/ }).max(2048),
});

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export async function registryRoutes(app: ServiceApp, options: RegistryRouteOptions): Promise<void> {
  const { registry, directory, pool, healthChecker, services } = options;

  app.post(
    '/registry/heartbeat',
    {
      schema: { body: heartbeatBody, headers: z.object({ 'x-registry-token': z.string().max(512).optional() }) },
      // Many instances behind one address heartbeat often: not a client to throttle.
      config: { rateLimit: false },
    },
    async (request) => {
      if (options.registryToken && !sameSecret(request.headers['x-registry-token'], options.registryToken)) throw unauthorized('A valid x-registry-token is required');
      const { service, url } = request.body;
      if (!services.includes(service)) throw notFound(`No service named "${service}"`);
      const instance = registry.heartbeat(service, url, Date.now());
      // A newcomer gets traffic once it is seen healthy; check it now rather than at the next round.
      if (instance.health === 'unknown') void healthChecker.check(service, instance.url);
      return { service, url: instance.url, expiresAt: iso(instance.expiresAt) };
    },
  );

  app.get('/registry', async (request) => {
    const decision = decide(['admin'], principalOf(request));
    if (decision === 'unauthenticated') throw unauthorized();
    if (decision === 'forbidden') throw forbidden('Only admins may see the registry');
    const now = Date.now();
    return {
      services: services.map((name) => ({
        name,
        instances: registry.instances(name, directory.urls(name), now).map((i) => ({
          url: i.url,
          source: i.source,
          health: i.health,
          circuit: pool.circuitState(i.url),
          lastCheckedAt: iso(i.lastCheckedAt),
          expiresAt: iso(i.expiresAt),
        })),
      })),
    };
  });
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

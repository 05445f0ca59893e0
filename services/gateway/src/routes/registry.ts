import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { badRequest, forbidden, notFound, unauthorized, type ServiceApp, type ServiceDirectory } from '@emporium/kit';
import { decide } from '../domain/rbac.ts';
import { instanceUrlProblem, type InstanceRegistry } from '../domain/registry.ts';
import { principalOf } from '../auth/authentication.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { HealthChecker } from '../upstream/health-checker.ts';

export interface HeartbeatRouteOptions {
  registry: InstanceRegistry;
  healthChecker: HealthChecker;
  services: readonly string[];
  registryToken: string;
  allowedHosts: readonly string[];
}

export interface RegistryRouteOptions {
  registry: InstanceRegistry;
  directory: ServiceDirectory;
  pool: UpstreamPool;
  services: readonly string[];
}

const heartbeatBody = z.object({
  service: z.string().min(1).max(64),
  url: z.string().min(1).max(2048),
});

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/**
 * `POST /registry/heartbeat`: an instance announces itself. Served on the public port on one
 * machine, or on its own private listener (REGISTRY_PORT) in a cluster.
 */
export async function heartbeatRoutes(app: ServiceApp, options: HeartbeatRouteOptions): Promise<void> {
  const { registry, healthChecker, services } = options;
  app.post(
    '/registry/heartbeat',
    {
      schema: { body: heartbeatBody, headers: z.object({ 'x-registry-token': z.string().max(512).optional() }) },
      // Many instances behind one address heartbeat often: not a client to throttle.
      config: { rateLimit: false },
      // Authenticated before the body is even parsed: strangers learn nothing about what is valid.
      onRequest: async (request) => {
        if (!sameSecret(request.headers['x-registry-token'], options.registryToken)) throw unauthorized('A valid x-registry-token is required');
      },
    },
    async (request) => {
      const { service, url } = request.body;
      if (!services.includes(service)) throw notFound(`No service named "${service}"`);
      const problem = instanceUrlProblem(url, options.allowedHosts);
      if (problem) throw badRequest(problem, { field: 'body.url' });
      const instance = registry.heartbeat(service, url, Date.now());
      // A newcomer gets traffic once it is seen healthy; check it now rather than at the next round.
      if (instance.health === 'unknown') void healthChecker.check(service, instance.url);
      return { service, url: instance.url, expiresAt: iso(instance.expiresAt) };
    },
  );
}

/** `GET /registry`: what the gateway routes to, for admins. */
export async function registryRoutes(app: ServiceApp, options: RegistryRouteOptions): Promise<void> {
  const { registry, directory, pool, services } = options;
  app.get('/registry', async (request) => {
    const decision = decide({ permission: 'registry:read' }, principalOf(request));
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

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

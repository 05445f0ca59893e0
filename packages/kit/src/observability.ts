import { Registry, collectDefaultMetrics, Histogram } from 'prom-client';
import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<boolean>;
}

/** /health (the process answers), /ready (its dependencies answer) and Prometheus /metrics. */
export function registerObservability(app: FastifyInstance<any, any, any, any, any>, service: string, checks: ReadinessCheck[]): Registry {
  // One registry per service: in embedded mode several services share a process.
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const quiet = { logLevel: 'warn' as const, schema: { hide: true } };
  app.get('/health', quiet, async () => ({ status: 'ok', service }));
  app.get('/ready', quiet, async (_request, reply) => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await c.check().catch(() => false)] as const));
    const failing = results.filter(([, ok]) => !ok).map(([name]) => name);
    const body = { status: failing.length ? 'unavailable' : 'ready', service, checks: Object.fromEntries(results) };
    return reply.code(failing.length ? 503 : 200).send(body);
  });
  app.get('/metrics', quiet, async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  return registry;
}

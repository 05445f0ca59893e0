import { gatewayManifest } from '@emporium/contracts';
import rateLimit from '@fastify/rate-limit';
import { createServiceApp, every, HttpProblem, type ServiceDeps, type ServiceModule, type ServiceApp } from '@emporium/kit';
import { loadGatewayConfig } from './config.ts';
import { knownServices } from './domain/services.ts';
import { InstanceRegistry } from './domain/registry.ts';
import { clientIp } from './domain/headers.ts';
import type { OpenApiDocument } from './domain/openapi.ts';
import { TokenVerifier } from './auth/token-verifier.ts';
import { authenticate, principalOf, rejectInvalidToken, requestState } from './auth/authentication.ts';
import { followRevocations, rejectRevokedTokens, revocationStore } from './auth/revocations.ts';
import { UpstreamPool } from './upstream/pool.ts';
import { HealthChecker } from './upstream/health-checker.ts';
import { OpenApiCollector } from './upstream/openapi-collector.ts';
import { proxyRoutes } from './routes/proxy.ts';
import { heartbeatRoutes, registryRoutes, type HeartbeatRouteOptions } from './routes/registry.ts';
import { docsRoutes } from './routes/docs.ts';
import { jwksRoutes } from './routes/jwks.ts';
import { webRoutes } from './routes/web.ts';

export async function buildApp(deps: ServiceDeps): Promise<ServiceApp> {
  const config = loadGatewayConfig(deps.env);
  const services = knownServices(config.EXTRA_SERVICES);
  const directory = deps.services;
  // The edge: clients' identity comes from their JWTs; the gateway signs internal tokens, it does not verify them.
  const app = await createServiceApp({ ...deps, edge: true });

  const registry = new InstanceRegistry(config.HEARTBEAT_TTL_MS);
  const pool = new UpstreamPool({ registry, directory, timeoutMs: config.UPSTREAM_TIMEOUT_MS, breakerResetMs: config.BREAKER_RESET_MS });
  const healthChecker = new HealthChecker({ services, registry, directory, pool, timeoutMs: config.HEALTH_CHECK_TIMEOUT_MS, logger: deps.logger });
  const verifier = new TokenVerifier(() => `${directory.url('users')}/.well-known/jwks.json`, config.JWT_ISSUER);
  const collector = new OpenApiCollector({ services, pool, own: () => app.swagger() as OpenApiDocument, cacheMs: config.DOCS_CACHE_MS, timeoutMs: config.HEALTH_CHECK_TIMEOUT_MS, logger: deps.logger });

  const revocations = revocationStore(deps);
  await followRevocations(deps, revocations);
  app.addHook('onRequest', authenticate(verifier));
  app.addHook('onRequest', rejectRevokedTokens(revocations));
  app.addHook('preHandler', rejectInvalidToken);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime), upstream: requestState(request).upstream, userId: principalOf(request)?.userId },
      'access',
    );
  });

  // Runs before the preHandler above, so requests with bad tokens are counted too.
  await app.register(rateLimit, {
    hook: 'preValidation',
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW,
    // Replicas share counters through Redis when there is one; otherwise each counts alone.
    redis: deps.redis,
    nameSpace: `${deps.name}:rate-limit:`,
    keyGenerator: (request) => {
      const userId = principalOf(request)?.userId;
      return userId ? `user:${userId}` : `ip:${clientIp(request.socket.remoteAddress, request.headers['x-forwarded-for'], config.TRUST_PROXY_HOPS)}`;
    },
    errorResponseBuilder: (_request, context) => new HttpProblem(context.statusCode, `Too many requests; try again in ${context.after}`, { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });

  await app.register(proxyRoutes, { pool, services, trustProxyHops: config.TRUST_PROXY_HOPS, bodyLimit: config.MAX_BODY_BYTES, tokens: deps.tokens });
  await app.register(registryRoutes, { registry, directory, pool, services });
  await app.register(jwksRoutes, { pool, trustProxyHops: config.TRUST_PROXY_HOPS, tokens: deps.tokens });
  await app.register(docsRoutes, { collector });
  await app.register(webRoutes, { dir: deps.env.WEB_DIST_DIR });

  const heartbeats = { registry, healthChecker, services, registryToken: config.REGISTRY_TOKEN, allowedHosts: (config.REGISTRY_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean) };
  if (config.REGISTRY_PORT === undefined) await app.register(heartbeatRoutes, heartbeats);
  else await serveHeartbeatsApart(app, deps, heartbeats, config.REGISTRY_PORT);

  every(app, config.HEALTH_CHECK_INTERVAL_MS, () => healthChecker.sweep(), { name: 'instance health check' });
  app.addHook('onClose', async () => pool.shutdown());
  return app;
}

/** Heartbeats on a listener of their own, for the private network only: never on the public API port. */
async function serveHeartbeatsApart(app: ServiceApp, deps: ServiceDeps, options: HeartbeatRouteOptions, port: number): Promise<void> {
  const registryApp = await createServiceApp({ name: `${deps.name}-registry`, logger: deps.logger, tokens: deps.tokens, edge: true });
  await registryApp.register(heartbeatRoutes, options);
  app.addHook('onReady', async () => {
    await registryApp.listen({ port, host: deps.config.HOST });
    deps.logger.info({ port }, 'registry heartbeats listening');
  });
  app.addHook('onClose', async () => registryApp.close());
}

export const service: ServiceModule = { name: gatewayManifest.name, buildApp };

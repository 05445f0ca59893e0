import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, notFound, unauthorized, type InternalTokens, type ServiceApp } from '@emporium/kit';
import { resolveProxyTarget, publicPrefix } from '../domain/routing.ts';
import { accessFor, decide } from '../domain/rbac.ts';
import { clientIp, clientResponseHeaders, upstreamRequestHeaders } from '../domain/headers.ts';
import { principalOf, requestState } from '../auth/authentication.ts';
import type { UpstreamPool, UpstreamRequest, UpstreamResponse } from '../upstream/pool.ts';

export interface ProxyRouteOptions {
  pool: UpstreamPool;
  services: readonly string[];
  trustProxyHops: number;
  bodyLimit: number;
  tokens: InternalTokens;
}

/** `/api/v1/<svc>/...` → one instance of `<svc>` at `/<svc>/...`, bytes in, bytes out. */
export async function proxyRoutes(app: ServiceApp, options: ProxyRouteOptions): Promise<void> {
  // Bodies are forwarded as the client sent them, whatever their type: no parsing here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.bodyLimit }, (_request, body, done) => done(null, body));

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const target = resolveProxyTarget(request.url, options.services);
    if (target.kind === 'unknown-service') throw notFound(`No service named "${target.service}"`);

    const principal = principalOf(request);
    const decision = decide(accessFor(request.method, target.path), principal);
    if (decision === 'unauthenticated') throw unauthorized();
    if (decision === 'forbidden') throw forbidden('Your role does not allow this');

    const upstream = await options.pool.send(target.service, {
      method: request.method,
      path: target.path + target.search,
      headers: forwardedHeaders(request, options),
      body: Buffer.isBuffer(request.body) ? request.body : undefined,
    });
    return relay(request, reply, upstream);
  };

  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: `${publicPrefix}/*`, bodyLimit: options.bodyLimit, schema: { hide: true }, handler });
}

/** What the upstream gets: see upstreamRequestHeaders; the identity token is signed here, per request. */
export function forwardedHeaders(request: FastifyRequest, options: { trustProxyHops: number; tokens: InternalTokens }): UpstreamRequest['headers'] {
  const principal = principalOf(request);
  return upstreamRequestHeaders(request.headers, {
    requestId: request.id,
    identityToken: options.tokens.sign(principal && { ...principal, roles: [...principal.roles] }),
    clientIp: clientIp(request.socket.remoteAddress, request.headers['x-forwarded-for'], options.trustProxyHops),
    protocol: request.protocol,
    host: request.headers.host,
  });
}

/** Sends an upstream's answer to the client as it is (status, headers, body bytes). */
export function relay(request: FastifyRequest, reply: FastifyReply, upstream: UpstreamResponse): FastifyReply {
  requestState(request).upstream = upstream.instance;
  return reply.code(upstream.status).headers(clientResponseHeaders(upstream.headers)).send(upstream.body);
}

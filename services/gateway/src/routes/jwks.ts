import type { InternalTokens, ServiceApp } from '@emporium/kit';
import type { UpstreamPool } from '../upstream/pool.ts';
import { forwardedHeaders, relay } from './proxy.ts';

/** The users service's signing keys, at the well-known place clients and other verifiers look. */
export async function jwksRoutes(app: ServiceApp, options: { pool: UpstreamPool; trustProxyHops: number; tokens: InternalTokens }): Promise<void> {
  app.get('/.well-known/jwks.json', { schema: { hide: true } }, async (request, reply) => {
    const upstream = await options.pool.send('users', { method: 'GET', path: '/.well-known/jwks.json', headers: forwardedHeaders(request, options) });
    return relay(request, reply, upstream);
  });
}

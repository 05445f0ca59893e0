import type { ServiceApp } from '@emporium/kit';
import type { UpstreamPool } from '../upstream/pool.ts';
import { forwardedHeaders, relay } from './proxy.ts';

/** The users service's signing keys, at the well-known place clients and other verifiers look. */
export async function jwksRoutes(app: ServiceApp, options: { pool: UpstreamPool; trustProxyHops: number }): Promise<void> {
  app.get('/.well-known/jwks.json', { schema: { hide: true } }, async (request, reply) => {
    const upstream = await options.pool.send('users', { method: 'GET', path: '/.well-known/jwks.json', headers: forwardedHeaders(request, options.trustProxyHops) });
    return relay(request, reply, upstream);
  });
}

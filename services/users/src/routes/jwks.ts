import type { ServiceApp } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import { storedPublicJwks } from '../db/signing-keys.ts';

/** Public keys for verifying access tokens; read per request so every replica serves the same set. */
export function registerJwksRoute(app: ServiceApp, ctx: UsersContext): void {
  app.get('/.well-known/jwks.json', async (_request, reply) => {
    const keys = [ctx.signer.publicJwk, ...(await storedPublicJwks(ctx.deps.db)).filter((k) => k.kid !== ctx.signer.publicJwk.kid)];
    return reply.header('cache-control', 'public, max-age=300').send({ keys });
  });
}

import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ServiceApp } from '@emporium/kit';
import type { OidcSignIn } from '../oidc/sign-in.ts';

const stateCookie = 'emporium_oidc_state';

/**
 * Public routes of the sign-in with the external provider (registered only when one is configured).
 * The state cookie has no Path, so the browser scopes it to the path it was set from
 * (`/api/v1/users/oidc` behind the gateway) and sends it to the callback only.
 */
export function registerOidcRoutes(app: ServiceApp, signIn: OidcSignIn): void {
  app.get('/users/oidc/start', async (request, reply) => {
    const { authorizationUrl, state } = await signIn.start();
    const secure = request.protocol === 'https' ? '; Secure' : '';
    return reply
      .header('cache-control', 'no-store')
      .header('set-cookie', `${stateCookie}=${state}; Max-Age=${signIn.settings.loginTtlSeconds}; HttpOnly; SameSite=Lax${secure}`)
      .redirect(authorizationUrl.href, 302);
  });

  // The provider's answer, as it arrived at OIDC_REDIRECT_URI: the query is handed on unchanged (code, state, iss or error).
  app.get(
    '/users/oidc/callback',
    { schema: { querystring: z.looseObject({ state: z.string().min(1).max(200) }) } },
    async (request, reply) => {
      const result = await signIn.finish({
        state: request.query.state,
        browserState: cookie(request, stateCookie),
        callbackQuery: new URL(request.url, 'http://callback.invalid').search,
        requestId: request.id,
      });
      return reply.header('cache-control', 'no-store').header('set-cookie', `${stateCookie}=; Max-Age=0; HttpOnly; SameSite=Lax`).send(result);
    },
  );
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

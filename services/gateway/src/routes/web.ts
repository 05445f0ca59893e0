import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceApp } from '@emporium/kit';

const builtApp = fileURLToPath(new URL('../../../../web/dist', import.meta.url));
/** Paths owned by the platform: never answered with the app, whatever the client accepts. */
const platformPath = /^\/(api|docs|registry|health|ready|metrics|openapi\.json|\.well-known)(\/|$)/;
/** Static files are not API calls: a page load of several files must not use up a client's rate limit. */
const routeOptions = { schema: { hide: true }, config: { rateLimit: false } } as const;

const decoded = (path: string): string | undefined => {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined; // malformed escape: no such file
  }
};

/**
 * The web app (web/dist, built by `npm run build -w web`): storefront at `/`, back office at
 * `/admin`. Hashed files under /assets never change (cached for a year, immutable); index.html is
 * revalidated on every load so a new build shows at once. Any other GET that asks for HTML is a
 * client route of the app and gets index.html (SPA fallback); anything else keeps the 404 problem.
 * `WEB_DIST_DIR` points elsewhere; without a build the gateway serves the API alone.
 */
export async function webRoutes(app: ServiceApp, options: { dir?: string }): Promise<void> {
  const root = resolve(options.dir ?? builtApp);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn({ root }, 'no web app build found; serving the API only (npm run build -w web)');
    return;
  }
  await app.register(fastifyStatic, { root, serve: false });

  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  const wantsHtml = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');

  app.get('/assets/*', routeOptions, (request, reply) =>
    reply.sendFile(`assets/${(request.params as { '*': string })['*']}`, { maxAge: '365d', immutable: true }));

  app.get('/*', routeOptions, (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (platformPath.test(path)) return reply.callNotFound();
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    // A file at the build's top level (favicon, robots.txt): not hashed, so cached briefly.
    if (lastSegment.includes('.')) {
      const file = decoded(path.slice(1));
      return file === undefined ? reply.callNotFound() : reply.sendFile(file, { maxAge: '1h' });
    }
    return wantsHtml(request) || path === '/' ? sendIndex(reply) : reply.callNotFound();
  });
}

import fastifySwaggerUi from '@fastify/swagger-ui';
import type { ServiceApp } from '@emporium/kit';
import type { OpenApiCollector } from '../upstream/openapi-collector.ts';

/** Swagger UI at /docs over the merged document, which is also served at /docs/openapi.json. */
export async function docsRoutes(app: ServiceApp, options: { collector: OpenApiCollector }): Promise<void> {
  const { collector } = options;
  app.get('/docs/openapi.json', { schema: { hide: true } }, async () => collector.get());

  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    // The UI reads its document from /docs/json; make that the merged one, refreshed first.
    uiHooks: {
      preHandler: async (request) => {
        if (request.url.split('?')[0]!.endsWith('/json')) await collector.get();
      },
    },
    transformSpecification: () => collector.current(),
    transformSpecificationClone: false,
  });
}

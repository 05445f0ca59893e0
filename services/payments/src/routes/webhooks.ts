import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, ServiceApp } from '@emporium/kit';
import type { ProviderRegistry } from '../config.ts';
import { handleWebhook } from '../operations/webhooks.ts';

/**
 * Provider webhooks. Signatures cover the exact bytes sent, so this scope keeps the body as a
 * raw string (any content type) instead of parsing JSON; the provider adapter verifies and parses.
 */
export async function registerWebhookRoutes(app: ServiceApp, db: Db, providers: ProviderRegistry, onEventsWritten: () => void): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post('/payments/webhooks/:provider', { schema: { params: z.object({ provider: z.string().min(1).max(40) }) } }, async (request) => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const rawBody = typeof request.body === 'string' ? request.body : '';
      const { result, eventsWritten } = await handleWebhook(db, providers, request.params.provider, rawBody, headers);
      if (eventsWritten) onEventsWritten();
      return result;
    });
  });
}

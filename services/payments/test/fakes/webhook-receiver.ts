import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from '../../src/providers/provider.ts';
import { flatHeaders, readBody } from './http-helpers.ts';

/**
 * A tiny webhook endpoint for tests: verifies each delivery with the given function and answers
 * 200 when it is genuine, 400 when not, recording what it accepted.
 */
export async function startWebhookReceiver(verify: (rawBody: string, headers: Record<string, string | undefined>) => WebhookEvent | null) {
  const accepted: WebhookEvent[] = [];
  const server = createServer(async (req, res) => {
    const event = verify(await readBody(req), flatHeaders(req));
    if (event) accepted.push(event);
    res.writeHead(event ? 200 : 400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ received: event !== null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    accepted,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

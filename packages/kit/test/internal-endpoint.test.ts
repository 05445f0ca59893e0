import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { z } from 'zod';
import { internalEndpoint } from '@emporium/contracts';
import { callEndpoint, HttpClient, HttpProblem, InternalTokens } from '../src/index.ts';

const tokens = new InternalTokens('a-secret-of-at-least-thirty-two-characters', 'caller');

const refund = internalEndpoint({
  service: 'payments',
  method: 'POST',
  path: '/internal/payments/:paymentId/refund',
  params: z.object({ paymentId: z.string() }),
  body: z.object({ amount: z.number().int() }),
  response: z.object({ paymentId: z.string(), refundedAmount: z.number().int() }),
  idempotencyKey: true,
});
const prices = internalEndpoint({ service: 'catalog', method: 'GET', path: '/internal/prices', query: z.object({ skus: z.string() }), response: z.object({ items: z.array(z.string()) }) });

interface Seen {
  method?: string;
  url?: string;
  key?: string | string[];
  body: string;
}

/** A real HTTP server answering `answer` and recording what it was sent. */
async function upstream(answer: { status: number; body: unknown }): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method, url: req.url, key: req.headers['idempotency-key'], body });
    res.writeHead(answer.status, { 'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json' }).end(JSON.stringify(answer.body));
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  return { server, port, seen };
}

async function withClient<T>(answer: { status: number; body: unknown }, run: (client: HttpClient, seen: Seen[]) => Promise<T>): Promise<T> {
  const { server, port, seen } = await upstream(answer);
  const client = new HttpClient({ target: 'payments', baseUrl: `http://127.0.0.1:${port}`, tokens, retries: 0 });
  try {
    return await run(client, seen);
  } finally {
    client.shutdown();
    await new Promise((r) => server.close(r));
  }
}

test('callEndpoint fills the path, sends body, query and key, and returns the parsed answer (unknown fields dropped)', async () => {
  await withClient({ status: 200, body: { paymentId: 'p/1', refundedAmount: 300, extra: 'not in the contract' } }, async (client, seen) => {
    const answer = await callEndpoint(client, refund, { params: { paymentId: 'p/1' }, body: { amount: 300 } }, { idempotencyKey: 'k-1' });
    assert.deepEqual(answer, { paymentId: 'p/1', refundedAmount: 300 });
    assert.deepEqual(seen, [{ method: 'POST', url: '/internal/payments/p%2F1/refund', key: 'k-1', body: '{"amount":300}' }]);
  });
  await withClient({ status: 200, body: { items: ['A'] } }, async (client, seen) => {
    assert.deepEqual(await callEndpoint(client, prices, { query: { skus: 'A,B 1' } }), { items: ['A'] });
    assert.equal(seen[0]?.url, '/internal/prices?skus=A%2CB+1');
    assert.equal(seen[0]?.body, '');
  });
});

test('an answer of the wrong shape is a 502 naming the endpoint and the field; a 4xx keeps the upstream problem', async () => {
  await withClient({ status: 200, body: { id: 'p1', refundedAmount: 300 } }, async (client) => {
    await assert.rejects(
      callEndpoint(client, refund, { params: { paymentId: 'p1' }, body: { amount: 1 } }, { idempotencyKey: 'k' }),
      (e: unknown) => e instanceof HttpProblem && e.status === 502 && /payments answered POST \/internal\/payments\/:paymentId\/refund/.test(e.message) && String(e.extensions.issues).includes('paymentId'),
    );
  });
  await withClient({ status: 422, body: { title: 'Unprocessable Entity', status: 422, detail: 'Refund exceeds the captured amount', code: 'too_much' } }, async (client) => {
    await assert.rejects(
      callEndpoint(client, refund, { params: { paymentId: 'p1' }, body: { amount: 1 } }, { idempotencyKey: 'k' }),
      (e: unknown) => e instanceof HttpProblem && e.status === 422 && e.message === 'Refund exceeds the captured amount' && e.extensions.code === 'too_much',
    );
  });
});

test('an endpoint declared with an idempotency key is not called without one', async () => {
  await withClient({ status: 200, body: {} }, async (client, seen) => {
    await assert.rejects(callEndpoint(client, refund, { params: { paymentId: 'p1' }, body: { amount: 1 } }), /needs an idempotency key/);
    assert.equal(seen.length, 0);
  });
});

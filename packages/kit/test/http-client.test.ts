import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { HttpClient, HttpProblem, InternalTokens, loadConfig, baseConfigSchema, ConfigError } from '../src/index.ts';
import { eventually } from '../src/testing/index.ts';

const tokens = new InternalTokens('a-secret-of-at-least-thirty-two-characters', 'caller');

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

test('a dead target is a 503, the circuit opens, and it closes again once the target is back', async () => {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((r) => probe.close(r)); // a port nobody listens on now
  const client = new HttpClient({ target: 'stock', baseUrl: `http://127.0.0.1:${port}`, tokens, retries: 0, resetTimeoutMs: 300, timeoutMs: 5_000 });
  try {
    for (let i = 0; i < 3; i++) {
      await assert.rejects(client.request({ path: '/x' }), (e: unknown) => e instanceof HttpProblem && e.status === 503);
    }
    assert.equal(client.circuitOpen, true);
    await assert.rejects(client.request({ path: '/x' }), /circuit open/);

    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    await listen(server, port);
    // Refused while the circuit is open; once it half-opens the next call goes through and closes it.
    const res = await eventually(() => client.request<{ ok: boolean }>({ path: '/x' }), 'the circuit to close again');
    assert.deepEqual(res.body, { ok: true });
    assert.equal(client.circuitOpen, false);
    await new Promise((r) => server.close(r));
  } finally {
    client.shutdown();
  }
});

test('4xx answers are returned, not counted as failures; json() turns them into problems with their fields', async () => {
  const server = createServer((_req, res) =>
    res.writeHead(409, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Conflict', status: 409, detail: 'Insufficient stock for SKU A', sku: 'A' })),
  );
  const port = await listen(server);
  const client = new HttpClient({ target: 'stock', baseUrl: `http://127.0.0.1:${port}`, tokens });
  try {
    for (let i = 0; i < 5; i++) assert.equal((await client.request({ path: '/r', method: 'POST', body: {} })).status, 409);
    assert.equal(client.circuitOpen, false);
    await assert.rejects(client.json({ path: '/r', method: 'POST', body: {} }), (e: unknown) => e instanceof HttpProblem && e.status === 409 && e.extensions.sku === 'A');
  } finally {
    client.shutdown();
    await new Promise((r) => server.close(r));
  }
});

test('idempotent calls are retried after a transient failure', async () => {
  let calls = 0;
  const server = createServer((_req, res) => {
    calls++;
    if (calls === 1) res.writeHead(502).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"n":2}');
  });
  const port = await listen(server);
  const client = new HttpClient({ target: 'x', baseUrl: `http://127.0.0.1:${port}`, tokens, retries: 2 });
  try {
    assert.deepEqual(await client.json({ path: '/' }), { n: 2 });
    assert.equal(calls, 2);
    calls = 0;
    await assert.rejects(client.json({ path: '/', method: 'POST' }), (e: unknown) => e instanceof HttpProblem && e.status === 503);
    assert.equal(calls, 1, 'a non-idempotent POST is not retried');
  } finally {
    client.shutdown();
    await new Promise((r) => server.close(r));
  }
});

test('configuration errors name the variable', () => {
  assert.throws(() => loadConfig(baseConfigSchema, { PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig(baseConfigSchema, { PORT: '1', DATABASE_URL: 'not a url' }), /DATABASE_URL/);
  const secret = { INTERNAL_TOKEN_SECRET: 'x'.repeat(32) };
  assert.equal(loadConfig(baseConfigSchema, { PORT: '8001', ...secret }).PORT, 8001);
  // Identity between services and registry heartbeats are never unauthenticated.
  assert.throws(() => loadConfig(baseConfigSchema, { PORT: '8001' }), /INTERNAL_TOKEN_SECRET/);
  assert.throws(() => loadConfig(baseConfigSchema, { PORT: '8001', INTERNAL_TOKEN_SECRET: 'short' }), /INTERNAL_TOKEN_SECRET/);
  assert.throws(() => loadConfig(baseConfigSchema, { PORT: '8001', ...secret, REGISTRY_URL: 'http://127.0.0.1:8000' }), /REGISTRY_TOKEN/);
});

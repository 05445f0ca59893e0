import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { z } from 'zod';
import { createServiceApp, badRequest, type ServiceModule } from '../src/index.ts';
import { TestPlatform, apiClient } from '../src/testing/index.ts';

/** A tiny service exercising the kit the way real services use it. */
const echoService: ServiceModule = {
  name: 'echo',
  async buildApp(deps) {
    const app = await createServiceApp(deps);
    app.post('/echo', { schema: { body: z.object({ name: z.string().min(1).max(20), age: z.number().int().nonnegative() }) } }, async (request) => request.body);
    app.get('/boom', async () => {
      throw new Error('secret internals');
    });
    app.get('/refuse', async () => {
      throw badRequest('nope', { field: 'x' });
    });
    return app;
  },
};

/** Stands in for the gateway's registry: records the heartbeats it gets. */
const heartbeats: Array<{ token: string | undefined; body: { service: string; url: string } }> = [];
const registry = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    heartbeats.push({ token: req.headers['x-registry-token'] as string | undefined, body: JSON.parse(body) });
    res.writeHead(204).end();
  });
});

let platform: TestPlatform;
before(async () => {
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  const registryUrl = `http://127.0.0.1:${(registry.address() as { port: number }).port}`;
  platform = await TestPlatform.start([echoService], { env: { echo: { REGISTRY_URL: registryUrl, REGISTRY_TOKEN: 'sesame-sesame-sesame' } } });
});
after(async () => {
  await platform.stop();
  registry.close();
});

test('a service with REGISTRY_URL announces itself to the registry with the token', async () => {
  for (let i = 0; i < 50 && heartbeats.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(heartbeats[0], { token: 'sesame-sesame-sesame', body: { service: 'echo', url: platform.url('echo') } });
});

test('valid input passes through the zod schema', async () => {
  const res = await apiClient(platform.url('echo')).post('/echo', { name: 'Ada', age: 36 });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { name: 'Ada', age: 36 });
  assert.ok(res.headers.get('x-request-id'));
});

test('bad input is a 400 problem+json naming the field', async () => {
  const res = await apiClient(platform.url('echo')).post('/echo', { name: 'x'.repeat(21), age: -1 });
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
  assert.deepEqual(fields, ['body.age', 'body.name']);
});

test('unknown routes are 404 problem+json, errors hide internals', async () => {
  const api = apiClient(platform.url('echo'));
  const missing = await api.get('/nowhere');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.title, 'Not Found');
  const boom = await api.get('/boom');
  assert.equal(boom.status, 500);
  assert.doesNotMatch(JSON.stringify(boom.body), /secret internals/);
  const refuse = await api.get('/refuse');
  assert.equal(refuse.status, 400);
  assert.equal(refuse.body.field, 'x');
});

test('request id from the caller is kept', async () => {
  const res = await apiClient(platform.url('echo')).get('/health', { headers: { 'x-request-id': 'abc-123' } });
  assert.equal(res.headers.get('x-request-id'), 'abc-123');
});

test('health, readiness and metrics', async () => {
  const api = apiClient(platform.url('echo'));
  assert.equal((await api.get('/health')).status, 200);
  const ready = await api.get('/ready');
  assert.equal(ready.status, 200);
  assert.equal(ready.body.checks.database, true);
  const metrics = await api.get('/metrics');
  assert.match(metrics.body, /http_request_duration_seconds_bucket/);
  const openapi = await api.get('/openapi.json');
  assert.ok(openapi.body.paths['/echo']);
});

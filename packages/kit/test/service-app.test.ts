import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { z } from 'zod';
import { createServiceApp, badRequest, MAX_HEADER_BYTES, type ServiceModule } from '../src/index.ts';
import { TestPlatform, apiClient, eventually } from '../src/testing/index.ts';

/** A tiny service exercising the kit the way real services use it. */
const echoService: ServiceModule = {
  name: 'echo',
  async buildApp(deps) {
    const app = await createServiceApp(deps);
    app.post('/echo', { schema: { body: z.object({ name: z.string().min(1).max(20), age: z.number().int().nonnegative() }) } }, async (request) => request.body);
    app.get('/echo/:word', { schema: { params: z.object({ word: z.string() }), querystring: z.object({ q: z.string().optional() }) } }, async (request) => ({ ...request.params, ...request.query }));
    app.post('/notes', { schema: { body: z.object({ text: z.string(), tags: z.record(z.string(), z.array(z.string())).optional() }) } }, async (request) => request.body);
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
  await eventually(() => heartbeats.length > 0, 'the first heartbeat');
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

test('a well-formed request id from the caller is kept; a long or odd one is replaced by a fresh one', async () => {
  const api = apiClient(platform.url('echo'));
  const kept = 'trace-1.span:2_' + 'x'.repeat(113);
  assert.equal((await api.get('/health', { headers: { 'x-request-id': kept } })).headers.get('x-request-id'), kept);
  for (const given of ['x'.repeat(129), 'x'.repeat(1500), 'has space', 'semi;colon', '<script>', '']) {
    const answered = (await api.get('/health', { headers: { 'x-request-id': given } })).headers.get('x-request-id');
    assert.notEqual(answered, given);
    assert.match(answered ?? '', /^[0-9a-f-]{36}$/, `replaced ${given.slice(0, 20)}`);
  }
});

test('control characters in a path param, the query or anywhere in a JSON body are a 400 naming the field', async () => {
  const api = apiClient(platform.url('echo'));
  const cases: Array<[Promise<{ status: number; headers: Headers; body: any }>, string]> = [
    [api.get('/echo/ab%00cd'), 'params.word'],
    [api.get('/echo/ok?q=a%01b'), 'querystring.q'],
    [api.get('/echo/ok?q=a%7Fb'), 'querystring.q'],
    [api.post('/echo', { name: 'A\u0000da', age: 3 }), 'body.name'],
    [api.post('/notes', { text: 'fine', tags: { colours: ['red', 'gr\u001been'] } }), 'body.tags.colours.1'],
    [api.post('/notes', { text: 'fine', tags: { 'bad\u0000key': [] } }), 'body.tags.bad?key'],
  ];
  for (const [pending, field] of cases) {
    const res = await pending;
    assert.equal(res.status, 400, field);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field), [field]);
    assert.match(res.body.detail, /control characters/);
  }
  // Free text may carry tabs and line breaks.
  const text = 'line one\r\n\tline two';
  const notes = await api.post('/notes', { text });
  assert.equal(notes.status, 200);
  assert.equal(notes.body.text, text);
});

test('URLs the router refuses (bad percent-escapes, overlong path segments) are problem+json too', async () => {
  const api = apiClient(platform.url('echo'));
  for (const [path, status] of [['/echo/%ZZ', 400], ['/echo/%FF%FE', 400], [`/echo/${'w'.repeat(500)}`, 414]] as const) {
    const res = await api.get(path);
    assert.equal(res.status, status, path);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(res.body.status, status);
  }
});

test('headers or a URL beyond the size limit get a 431 problem+json, not a bare answer', async () => {
  const base = platform.url('echo');
  for (const res of [await fetch(`${base}/health`, { headers: { 'x-padding': 'p'.repeat(MAX_HEADER_BYTES) } }), await fetch(`${base}/echo/${'w'.repeat(MAX_HEADER_BYTES)}`)]) {
    assert.equal(res.status, 431);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = await res.json();
    assert.equal(body.status, 431);
    assert.match(body.detail, /exceed/);
  }
  assert.equal((await fetch(`${base}/health`)).status, 200, 'the service still answers');
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

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { createTestKeys, demoService, usersService, type TestKeys } from './support/upstreams.ts';

const gatewayEnv = {
  EXTRA_SERVICES: 'demo',
  RATE_LIMIT_MAX: '100000',
  UPSTREAM_TIMEOUT_MS: '1000',
  BREAKER_RESET_MS: '300',
  HEALTH_CHECK_INTERVAL_MS: '200',
};

let platform: TestPlatform;
let keys: TestKeys;
let api: ApiClient;
let customer: string;
let admin: string;

before(async () => {
  keys = await createTestKeys();
  // A second gateway with a tiny rate limit, so the limit test does not throttle the others.
  const limited = { ...service, name: 'gateway_limited' };
  platform = await TestPlatform.start([usersService(keys), demoService('demo'), demoService('demo_b'), service, limited], {
    // It tests counting, not timeouts: a generous upstream timeout so a busy machine cannot turn an answer into a 503.
    env: { gateway: gatewayEnv, 'gateway_limited': { ...gatewayEnv, RATE_LIMIT_MAX: '3', UPSTREAM_TIMEOUT_MS: '30000' } },
  });
  api = apiClient(() => platform.url('gateway'));
  customer = await keys.sign({ sub: 'u-customer', roles: ['customer'] });
  admin = await keys.sign({ sub: 'u-admin', roles: ['admin'] });
});
after(() => platform?.stop());

/** A request whose path reaches the gateway exactly as written (fetch would normalise `..`). */
function rawGet(path: string): Promise<number> {
  const { hostname, port } = new URL(platform.url('gateway'));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET', headers: { authorization: `Bearer ${admin}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, tries = 100): Promise<T> {
  let value = await attempt();
  for (let i = 0; i < tries && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await attempt();
  }
  return value;
}

test('proxies method, path, query, body and content type; passes status and headers back', async () => {
  const res = await api.post('/api/v1/demo/echo/a/b?x=1&y=two%20words', { sku: 'A-1', quantity: 2 }, { token: customer });
  assert.equal(res.status, 200);
  assert.equal(res.body.method, 'POST');
  assert.equal(res.body.url, '/demo/echo/a/b?x=1&y=two%20words');
  assert.equal(res.body.body, JSON.stringify({ sku: 'A-1', quantity: 2 }));
  assert.match(res.body.headers['content-type'], /application\/json/);

  const bytes = Buffer.from([0, 1, 2, 254, 255]);
  const raw = await fetch(`${platform.url('gateway')}/api/v1/demo/echo/bytes`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${customer}` }, body: bytes });
  const echoed = (await raw.json()) as { method: string; body: string };
  assert.equal(echoed.method, 'PUT');
  assert.deepEqual(Buffer.from(echoed.body, 'base64'), bytes);

  const teapot = await api.get('/api/v1/demo/status/418', { token: customer });
  assert.equal(teapot.status, 418);
  assert.equal(teapot.headers.get('x-demo'), 'kept');
  assert.match(teapot.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(teapot.body.detail, 'status 418 from demo');

  const bare = await api.get('/api/v1/demo', { token: customer });
  assert.equal(bare.status, 200);
  assert.equal(bare.body.url, '/demo');
});

test('request id is forwarded upstream and returned, generated when missing', async () => {
  const given = await api.get('/api/v1/demo/echo/rid', { token: customer, headers: { 'x-request-id': 'rid-123' } });
  assert.equal(given.headers.get('x-request-id'), 'rid-123');
  assert.equal(given.body.headers['x-request-id'], 'rid-123');
  const generated = await api.get('/api/v1/demo/echo/rid', { token: customer });
  const id = generated.headers.get('x-request-id');
  assert.ok(id);
  assert.equal(generated.body.headers['x-request-id'], id);
  // A client's oversized or odd id is neither kept nor forwarded: a fresh one is made.
  for (const odd of ['r'.repeat(1200), 'two words', 'a/b']) {
    const replaced = await api.get('/api/v1/demo/echo/rid', { token: customer, headers: { 'x-request-id': odd } });
    const fresh = replaced.headers.get('x-request-id');
    assert.match(fresh ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(replaced.body.headers['x-request-id'], fresh);
  }
});

test('unknown service is a 404 problem', async () => {
  for (const path of ['/api/v1/nope/things', '/api/v1/', '/api/v1']) {
    const res = await api.get(path);
    assert.equal(res.status, 404, path);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  }
});

test('/internal routes are never reachable through the gateway', async () => {
  assert.equal((await api.get('/api/v1/internal/secret', { token: admin })).status, 404);
  for (const path of ['/api/v1/demo/../internal/secret', '/api/v1/demo/%2e%2e/internal/secret', '/api/v1/demo/..%5cinternal/secret', '/internal/secret']) {
    const status = await rawGet(path);
    assert.notEqual(status, 200, path);
  }
  // Directly, the route exists: the 404s above come from the gateway, not from a missing route.
  assert.equal((await apiClient(platform.url('demo')).get('/internal/secret')).status, 200);
});

test('protected routes: 401 without, with a bad, expired or foreign-issuer token', async () => {
  const other = await createTestKeys('test-key');
  const forged = await other.sign({ sub: 'u-evil', roles: ['admin'] });
  const expired = await keys.sign({ sub: 'u-customer', roles: ['customer'] }, { expiresAt: Math.floor(Date.now() / 1000) - 60 });
  const wrongIssuer = await keys.sign({ sub: 'u-customer', roles: ['customer'] }, { issuer: 'someone-else' });
  assert.equal((await api.get('/api/v1/users/me')).status, 401);
  for (const token of [forged, expired, wrongIssuer, 'not-a-jwt']) {
    const res = await api.get('/api/v1/users/me', { token });
    assert.equal(res.status, 401);
    assert.equal(res.body.status, 401);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  }
  // A bad token is refused even on a public route.
  assert.equal((await api.post('/api/v1/users/login', {}, { token: expired })).status, 401);
  const ok = await api.get('/api/v1/users/me', { token: customer });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.headers['x-user-id'], 'u-customer');
  assert.equal(ok.body.headers['x-user-roles'], 'customer');
  assert.equal(ok.body.headers['x-user-email'], 'u-customer@example.com');
});

test('wrong role is 403, the right one passes', async () => {
  const denied = await api.get('/api/v1/users', { token: customer });
  assert.equal(denied.status, 403);
  assert.match(denied.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal((await api.get('/api/v1/users', { token: admin })).status, 200);
});

test('client-sent identity headers are stripped, replaced by the verified ones', async () => {
  const spoof = { 'x-user-id': 'u-admin', 'x-user-roles': 'admin', 'x-user-email': 'boss@example.com' };
  const anonymous = await api.post('/api/v1/users/login', { email: 'a@example.com' }, { headers: spoof });
  assert.equal(anonymous.status, 200);
  assert.equal(anonymous.body.headers['x-user-id'], undefined);
  assert.equal(anonymous.body.headers['x-user-roles'], undefined);
  assert.equal(anonymous.body.headers['x-user-email'], undefined);
  const signedIn = await api.get('/api/v1/users/me', { token: customer, headers: spoof });
  assert.equal(signedIn.body.headers['x-user-id'], 'u-customer');
  assert.equal(signedIn.body.headers['x-user-roles'], 'customer');
  // Spoofing a role does not get past RBAC either.
  assert.equal((await api.get('/api/v1/users', { headers: spoof })).status, 401);
});

test('rate limit: 429 problem after the limit, counted per client', async () => {
  const limited = apiClient(platform.url('gateway_limited'));
  // The first anonymous calls must reach users, so wait until this gateway knows users is healthy
  // (asked each time as another admin: signed-in calls are counted per user, apart from the shared address).
  let asker = 0;
  const usersHealthy = (r: { status: number; body: { services?: Array<{ name: string; instances: Array<{ health: string }> }> } }) =>
    r.status === 200 && (r.body.services ?? []).some((s) => s.name === 'users' && s.instances.some((i) => i.health === 'healthy'));
  const askRegistry = async () => limited.get('/registry', { token: await keys.sign({ sub: `u-admin-${++asker}`, roles: ['admin'] }) });
  assert.ok(usersHealthy(await eventually(askRegistry, usersHealthy)), 'users healthy behind the limited gateway');
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await limited.post('/api/v1/users/login', {})).status);
  assert.deepEqual(statuses, [200, 200, 200, 429]);
  const refused = await limited.post('/api/v1/users/login', {});
  assert.equal(refused.status, 429);
  assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.ok(Number(refused.headers.get('retry-after')) > 0);
  // A signed-in user is counted by user id, not by the shared address.
  assert.equal((await limited.get('/api/v1/users/me', { token: customer })).status, 200);
});

test('JWKS is passed through from users', async () => {
  const res = await api.get('/.well-known/jwks.json');
  assert.equal(res.status, 200);
  assert.equal(res.body.keys[0].kid, keys.jwk.kid);
  assert.equal(res.body.keys[0].n, keys.jwk.n);
});

test('merged OpenAPI includes upstream paths under /api/v1 and no internal ones', async () => {
  const res = await api.get('/docs/openapi.json');
  assert.equal(res.status, 200);
  const paths = Object.keys(res.body.paths);
  assert.ok(paths.some((p) => p.startsWith('/api/v1/demo/status')), paths.join(' '));
  assert.ok(paths.some((p) => p.startsWith('/api/v1/users')), paths.join(' '));
  assert.ok(paths.includes('/registry/heartbeat'));
  assert.ok(!paths.some((p) => p.includes('/internal')), paths.join(' '));
  const ui = await api.get('/docs/');
  assert.equal(ui.status, 200);
  assert.match(String(ui.body), /swagger/i);
  const uiDoc = await api.get('/docs/json');
  assert.ok(Object.keys(uiDoc.body.paths).some((p) => p.startsWith('/api/v1/demo/')));
});

test('registry: admin only; heartbeat input is validated', async () => {
  assert.equal((await api.get('/registry')).status, 401);
  assert.equal((await api.get('/registry', { token: customer })).status, 403);
  const listed = await api.get('/registry', { token: admin });
  assert.equal(listed.status, 200);
  const demo = listed.body.services.find((s: { name: string }) => s.name === 'demo');
  assert.deepEqual(demo.instances.map((i: { url: string }) => i.url), [platform.url('demo')]);
  assert.equal((await api.post('/registry/heartbeat', { service: 'demo' })).status, 400);
  assert.equal((await api.post('/registry/heartbeat', { service: 'demo', url: 'ftp://x' })).status, 400);
  assert.equal((await api.post('/registry/heartbeat', { service: 'nope', url: 'http://127.0.0.1:1' })).status, 404);
});

test('an upstream that is too slow is a 503, not a hang', async () => {
  const res = await api.get('/api/v1/demo/slow', { token: customer });
  assert.equal(res.status, 503);
  assert.match(res.body.detail, /timed out/);
});

test('a stopped upstream is a 503, then the circuit opens; it recovers after restart', async () => {
  await platform.stopService('demo');
  const first = await api.get('/api/v1/demo/echo/x', { token: customer });
  assert.equal(first.status, 503);
  assert.match(first.headers.get('content-type') ?? '', /application\/problem\+json/);
  const open = await eventually(() => api.get('/api/v1/demo/echo/x', { token: customer }), (r) => /circuit open/.test(r.body.detail), 20);
  assert.equal(open.status, 503);
  assert.match(open.body.detail, /circuit open/);

  await platform.restartService('demo');
  const back = await eventually(() => api.get('/api/v1/demo/echo/x', { token: customer }), (r) => r.status === 200);
  assert.equal(back.status, 200);
  assert.equal(back.body.instance, 'demo');
});

test('round-robin across a directory instance and a heartbeat instance', async () => {
  const beat = await api.post('/registry/heartbeat', { service: 'demo', url: platform.url('demo_b') });
  assert.equal(beat.status, 200);
  assert.ok(Date.parse(beat.body.expiresAt) > Date.now());
  const bothHealthy = (r: { body: { services: Array<{ name: string; instances: Array<{ health: string }> }> } }) => {
    const instances = r.body.services.find((s) => s.name === 'demo')!.instances;
    return instances.length === 2 && instances.every((i) => i.health === 'healthy');
  };
  const registry = await eventually(() => api.get('/registry', { token: admin }), bothHealthy);
  assert.ok(bothHealthy(registry), JSON.stringify(registry.body));

  const served = [];
  for (let i = 0; i < 6; i++) served.push((await api.get('/api/v1/demo/echo/rr', { token: customer })).body.instance);
  assert.deepEqual(new Set(served), new Set(['demo', 'demo_b']));
  assert.equal(served.filter((s) => s === 'demo').length, 3);
});

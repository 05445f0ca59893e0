import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { TestPlatform, apiClient, eventually, identityHeaders, testSecrets, type ApiClient } from '@emporium/kit/testing';
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
let registryPort: number;

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  }));
}

before(async () => {
  keys = await createTestKeys();
  // A second gateway with a tiny rate limit, so the limit test does not throttle the others, and
  // a third one that trusts one proxy in front of it.
  const limited = { ...service, name: 'gateway_limited' };
  const proxied = { ...service, name: 'gateway_proxied' };
  // And one serving heartbeats on a private listener of their own, as the deploy manifests configure it.
  const apart = { ...service, name: 'gateway_apart' };
  registryPort = await freePort();
  platform = await TestPlatform.start([usersService(keys), demoService('demo'), demoService('demo_b'), service, limited, proxied, apart], {
    env: {
      gateway: gatewayEnv,
      // It tests counting, not timeouts: a generous upstream timeout so a busy machine cannot turn an answer into a 503.
      gateway_limited: { ...gatewayEnv, RATE_LIMIT_MAX: '3', UPSTREAM_TIMEOUT_MS: '30000' },
      gateway_proxied: { ...gatewayEnv, TRUST_PROXY_HOPS: '1' },
      gateway_apart: { ...gatewayEnv, REGISTRY_PORT: String(registryPort) },
    },
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

/** Polls `attempt` until `done` holds for its answer (the kit's bounded poll), and returns that answer. */
function until<T>(attempt: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  return eventually(async () => {
    const value = await attempt();
    return done(value) ? value : undefined;
  }, what);
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
  // Directly, the route exists for platform callers (the 404s above come from the gateway), and a
  // stranger on the network without a service identity is refused.
  assert.equal((await apiClient(platform.url('demo')).get('/internal/secret')).status, 200);
  assert.equal((await apiClient(platform.url('demo'), { signed: false }).get('/internal/secret')).status, 401);
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
  // The upstream verified the gateway's signed token: the user it names and the gateway as the caller.
  assert.deepEqual(ok.body.caller, { service: 'gateway', principal: { userId: 'u-customer', roles: ['customer'], email: 'u-customer@example.com' } });
});

test('wrong role is 403, the right one passes', async () => {
  const denied = await api.get('/api/v1/users', { token: customer });
  assert.equal(denied.status, 403);
  assert.match(denied.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal((await api.get('/api/v1/users', { token: admin })).status, 200);
});

test('client-sent identity headers and internal tokens are stripped, replaced by the verified identity', async () => {
  // Even a validly signed internal token is not the client's to send: only the gateway's own reaches upstream.
  const spoof = { 'x-user-id': 'u-admin', 'x-user-roles': 'admin', 'x-user-email': 'boss@example.com', ...identityHeaders({ userId: 'u-admin', roles: 'admin' }) };
  const anonymous = await api.post('/api/v1/users/login', { email: 'a@example.com' }, { headers: spoof });
  assert.equal(anonymous.status, 200);
  assert.equal(anonymous.body.headers['x-user-id'], undefined);
  assert.equal(anonymous.body.headers['x-user-roles'], undefined);
  assert.equal(anonymous.body.headers['x-user-email'], undefined);
  assert.deepEqual(anonymous.body.caller, { service: 'gateway', principal: null });
  const signedIn = await api.get('/api/v1/users/me', { token: customer, headers: spoof });
  assert.equal(signedIn.body.caller.principal.userId, 'u-customer');
  assert.deepEqual(signedIn.body.caller.principal.roles, ['customer']);
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
  await until(askRegistry, usersHealthy, 'users healthy behind the limited gateway');
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

const registryToken = { 'x-registry-token': testSecrets.REGISTRY_TOKEN };

test('registry: admin only; heartbeats need the registry token, a known service and a private http(s) URL', async () => {
  assert.equal((await api.get('/registry')).status, 401);
  assert.equal((await api.get('/registry', { token: customer })).status, 403);
  const listed = await api.get('/registry', { token: admin });
  assert.equal(listed.status, 200);
  const demo = listed.body.services.find((s: { name: string }) => s.name === 'demo');
  assert.deepEqual(demo.instances.map((i: { url: string }) => i.url), [platform.url('demo')]);

  const valid = { service: 'demo', url: 'http://127.0.0.1:1' };
  const wrongTokens: Array<Record<string, string>> = [{}, { 'x-registry-token': 'wrong' }, { 'x-registry-token': `${testSecrets.REGISTRY_TOKEN}x` }];
  for (const headers of wrongTokens) {
    const refused = await api.post('/registry/heartbeat', valid, { headers });
    assert.equal(refused.status, 401, JSON.stringify(headers));
    assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
  }
  const expect400 = async (body: unknown, detail: RegExp) => {
    const res = await api.post('/registry/heartbeat', body, { headers: registryToken });
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.match(res.body.detail, detail);
  };
  await expect400({ service: 'demo' }, /url/);
  await expect400({ service: 'demo', url: 'ftp://127.0.0.1' }, /http or https/);
  await expect400({ service: 'demo', url: 'http://user:secret@127.0.0.1:1' }, /credentials/);
  await expect400({ service: 'demo', url: 'http://169.254.169.254' }, /private network/);
  await expect400({ service: 'demo', url: 'http://example.com' }, /allowed registry host/);
  assert.equal((await api.post('/registry/heartbeat', { ...valid, service: 'nope' }, { headers: registryToken })).status, 404);
  // Nothing refused was registered.
  const after = (await api.get('/registry', { token: admin })).body.services.find((s: { name: string }) => s.name === 'demo');
  assert.deepEqual(after.instances.map((i: { url: string }) => i.url), [platform.url('demo')]);
});

test('with REGISTRY_PORT, heartbeats are served there only, never on the public API port', async () => {
  const heartbeat = { service: 'demo', url: platform.url('demo_b') };
  const onPublicPort = await apiClient(platform.url('gateway_apart')).post('/registry/heartbeat', heartbeat, { headers: registryToken });
  assert.equal(onPublicPort.status, 404);
  const registryApi = apiClient(`http://127.0.0.1:${registryPort}`);
  assert.equal((await registryApi.post('/registry/heartbeat', heartbeat)).status, 401);
  assert.equal((await registryApi.post('/registry/heartbeat', heartbeat, { headers: registryToken })).status, 200);
  // Only heartbeats live there: the API is not served on the private listener.
  assert.equal((await registryApi.get('/api/v1/demo/echo/x', { token: customer })).status, 404);
  const listed = await apiClient(platform.url('gateway_apart')).get('/registry', { token: admin });
  const demo = listed.body.services.find((s: { name: string }) => s.name === 'demo');
  assert.ok(demo.instances.some((i: { url: string }) => i.url === platform.url('demo_b')), JSON.stringify(demo));
});

test('X-Forwarded-For: a client cannot choose the address services see', async () => {
  // TRUST_PROXY_HOPS=0 (the default): the client's chain is discarded, the socket address is forwarded alone.
  const forged = await api.post('/api/v1/users/login', {}, { headers: { 'x-forwarded-for': '203.0.113.7, 198.51.100.1', forwarded: 'for=203.0.113.7' } });
  assert.equal(forged.body.headers['x-forwarded-for'], '127.0.0.1');
  assert.equal(forged.body.headers.forwarded, undefined);
  assert.equal(forged.body.ip, '127.0.0.1');
  // Behind one trusted proxy: the proxy's own entry (right-most) is the client; what the client prepended is not.
  const proxied = await apiClient(platform.url('gateway_proxied')).post('/api/v1/users/login', {}, { headers: { 'x-forwarded-for': '203.0.113.7, 198.51.100.1' } });
  assert.equal(proxied.body.headers['x-forwarded-for'], '198.51.100.1');
  assert.equal(proxied.body.ip, '198.51.100.1');
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
  const open = await until(() => api.get('/api/v1/demo/echo/x', { token: customer }), (r) => /circuit open/.test(r.body.detail), 'the circuit to open');
  assert.equal(open.status, 503);
  assert.match(open.body.detail, /circuit open/);

  await platform.restartService('demo');
  const back = await until(() => api.get('/api/v1/demo/echo/x', { token: customer }), (r) => r.status === 200, 'the upstream to answer again');
  assert.equal(back.status, 200);
  assert.equal(back.body.instance, 'demo');
});

test('round-robin across a directory instance and a heartbeat instance', async () => {
  const beat = await api.post('/registry/heartbeat', { service: 'demo', url: platform.url('demo_b') }, { headers: registryToken });
  assert.equal(beat.status, 200);
  assert.ok(Date.parse(beat.body.expiresAt) > Date.now());
  const bothHealthy = (r: { body: { services: Array<{ name: string; instances: Array<{ health: string }> }> } }) => {
    const instances = r.body.services.find((s) => s.name === 'demo')!.instances;
    return instances.length === 2 && instances.every((i) => i.health === 'healthy');
  };
  const registry = await until(() => api.get('/registry', { token: admin }), bothHealthy, 'both instances healthy');
  assert.ok(bothHealthy(registry), JSON.stringify(registry.body));

  const served = [];
  for (let i = 0; i < 6; i++) served.push((await api.get('/api/v1/demo/echo/rr', { token: customer })).body.instance);
  assert.deepEqual(new Set(served), new Set(['demo', 'demo_b']));
  assert.equal(served.filter((s) => s === 'demo').length, 3);
});

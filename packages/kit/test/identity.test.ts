import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, InternalTokens, callerOf, createServiceApp, principalOf, requirePermission, type ServiceModule } from '../src/index.ts';
import { TestPlatform, apiClient, identityHeaders, testSecrets } from '../src/testing/index.ts';

// Identity between services, straight to a service's port (no gateway in front): only a token
// signed with the platform's secret is believed.

/** Reports what it believes about the caller; `/relay` calls `/internal/whoami` on `target` for its caller. */
const probe = (name: string, target?: string): ServiceModule => ({
  name,
  async buildApp(deps) {
    const app = await createServiceApp(deps);
    const whoami = async (request: Parameters<typeof callerOf>[0]) => ({ caller: callerOf(request), ip: request.ip });
    app.get('/whoami', whoami);
    app.get('/internal/whoami', whoami);
    app.post('/refunds', { preHandler: requirePermission('payments:refund') }, async () => ({ refunded: true }));
    if (target) {
      const client = new HttpClient({ target, baseUrl: () => deps.services.url(target), tokens: deps.tokens });
      app.addHook('onClose', async () => client.shutdown());
      app.get('/relay', async (request) => client.json({ path: '/internal/whoami', actingFor: principalOf(request) }));
    }
    return app;
  },
});

let platform: TestPlatform;
before(async () => {
  platform = await TestPlatform.start([probe('ledger'), probe('till', 'ledger')]);
});
after(() => platform?.stop());

const stranger = () => apiClient(platform.url('ledger'), { signed: false });
const ada = { userId: 'u-ada', roles: 'customer', email: 'ada@example.com' };

test('forged identity headers straight to a service port are refused with 401, on any route', async () => {
  const forged = { 'x-user-id': 'u-admin', 'x-user-roles': 'admin', 'x-user-email': 'boss@example.com' };
  for (const path of ['/whoami', '/internal/whoami']) {
    const res = await stranger().get(path, { headers: forged });
    assert.equal(res.status, 401, path);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(res.body.detail, /x-internal-token/);
  }
  // Alongside a valid token as well: nobody legitimate sends them any more.
  assert.equal((await stranger().get('/whoami', { headers: { ...identityHeaders(ada), 'x-user-roles': 'admin' } })).status, 401);
});

test('tokens not signed with the platform secret, expired or tampered with are 401', async () => {
  const foreign = new InternalTokens('another-secret-of-at-least-32-characters', 'gateway').sign({ userId: 'u-admin', roles: ['admin'] });
  const expired = new InternalTokens(testSecrets.INTERNAL_TOKEN_SECRET, 'gateway').sign(null, -60);
  const [head, , signature] = identityHeaders(ada)['x-internal-token']!.split('.');
  const promoted = Buffer.from(JSON.stringify({ iss: 'emporium-internal', svc: 'gateway', sub: 'u-ada', roles: ['admin'], iat: 1, exp: 9_999_999_999 })).toString('base64url');
  for (const [what, token] of [['foreign', foreign], ['expired', expired], ['tampered', `${head}.${promoted}.${signature}`], ['garbage', 'not-a-token']]) {
    const res = await stranger().get('/whoami', { headers: { 'x-internal-token': token! } });
    assert.equal(res.status, 401, what);
    assert.match(res.body.detail, /internal token/, what);
  }
});

test('/internal routes need a service identity; public routes serve an anonymous stranger as nobody', async () => {
  assert.equal((await stranger().get('/internal/whoami')).status, 401);
  for (const path of ['/internal/whoami?x=1', '/%69nternal/whoami', '/internal//whoami', '/INTERNAL/whoami']) {
    assert.notEqual((await stranger().get(path)).status, 200, path);
  }
  assert.deepEqual((await stranger().get('/whoami')).body.caller, null);
  const asOrders = await stranger().get('/internal/whoami', { headers: identityHeaders(null, 'orders') });
  assert.equal(asOrders.status, 200);
  assert.deepEqual(asOrders.body.caller, { service: 'orders', principal: null });
});

test('a signed principal is what principalOf sees, and permission guards read the shared table', async () => {
  const res = await stranger().get('/whoami', { headers: identityHeaders(ada) });
  assert.deepEqual(res.body.caller, { service: 'gateway', principal: { userId: 'u-ada', roles: ['customer'], email: 'ada@example.com' } });
  assert.equal((await stranger().post('/refunds', {}, { headers: identityHeaders(ada) })).status, 403);
  assert.equal((await stranger().post('/refunds', {}, { headers: identityHeaders({ userId: 'u-sam', roles: 'staff' }) })).status, 200);
  assert.equal((await stranger().post('/refunds', {})).status, 401);
});

test('forwarded-for is believed only from a platform caller', async () => {
  const spoofed = { 'x-forwarded-for': '203.0.113.7' };
  assert.equal((await stranger().get('/whoami', { headers: spoofed })).body.ip, '127.0.0.1');
  assert.equal((await stranger().get('/whoami', { headers: { ...spoofed, ...identityHeaders() } })).body.ip, '203.0.113.7');
});

test('the kit HTTP client signs each call as the calling service, acting for the user it names', async () => {
  const till = apiClient(platform.url('till'), { signed: false });
  const forUser = await till.get('/relay', { headers: identityHeaders(ada) });
  assert.equal(forUser.status, 200, JSON.stringify(forUser.body));
  assert.deepEqual(forUser.body.caller, { service: 'till', principal: { userId: 'u-ada', roles: ['customer'], email: 'ada@example.com' } });
  const anonymous = await till.get('/relay');
  assert.deepEqual(anonymous.body.caller, { service: 'till', principal: null });
});

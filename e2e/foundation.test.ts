import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as catalog } from '@emporium/catalog';
import { service as gateway } from '@emporium/gateway';
import { adminCredentials, eventually, login, signUp, staffToken, usersEnv } from './helpers.ts';

// The platform foundation through the gateway over real HTTP: users, auth, RBAC, catalog, resilience.
let platform: TestPlatform;
let api: ApiClient;
before(async () => {
  platform = await TestPlatform.start([users, catalog, gateway], { env: { users: usersEnv, gateway: { BREAKER_RESET_MS: '500', UPSTREAM_TIMEOUT_MS: '30000' } } });
  api = apiClient(() => platform.url('gateway'));
});
after(() => platform.stop());

test('register, login, read own profile, refresh, logout', async () => {
  const ana = await signUp(api, 'ana@e2e.test');
  const me = await api.get('/api/v1/users/me', { token: ana.accessToken });
  assert.equal(me.status, 200);
  assert.equal(me.body.email, 'ana@e2e.test');

  const refreshed = await api.post('/api/v1/users/refresh', { refreshToken: ana.refreshToken });
  assert.equal(refreshed.status, 200);
  assert.notEqual(refreshed.body.refreshToken, ana.refreshToken);
  assert.equal((await api.get('/api/v1/users/me', { token: refreshed.body.accessToken })).status, 200);

  assert.equal((await api.post('/api/v1/users/logout', { refreshToken: refreshed.body.refreshToken })).status, 204);
  assert.equal((await api.post('/api/v1/users/refresh', { refreshToken: refreshed.body.refreshToken })).status, 401);
});

test('no token, a forged token and a wrong password are 401; a duplicate email changes nothing', async () => {
  assert.equal((await api.get('/api/v1/users/me')).status, 401);
  const forged = await api.get('/api/v1/users/me', { token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' });
  assert.equal(forged.status, 401);
  assert.match(forged.headers.get('content-type') ?? '', /problem\+json/);
  await signUp(api, 'bo@e2e.test');
  const wrong = await api.post('/api/v1/users/login', { email: 'bo@e2e.test', password: 'not-the-password' });
  const unknown = await api.post('/api/v1/users/login', { email: 'nobody@e2e.test', password: 'not-the-password' });
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.body.detail, unknown.body.detail, 'no hint which part was wrong');
  assert.equal((await api.post('/api/v1/users/register', { email: 'BO@e2e.test', password: 'another-password' })).status, 202);
  assert.equal((await api.post('/api/v1/users/login', { email: 'bo@e2e.test', password: 'another-password' })).status, 401);
});

test('a customer cannot read another user profile or write the catalog', async () => {
  const cy = await signUp(api, 'cy@e2e.test');
  const di = await signUp(api, 'di@e2e.test');
  assert.equal((await api.get(`/api/v1/users/${di.id}`, { token: cy.accessToken })).status, 403);
  assert.equal((await api.get(`/api/v1/users/${cy.id}`, { token: cy.accessToken })).status, 200);
  const write = await api.post('/api/v1/catalog/categories', { name: 'Hacks', slug: 'hacks' }, { token: cy.accessToken });
  assert.equal(write.status, 403);
  assert.equal((await api.post('/api/v1/catalog/categories', { name: 'Hacks', slug: 'hacks' })).status, 401);
  // client-sent identity headers are not trusted
  const spoofed = await api.post('/api/v1/catalog/categories', { name: 'Hacks', slug: 'hacks' }, { token: cy.accessToken, headers: { 'x-user-roles': 'admin' } });
  assert.equal(spoofed.status, 403);
});

test('staff creates a product; full-text search, filters and an active offer apply', async () => {
  const staff = await staffToken(api, 'staff@e2e.test');
  const category = await api.post('/api/v1/catalog/categories', { name: 'Trail Running', slug: 'trail-running' }, { token: staff });
  assert.equal(category.status, 201, JSON.stringify(category.body));
  const product = await api.post(
    '/api/v1/catalog/products',
    { name: 'Ridge Runner Trail Shoe', description: 'Grippy lugs for muddy mountain paths', sku: 'E2E-RIDGE-42', price: 12900, currency: 'EUR', categoryId: category.body.id, attributes: { color: 'orange', size: '42' }, images: ['https://img.example/ridge.jpg'] },
    { token: staff },
  );
  assert.equal(product.status, 201, JSON.stringify(product.body));

  const search = await api.get('/api/v1/catalog/products?q=muddy%20shoes');
  assert.equal(search.status, 200);
  assert.ok(search.body.items.some((p: { sku: string }) => p.sku === 'E2E-RIDGE-42'), 'found by full-text search');

  const filtered = await api.get(`/api/v1/catalog/products?category=${category.body.id}&minPrice=10000&maxPrice=13000&attr.color=orange`);
  assert.deepEqual(filtered.body.items.map((p: { sku: string }) => p.sku), ['E2E-RIDGE-42']);
  const outOfRange = await api.get(`/api/v1/catalog/products?category=${category.body.id}&maxPrice=9999`);
  assert.equal(outOfRange.body.items.length, 0);

  const now = Date.now();
  const offer = await api.post(
    '/api/v1/catalog/offers',
    { name: 'Trail week', kind: 'percentage', value: 20, startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), categoryIds: [category.body.id] },
    { token: staff },
  );
  assert.equal(offer.status, 201, JSON.stringify(offer.body));
  const priced = await api.get(`/api/v1/catalog/products/${product.body.id}`);
  assert.equal(priced.body.price, 12900);
  assert.equal(priced.body.effectivePrice, 10320);
});

test('bad input on write routes is a 400 problem naming the field, and nothing is written', async () => {
  const staff = await staffToken(api, 'staff2@e2e.test');
  const cases: Array<[string, string, unknown, string]> = [
    ['/api/v1/users/register', 'POST', { password: 'long-enough-pw' }, 'email'],
    ['/api/v1/users/register', 'POST', { email: 'x@e2e.test', password: 12345678 }, 'password'],
    ['/api/v1/users/register', 'POST', { email: 'y@e2e.test', password: 'p'.repeat(500) }, 'password'],
    ['/api/v1/catalog/products', 'POST', { name: 'Neg', sku: 'E2E-NEG-1', price: -1, currency: 'EUR' }, 'price'],
    ['/api/v1/catalog/products', 'POST', { name: 'N'.repeat(5000), sku: 'E2E-BIG-1', price: 1, currency: 'EUR' }, 'name'],
    ['/api/v1/catalog/products', 'POST', { name: 'Str', sku: 'E2E-STR-1', price: '12', currency: 'EUR' }, 'price'],
    ['/api/v1/catalog/products', 'POST', { sku: 'E2E-MISS-1', price: 1, currency: 'EUR' }, 'name'],
  ];
  for (const [path, method, body, field] of cases) {
    const res = method === 'POST' ? await api.post(path, body, { token: staff }) : await api.put(path, body, { token: staff });
    assert.equal(res.status, 400, `${path} ${JSON.stringify(body).slice(0, 60)}`);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    assert.match(res.body.detail, new RegExp(field), `detail names ${field}: ${res.body.detail}`);
  }
  const admin = await login(api, adminCredentials.email, adminCredentials.password);
  const listed = await api.get('/api/v1/users?email=e2e.test&limit=100', { token: admin.accessToken });
  assert.ok(!JSON.stringify(listed.body).includes('x@e2e.test'));
  const products = await api.get('/api/v1/catalog/products?q=Neg&limit=100');
  assert.ok(!products.body.items.some((p: { sku: string }) => p.sku.startsWith('E2E-NEG') || p.sku.startsWith('E2E-STR') || p.sku.startsWith('E2E-BIG')));
});

test('the gateway answers 503 quickly when the catalog is down, and recovers when it is back', async () => {
  assert.equal((await api.get('/api/v1/catalog/products')).status, 200);
  await platform.stopService('catalog');
  const started = performance.now();
  const down = await api.get('/api/v1/catalog/products');
  const elapsedMs = performance.now() - started;
  assert.equal(down.status, 503);
  assert.match(down.headers.get('content-type') ?? '', /problem\+json/);
  assert.ok(elapsedMs < 10_000, `503 must come from the refused connection, not the 30 s upstream timeout (took ${Math.round(elapsedMs)} ms)`);
  await platform.restartService('catalog');
  await eventually(async () => (await api.get('/api/v1/catalog/products')).status === 200, 'catalog to answer again through the gateway');
});

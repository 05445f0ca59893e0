import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@emporium/kit';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as catalog } from '@emporium/catalog';
import { service as inventory } from '@emporium/inventory';
import { service as gateway } from '@emporium/gateway';
import { adminCredentials, eventually, login, usersEnv } from './helpers.ts';

// Inventory keeps stock only for SKUs the catalog sells (learned from its events, or asked of it).
let platform: TestPlatform;
let api: ApiClient;
let token: string;
let n = 0;
const sku = (label: string) => `INV-${label}-${Date.now().toString(36).toUpperCase()}-${++n}`;
const asAdmin = () => ({ token });

before(async () => {
  platform = await TestPlatform.start([users, catalog, inventory, gateway], { env: { users: usersEnv, gateway: { UPSTREAM_TIMEOUT_MS: '30000' } } });
  api = apiClient(() => platform.url('gateway'));
  token = (await login(api, adminCredentials.email, adminCredentials.password)).accessToken;
  assert.equal((await api.post('/api/v1/inventory/warehouses', { id: 'main', name: 'Main' }, asAdmin())).status, 201);
});
after(() => platform?.stop());

async function createProduct(productSku: string): Promise<string> {
  const res = await api.post('/api/v1/catalog/products', { sku: productSku, name: `Item ${productSku}`, price: 1500, currency: 'EUR' }, asAdmin());
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

/** Whether inventory has the SKU in its table of catalog SKUs. */
async function learned(wanted: string): Promise<boolean> {
  const rows = rowsOf(await platform.service('inventory').deps.db.execute(sql`select 1 from catalog_skus where sku = ${wanted}`));
  return rows.length === 1;
}

test('stock for a SKU the catalog does not know is a 404 problem naming it, and nothing is written', async () => {
  const unknown = sku('GHOST');
  const put = await api.put(`/api/v1/inventory/stock/${unknown}`, { warehouseId: 'main', onHand: 5 }, asAdmin());
  assert.equal(put.status, 404);
  assert.match(put.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(put.body.sku, unknown);
  assert.match(put.body.detail, /not in the catalog/);
  const adjusted = await api.post(`/api/v1/inventory/stock/${unknown}/adjustments`, { warehouseId: 'main', delta: 3, reason: 'received' }, asAdmin());
  assert.equal(adjusted.status, 404);
  assert.deepEqual((await api.get(`/api/v1/inventory/stock/${unknown}`)).body.warehouses, []);
  assert.deepEqual((await api.get(`/api/v1/inventory/stock/${unknown}/adjustments`, asAdmin())).body.items, []);
  assert.equal(await learned(unknown), false);
});

test('a product just created (its event maybe not arrived yet) can be stocked at once, and so can a new variant', async () => {
  const productSku = sku('NEW');
  const productId = await createProduct(productSku);
  const put = await api.put(`/api/v1/inventory/stock/${productSku}`, { warehouseId: 'main', onHand: 7 }, asAdmin());
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.totals.onHand, 7);

  const variantSku = `${productSku}-XL`;
  assert.equal((await api.post(`/api/v1/catalog/products/${productId}/variants`, { sku: variantSku, name: 'XL' }, asAdmin())).status, 201);
  const adjusted = await api.post(`/api/v1/inventory/stock/${variantSku}/adjustments`, { warehouseId: 'main', delta: 4, reason: 'received' }, asAdmin());
  assert.equal(adjusted.status, 201, JSON.stringify(adjusted.body));
});

test('SKUs learned from catalog events, variants included, are stockable while the catalog is down', async () => {
  const productSku = sku('EVT');
  const productId = await createProduct(productSku);
  const variantSku = `${productSku}-S`;
  assert.equal((await api.post(`/api/v1/catalog/products/${productId}/variants`, { sku: variantSku, name: 'S' }, asAdmin())).status, 201);
  await eventually(async () => (await learned(productSku)) && (await learned(variantSku)), 'inventory learning both SKUs from product events');

  await platform.stopService('catalog');
  for (const known of [productSku, variantSku]) {
    const put = await api.put(`/api/v1/inventory/stock/${known}`, { warehouseId: 'main', onHand: 2 }, asAdmin());
    assert.equal(put.status, 200, JSON.stringify(put.body));
  }
  // A SKU it has never heard of cannot be checked now: a 503 problem, not stock for a phantom.
  const unknown = sku('DOWN');
  const refused = await api.put(`/api/v1/inventory/stock/${unknown}`, { warehouseId: 'main', onHand: 2 }, asAdmin());
  assert.equal(refused.status, 503);
  assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.deepEqual((await api.get(`/api/v1/inventory/stock/${unknown}`)).body.warehouses, []);
});

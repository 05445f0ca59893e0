import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { assertProblem, hoursFromNow, staff } from './helpers.ts';

let platform: TestPlatform;
let api: ApiClient;
const ids: Record<string, string> = {};
const cat: Record<string, string> = {};

async function create(path: string, body: Record<string, unknown>, headers = staff) {
  const res = await api.post(path, body, headers);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

const window = (from: number, to: number) => ({ startsAt: hoursFromNow(from), endsAt: hoursFromNow(to) });
const getProduct = async (id: string) => (await api.get(`/catalog/products/${id}`)).body;
const internalPrice = async (sku: string) => (await api.get(`/internal/prices?skus=${sku}`)).body.items[0];

before(async () => {
  platform = await TestPlatform.start([service]);
  api = apiClient(platform.url('catalog'));
  cat.home = (await create('/catalog/categories', { name: 'Home' })).id;
  cat.kitchen = (await create('/catalog/categories', { name: 'Kitchen', parentId: cat.home })).id;
  cat.garden = (await create('/catalog/categories', { name: 'Garden' })).id;
  ids.pan = (await create('/catalog/products', { sku: 'O-PAN-1', name: 'Frying Pan', price: 3999, currency: 'EUR', categoryId: cat.kitchen })).id;
  ids.hose = (await create('/catalog/products', { sku: 'O-HOSE-1', name: 'Garden Hose', price: 2500, currency: 'EUR', categoryId: cat.garden })).id;
  ids.rake = (await create('/catalog/products', { sku: 'O-RAKE-1', name: 'Rake', price: 2000, currency: 'USD', categoryId: cat.garden })).id;
  await create(`/catalog/products/${ids.pan}/variants`, { sku: 'O-PAN-1-XL', name: 'XL', price: 5000 });
});
after(() => platform.stop());

test('expired and future offers leave prices alone', async () => {
  await create('/catalog/offers', { name: 'Last week', kind: 'percentage', value: 50, ...window(-48, -24), productIds: [ids.pan] });
  await create('/catalog/offers', { name: 'Next week', kind: 'percentage', value: 50, ...window(24, 48), categoryIds: [cat.home] });
  const pan = await getProduct(ids.pan);
  assert.equal(pan.effectivePrice, 3999);
  assert.equal(pan.appliedOffer, null);
  assert.deepEqual(await internalPrice('O-PAN-1'), { sku: 'O-PAN-1', productId: ids.pan, name: 'Frying Pan', price: 3999, basePrice: 3999, currency: 'EUR' });
  const listed = (await api.get('/catalog/offers')).body.items;
  assert.equal(listed.length, 2);
  assert.ok(listed.every((o: { active: boolean }) => !o.active));
});

test('an offer on an ancestor category, inside its window, lowers the effective price everywhere', async () => {
  const offer = await create('/catalog/offers', { name: 'Home week', kind: 'percentage', value: 15, ...window(-1, 1), categoryIds: [cat.home] });
  assert.equal(offer.active, true);
  assert.equal(offer.currency, null);
  const pan = await getProduct(ids.pan);
  // 15% of 3999 = 599.85 → 600 off (round half up).
  assert.equal(pan.price, 3999);
  assert.equal(pan.effectivePrice, 3399);
  assert.deepEqual(pan.appliedOffer, { id: offer.id, name: 'Home week' });
  assert.equal(pan.variants[0].effectivePrice, 4250);
  assert.deepEqual(pan.variants[0].appliedOffer, { id: offer.id, name: 'Home week' });
  assert.deepEqual(await internalPrice('O-PAN-1'), { sku: 'O-PAN-1', productId: ids.pan, name: 'Frying Pan', price: 3399, basePrice: 3999, currency: 'EUR' });
  assert.equal((await internalPrice('O-PAN-1-XL')).price, 4250);
  // Listings, filters and sorting use the effective price as well.
  const list = (await api.get('/catalog/products?sort=price_asc')).body.items;
  assert.deepEqual(list.map((p: { sku: string; effectivePrice: number }) => [p.sku, p.effectivePrice]), [['O-RAKE-1', 2000], ['O-HOSE-1', 2500], ['O-PAN-1', 3399]]);
  assert.deepEqual((await api.get('/catalog/products?maxPrice=3399')).body.items.map((p: { sku: string }) => p.sku).sort(), ['O-HOSE-1', 'O-PAN-1', 'O-RAKE-1']);
  assert.deepEqual((await api.get('/catalog/products?minPrice=3400')).body.items, []);
  // The hose is in another tree and keeps its price.
  assert.equal((await getProduct(ids.hose)).effectivePrice, 2500);

  assert.equal((await api.delete(`/catalog/offers/${offer.id}`, staff)).status, 204);
  assert.equal((await getProduct(ids.pan)).effectivePrice, 3999);
  assertProblem(await api.delete(`/catalog/offers/${offer.id}`, staff), 404);
});

test('the best of several active offers wins, and a fixed offer only touches its currency', async () => {
  const pct = await create('/catalog/offers', { name: '10% garden', kind: 'percentage', value: 10, ...window(-1, 1), categoryIds: [cat.garden] });
  const fixed = await create('/catalog/offers', { name: '5 EUR off hose', kind: 'fixed', value: 500, ...window(-1, 1), productIds: [ids.hose] });
  assert.equal(fixed.currency, 'EUR');
  const hose = await getProduct(ids.hose);
  assert.equal(hose.effectivePrice, 2000);
  assert.deepEqual(hose.appliedOffer, { id: fixed.id, name: '5 EUR off hose' });
  const rake = await getProduct(ids.rake);
  assert.equal(rake.effectivePrice, 1800, 'the USD rake gets the percentage, not the EUR amount');
  assert.deepEqual(rake.appliedOffer, { id: pct.id, name: '10% garden' });
  // A fixed amount larger than the price makes it free, never negative.
  const huge = await create('/catalog/offers', { name: 'Giveaway', kind: 'fixed', value: 999999, currency: 'USD', ...window(-1, 1), productIds: [ids.rake] });
  assert.equal((await getProduct(ids.rake)).effectivePrice, 0);
  assert.equal((await internalPrice('O-RAKE-1')).price, 0);
  for (const o of [pct, fixed, huge]) assert.equal((await api.delete(`/catalog/offers/${o.id}`, staff)).status, 204);
});

test('an Idempotency-Key makes a retried create return the first response without a second write', async () => {
  const key = { headers: { ...staff.headers, 'idempotency-key': 'create-kettle-1' } };
  const body = { sku: 'O-KETTLE-1', name: 'Kettle', price: 4999, currency: 'EUR', categoryId: cat.kitchen };
  const first = await api.post('/catalog/products', body, key);
  const retry = await api.post('/catalog/products', body, key);
  assert.equal(first.status, 201);
  assert.equal(retry.status, 201);
  assert.equal(retry.body.id, first.body.id);
  assert.equal((await api.get('/catalog/products?q=kettle')).body.total, 1);
  // Without the key the same body is a duplicate SKU.
  assertProblem(await api.post('/catalog/products', body, staff), 409);
  // The same key with another request is refused (Stripe's rule), and nothing is written.
  assertProblem(await api.post('/catalog/products', { ...body, sku: 'O-KETTLE-2' }, key), 422);
  assert.equal((await api.get('/catalog/products?q=kettle')).body.total, 1);
});

test('deleting a product removes it and its variant SKUs', async () => {
  const mug = await create('/catalog/products', { sku: 'O-MUG-1', name: 'Mug', price: 900, currency: 'EUR' });
  await create(`/catalog/products/${mug.id}/variants`, { sku: 'O-MUG-1-BLUE', name: 'Blue', attributes: { color: 'blue' } });
  assert.equal((await api.delete(`/catalog/products/${mug.id}`, staff)).status, 204);
  assertProblem(await api.get(`/catalog/products/${mug.id}`), 404);
  assert.deepEqual((await api.get('/internal/prices?skus=O-MUG-1,O-MUG-1-BLUE')).body.items, []);
  assertProblem(await api.delete(`/catalog/products/${mug.id}`, staff), 404);
  // The SKU is free again.
  assert.equal((await api.post('/catalog/products', { sku: 'O-MUG-1-BLUE', name: 'Blue Mug', price: 900, currency: 'EUR' }, staff)).status, 201);
});

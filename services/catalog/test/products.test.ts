import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import type { EventEnvelope } from '@emporium/contracts';
import { service } from '../src/app.ts';
import { as, assertProblem, customer, eventually, staff } from './helpers.ts';

let platform: TestPlatform;
let api: ApiClient;
const events: EventEnvelope[] = [];
const ids: Record<string, string> = {};
const cat: Record<string, string> = {};

async function createCategory(name: string, parentId?: string) {
  const res = await api.post('/catalog/categories', { name, parentId }, staff);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

async function createProduct(body: Record<string, unknown>) {
  const res = await api.post('/catalog/products', { currency: 'EUR', ...body }, staff);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

const skusOf = (res: { body: { items: Array<{ sku: string }> } }) => res.body.items.map((p) => p.sku).sort();

before(async () => {
  platform = await TestPlatform.start([service]);
  api = apiClient(platform.url('catalog'));
  await platform.service('catalog').deps.bus.subscribe('catalog-test', ['product.created', 'product.updated'], async (event) => {
    events.push(event);
  });
  cat.shoes = await createCategory('Shoes');
  cat.running = await createCategory('Running', cat.shoes);
  cat.bags = await createCategory('Bags');
  // Created in this order, so "newest" is the reverse.
  ids.shoe = (await createProduct({ sku: 'T-RUN-1', name: 'Running Shoe', description: 'Light cushioned shoe for road running.', price: 10000, categoryId: cat.running, attributes: { color: 'red', brand: 'Stride' }, images: ['https://picsum.photos/seed/T-RUN-1/600/600'] })).id;
  ids.boot = (await createProduct({ sku: 'T-BOOT-1', name: 'Leather Boot', description: 'Waterproof hiking boot.', price: 20000, categoryId: cat.shoes, attributes: { color: 'brown', brand: 'Summit' } })).id;
  ids.tote = (await createProduct({ sku: 'T-TOTE-1', name: 'Canvas Tote', description: 'Roomy bag for the market.', price: 3000, categoryId: cat.bags, attributes: { color: 'red', brand: 'Loomwell' } })).id;
  ids.draft = (await createProduct({ sku: 'T-DRAFT-1', name: 'Secret Sandal', description: 'Not launched yet.', price: 500, categoryId: cat.shoes, status: 'draft' })).id;
});
after(() => platform.stop());

test('a created product has the documented shape and announces itself through the outbox', async () => {
  const res = await api.get(`/catalog/products/${ids.shoe}`);
  assert.equal(res.status, 200);
  const p = res.body;
  assert.equal(p.sku, 'T-RUN-1');
  assert.equal(p.name, 'Running Shoe');
  assert.equal(p.price, 10000);
  assert.equal(p.effectivePrice, 10000);
  assert.equal(p.currency, 'EUR');
  assert.equal(p.appliedOffer, null);
  assert.equal(p.status, 'active');
  assert.equal(p.categoryId, cat.running);
  assert.deepEqual(p.attributes, { color: 'red', brand: 'Stride' });
  assert.deepEqual(p.images, ['https://picsum.photos/seed/T-RUN-1/600/600']);
  assert.deepEqual(p.variants, []);
  await eventually(() => events.some((e) => e.type === 'product.created' && (e.data as { productId: string }).productId === ids.shoe), 'product.created');
  const created = events.find((e) => e.type === 'product.created' && (e.data as { productId: string }).productId === ids.shoe)!;
  assert.deepEqual(created.data, { productId: ids.shoe, sku: 'T-RUN-1', name: 'Running Shoe', price: 10000, currency: 'EUR', variantSkus: [] });
  assert.equal(created.source, 'catalog');
});

test('full-text search stems words and ranks name matches first', async () => {
  const search = await api.get('/catalog/search?q=shoes');
  assert.equal(search.status, 200);
  assert.deepEqual(skusOf(search), ['T-RUN-1']);
  // "hiking" is in the boot's description (weight B), "boot" in its name (A); a description-only hit ranks below.
  await createProduct({ sku: 'T-SOCK-1', name: 'Wool Sock', description: 'Warm sock to wear inside any boot.', price: 900, categoryId: cat.shoes });
  const ranked = await api.get('/catalog/search?q=boot');
  assert.deepEqual(ranked.body.items.map((p: { sku: string }) => p.sku), ['T-BOOT-1', 'T-SOCK-1']);
  assert.equal(ranked.body.total, 2);
  // Attribute values are searchable too (weight C), and q works on the listing.
  assert.deepEqual(skusOf(await api.get('/catalog/products?q=stride')), ['T-RUN-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?q=running%20-shoe')), []);
  assertProblem(await api.get('/catalog/search'), 400, 'querystring.q');
  const del = await api.delete(`/catalog/products/${ranked.body.items[1].id}`, staff);
  assert.equal(del.status, 204);
});

test('the category filter takes an id or a slug and includes child categories', async () => {
  assert.deepEqual(skusOf(await api.get('/catalog/products?category=shoes')), ['T-BOOT-1', 'T-RUN-1']);
  assert.deepEqual(skusOf(await api.get(`/catalog/products?category=${cat.shoes}`)), ['T-BOOT-1', 'T-RUN-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?category=running')), ['T-RUN-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?category=bags')), ['T-TOTE-1']);
  const unknown = await api.get('/catalog/products?category=no-such-category');
  assert.equal(unknown.status, 200);
  assert.equal(unknown.body.total, 0);
});

test('categories come back as a tree', async () => {
  const res = await api.get('/catalog/categories');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.items.map((c: { slug: string }) => c.slug), ['bags', 'shoes']);
  const shoes = res.body.items[1];
  assert.deepEqual(shoes.children.map((c: { slug: string; parentId: string }) => [c.slug, c.parentId]), [['running', cat.shoes]]);
});

test('price range and attribute filters', async () => {
  assert.deepEqual(skusOf(await api.get('/catalog/products?minPrice=5000&maxPrice=15000')), ['T-RUN-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?maxPrice=3000')), ['T-TOTE-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?minPrice=20000')), ['T-BOOT-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?attr.color=red')), ['T-RUN-1', 'T-TOTE-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?attr.color=red&attr.brand=Stride')), ['T-RUN-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?attr.color=red&category=bags')), ['T-TOTE-1']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?attr.color=purple')), []);
  assertProblem(await api.get('/catalog/products?attr.col%20or=red'), 400, 'attr');
  assertProblem(await api.get('/catalog/products?minPrice=-1'), 400, 'querystring.minPrice');
});

test('variants have their own SKU, price and attributes, and attribute filters see them', async () => {
  const res = await api.post(`/catalog/products/${ids.shoe}/variants`, { sku: 'T-RUN-1-44', name: 'Size 44', price: 11000, attributes: { size: '44' } }, staff);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.deepEqual(
    { sku: res.body.sku, name: res.body.name, price: res.body.price, effectivePrice: res.body.effectivePrice, currency: res.body.currency, appliedOffer: res.body.appliedOffer, attributes: res.body.attributes },
    { sku: 'T-RUN-1-44', name: 'Size 44', price: 11000, effectivePrice: 11000, currency: 'EUR', appliedOffer: null, attributes: { size: '44' } },
  );
  const plain = await api.post(`/catalog/products/${ids.shoe}/variants`, { sku: 'T-RUN-1-42', name: 'Size 42', attributes: { size: '42' } }, staff);
  assert.equal(plain.status, 201);
  assert.equal(plain.body.price, 10000, 'a variant without its own price sells at the product price');
  const product = (await api.get(`/catalog/products/${ids.shoe}`)).body;
  assert.deepEqual(product.variants.map((v: { sku: string }) => v.sku), ['T-RUN-1-44', 'T-RUN-1-42']);
  assert.deepEqual(skusOf(await api.get('/catalog/products?attr.size=44')), ['T-RUN-1']);
  // The last update (the second variant) names both variant SKUs, so consumers learn every sellable SKU.
  const withBothVariants = (e: (typeof events)[number]) => e.type === 'product.updated' && JSON.stringify((e.data as { variantSkus: string[] }).variantSkus) === JSON.stringify(['T-RUN-1-44', 'T-RUN-1-42']);
  await eventually(() => events.some(withBothVariants), 'product.updated naming both variants');
});

test('sort orders', async () => {
  const order = async (sort: string) => (await api.get(`/catalog/products?sort=${sort}`)).body.items.map((p: { sku: string }) => p.sku);
  assert.deepEqual(await order('price_asc'), ['T-TOTE-1', 'T-RUN-1', 'T-BOOT-1']);
  assert.deepEqual(await order('price_desc'), ['T-BOOT-1', 'T-RUN-1', 'T-TOTE-1']);
  assert.deepEqual(await order('name'), ['T-TOTE-1', 'T-BOOT-1', 'T-RUN-1']);
  assert.deepEqual(await order('newest'), ['T-TOTE-1', 'T-BOOT-1', 'T-RUN-1']);
  assertProblem(await api.get('/catalog/products?sort=cheapest'), 400, 'querystring.sort');
});

test('pagination reports the total and pages do not overlap', async () => {
  const first = await api.get('/catalog/products?sort=name&limit=2&offset=0');
  const second = await api.get('/catalog/products?sort=name&limit=2&offset=2');
  assert.equal(first.body.total, 3);
  assert.equal(second.body.total, 3);
  assert.equal(first.body.limit, 2);
  assert.equal(second.body.offset, 2);
  assert.equal(first.body.items.length, 2);
  assert.equal(second.body.items.length, 1);
  assert.deepEqual([...skusOf(first), ...skusOf(second)].sort(), ['T-BOOT-1', 'T-RUN-1', 'T-TOTE-1']);
  assert.equal((await api.get('/catalog/products?attr.color=red&limit=1')).body.total, 2);
  // Past the end there is no row to count from, yet the total is still known.
  const beyond = await api.get('/catalog/products?sort=name&limit=2&offset=10');
  assert.deepEqual([beyond.body.items.length, beyond.body.total], [0, 3]);
  assert.equal((await api.get('/catalog/products?q=nothingmatchesthis')).body.total, 0);
  assertProblem(await api.get('/catalog/products?limit=101'), 400, 'querystring.limit');
  assertProblem(await api.get('/catalog/products?offset=-1'), 400, 'querystring.offset');
});

test('drafts are visible to staff only and are not sellable', async () => {
  assertProblem(await api.get(`/catalog/products/${ids.draft}`), 404);
  assertProblem(await api.get(`/catalog/products/${ids.draft}`, customer), 404);
  assert.equal((await api.get(`/catalog/products/${ids.draft}`, staff)).status, 200);
  assert.ok(!skusOf(await api.get('/catalog/products?status=all', customer)).includes('T-DRAFT-1'));
  assert.deepEqual(skusOf(await api.get('/catalog/products?status=draft', staff)), ['T-DRAFT-1']);
  assert.equal((await api.get('/catalog/products?status=all', staff)).body.total, 4);
  assert.deepEqual((await api.get('/internal/prices?skus=T-DRAFT-1')).body, { items: [] });
});

test('internal prices by SKU cover products and variants; unknown SKUs are absent', async () => {
  const res = await api.get('/internal/prices?skus=T-RUN-1,T-RUN-1-44,NOPE-1,T-TOTE-1');
  assert.equal(res.status, 200);
  const bySku = Object.fromEntries(res.body.items.map((i: { sku: string }) => [i.sku, i]));
  assert.deepEqual(Object.keys(bySku).sort(), ['T-RUN-1', 'T-RUN-1-44', 'T-TOTE-1']);
  assert.deepEqual(bySku['T-RUN-1'], { sku: 'T-RUN-1', productId: ids.shoe, name: 'Running Shoe', price: 10000, basePrice: 10000, currency: 'EUR' });
  assert.deepEqual(bySku['T-RUN-1-44'], { sku: 'T-RUN-1-44', productId: ids.shoe, name: 'Running Shoe (Size 44)', price: 11000, basePrice: 11000, currency: 'EUR' });
  assertProblem(await api.get('/internal/prices'), 400, 'querystring.skus');
});

test('writes need staff or admin: 401 anonymous, 403 customer', async () => {
  const writes: Array<[string, string, unknown]> = [
    ['post', '/catalog/products', { sku: 'T-AUTH-1', name: 'X', price: 1, currency: 'EUR' }],
    ['patch', `/catalog/products/${ids.tote}`, { price: 1 }],
    ['delete', `/catalog/products/${ids.tote}`, undefined],
    ['post', `/catalog/products/${ids.tote}/variants`, { sku: 'T-AUTH-2', name: 'X' }],
    ['post', '/catalog/categories', { name: 'Hats' }],
    ['post', '/catalog/offers', { name: 'X', kind: 'percentage', value: 10, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 1e6).toISOString(), productIds: [ids.tote] }],
    ['delete', '/catalog/offers/00000000-0000-4000-8000-000000000000', undefined],
  ];
  for (const [method, path, body] of writes) {
    const send = (options?: object) => (method === 'delete' ? api.delete(path, options) : (api as any)[method](path, body, options));
    assertProblem(await send(), 401);
    assertProblem(await send(customer), 403);
  }
  const tote = (await api.get(`/catalog/products/${ids.tote}`)).body;
  assert.equal(tote.price, 3000);
  assert.deepEqual(tote.variants, []);
  assert.equal((await api.get('/catalog/categories')).body.items.length, 2);
  assert.deepEqual((await api.get('/catalog/offers')).body.items, []);
  // Admins may write as well.
  const admin = await api.patch(`/catalog/products/${ids.tote}`, { description: 'Roomy canvas bag for the market.' }, as('admin'));
  assert.equal(admin.status, 200);
  assert.equal(admin.body.description, 'Roomy canvas bag for the market.');
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { assertProblem, hoursFromNow, staff } from './helpers.ts';

let platform: TestPlatform;
let api: ApiClient;
let categoryId: string;
let productId: string;
const missingId = '00000000-0000-4000-8000-000000000000';

const valid = { sku: 'V-BASE-1', name: 'Base Product', price: 1000, currency: 'EUR' };

/** Everything a bad write could have touched, as staff sees it. */
async function snapshot() {
  const [products, categories, offers, product] = await Promise.all([
    api.get('/catalog/products?status=all&limit=100', staff),
    api.get('/catalog/categories'),
    api.get('/catalog/offers'),
    api.get(`/catalog/products/${productId}`, staff),
  ]);
  return { products: products.body, categories: categories.body, offers: offers.body, product: product.body };
}

before(async () => {
  platform = await TestPlatform.start([service]);
  api = apiClient(platform.url('catalog'));
  categoryId = (await api.post('/catalog/categories', { name: 'Valid', slug: 'valid' }, staff)).body.id;
  const product = await api.post('/catalog/products', { ...valid, categoryId }, staff);
  assert.equal(product.status, 201);
  productId = product.body.id;
  assert.equal((await api.post(`/catalog/products/${productId}/variants`, { sku: 'V-BASE-1-S', name: 'Small' }, staff)).status, 201);
});
after(() => platform.stop());

test('bad product bodies are 400/409 problems and write nothing', async () => {
  const before = await snapshot();
  const cases: Array<[unknown, number, string?]> = [
    [{ ...valid, sku: 'V-NEW-1', name: undefined }, 400, 'body.name'],
    [{ ...valid, sku: undefined }, 400, 'body.sku'],
    [{ ...valid, sku: 'V-NEW-1', currency: undefined }, 400, 'body.currency'],
    [{ ...valid, sku: 'V-NEW-1', price: '1000' }, 400, 'body.price'],
    [{ ...valid, sku: 'V-NEW-1', price: -1 }, 400, 'body.price'],
    [{ ...valid, sku: 'V-NEW-1', price: 10.5 }, 400, 'body.price'],
    [{ ...valid, sku: 'V-NEW-1', name: 'x'.repeat(201) }, 400, 'body.name'],
    [{ ...valid, sku: 'V-NEW-1', name: '   ' }, 400, 'body.name'],
    [{ ...valid, sku: 'V-NEW-1', description: 'x'.repeat(5001) }, 400, 'body.description'],
    [{ ...valid, sku: 'v-lower-1' }, 400, 'body.sku'],
    [{ ...valid, sku: 'AB' }, 400, 'body.sku'],
    [{ ...valid, sku: 'A'.repeat(41) }, 400, 'body.sku'],
    [{ ...valid, sku: 'V-NEW-1', currency: 'euro' }, 400, 'body.currency'],
    [{ ...valid, sku: 'V-NEW-1', status: 'archived' }, 400, 'body.status'],
    [{ ...valid, sku: 'V-NEW-1', images: ['not a url'] }, 400, 'body.images'],
    [{ ...valid, sku: 'V-NEW-1', images: Array.from({ length: 21 }, (_, i) => `https://picsum.photos/seed/${i}/600/600`) }, 400, 'body.images'],
    [{ ...valid, sku: 'V-NEW-1', attributes: { color: 7 } }, 400, 'body.attributes'],
    [{ ...valid, sku: 'V-NEW-1', attributes: { 'bad key': 'x' } }, 400, 'body.attributes'],
    [{ ...valid, sku: 'V-NEW-1', categoryId: 'shoes' }, 400, 'body.categoryId'],
    [{ ...valid, sku: 'V-NEW-1', categoryId: missingId }, 400, 'body.categoryId'],
    [{ ...valid, sku: 'V-NEW-1', surprise: true }, 400],
    [{ ...valid }, 409],
    [{ ...valid, sku: 'V-BASE-1-S' }, 409],
  ];
  for (const [body, status, field] of cases) assertProblem(await api.post('/catalog/products', body, staff), status, field);
  assert.deepEqual(await snapshot(), before);
});

test('bad product patches change nothing', async () => {
  const before = await snapshot();
  const cases: Array<[unknown, number, string?]> = [
    [{}, 400],
    [{ price: -5 }, 400, 'body.price'],
    [{ price: 'cheap' }, 400, 'body.price'],
    [{ name: '' }, 400, 'body.name'],
    [{ description: 'x'.repeat(5001) }, 400, 'body.description'],
    [{ sku: 'V-OTHER-1' }, 400],
    [{ categoryId: missingId }, 400, 'body.categoryId'],
    [{ status: 'gone' }, 400, 'body.status'],
  ];
  for (const [body, status, field] of cases) assertProblem(await api.patch(`/catalog/products/${productId}`, body, staff), status, field);
  assertProblem(await api.patch(`/catalog/products/${missingId}`, { price: 1 }, staff), 404);
  assertProblem(await api.patch('/catalog/products/not-an-id', { price: 1 }, staff), 404);
  assertProblem(await api.delete(`/catalog/products/${missingId}`, staff), 404);
  assert.deepEqual(await snapshot(), before);
});

test('bad variants are refused and write nothing', async () => {
  const before = await snapshot();
  const cases: Array<[unknown, number, string?]> = [
    [{ name: 'No SKU' }, 400, 'body.sku'],
    [{ sku: 'V-VAR-1' }, 400, 'body.name'],
    [{ sku: 'v-var-1', name: 'Lower' }, 400, 'body.sku'],
    [{ sku: 'V-VAR-1', name: 'Negative', price: -1 }, 400, 'body.price'],
    [{ sku: 'V-VAR-1', name: 'x'.repeat(201) }, 400, 'body.name'],
    [{ sku: 'V-VAR-1', name: 'Typed', attributes: ['red'] }, 400, 'body.attributes'],
    [{ sku: 'V-BASE-1', name: 'Taken by the product' }, 409],
    [{ sku: 'V-BASE-1-S', name: 'Taken by a variant' }, 409],
  ];
  for (const [body, status, field] of cases) assertProblem(await api.post(`/catalog/products/${productId}/variants`, body, staff), status, field);
  assertProblem(await api.post(`/catalog/products/${missingId}/variants`, { sku: 'V-VAR-2', name: 'Orphan' }, staff), 404);
  assert.deepEqual(await snapshot(), before);
  assert.deepEqual((await api.get('/internal/prices?skus=V-VAR-1,V-VAR-2')).body.items, []);
});

test('bad categories are refused and write nothing', async () => {
  const before = await snapshot();
  const cases: Array<[unknown, number, string?]> = [
    [{}, 400, 'body.name'],
    [{ name: 42 }, 400, 'body.name'],
    [{ name: 'x'.repeat(101) }, 400, 'body.name'],
    [{ name: 'Bad Slug', slug: 'Bad Slug' }, 400, 'body.slug'],
    [{ name: 'Orphan', parentId: missingId }, 400, 'body.parentId'],
    [{ name: '!!!' }, 400, 'body.slug'],
    [{ name: 'Valid again', slug: 'valid' }, 409],
    [{ name: 'Valid' }, 409],
  ];
  for (const [body, status, field] of cases) assertProblem(await api.post('/catalog/categories', body, staff), status, field);
  assert.deepEqual(await snapshot(), before);
});

test('bad offers are refused and write nothing', async () => {
  const before = await snapshot();
  const offer = { name: 'Sale', kind: 'percentage', value: 10, startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1), productIds: [productId] };
  const cases: Array<[unknown, number, string?]> = [
    [{ ...offer, name: undefined }, 400, 'body.name'],
    [{ ...offer, kind: 'bogo' }, 400, 'body.kind'],
    [{ ...offer, value: 0 }, 400, 'body.value'],
    [{ ...offer, value: -10 }, 400, 'body.value'],
    [{ ...offer, value: '10' }, 400, 'body.value'],
    [{ ...offer, value: 101 }, 400, 'body.value'],
    [{ ...offer, startsAt: 'tomorrow' }, 400, 'body.startsAt'],
    [{ ...offer, endsAt: hoursFromNow(-2) }, 400, 'body.endsAt'],
    [{ ...offer, productIds: [] }, 400, 'body.productIds'],
    [{ ...offer, productIds: ['nope'] }, 400, 'body.productIds'],
    [{ ...offer, productIds: [missingId] }, 400, 'body.productIds'],
    [{ ...offer, productIds: undefined, categoryIds: [missingId] }, 400, 'body.categoryIds'],
    [{ ...offer, name: 'x'.repeat(201) }, 400, 'body.name'],
    [{ ...offer, kind: 'fixed', currency: 'eur' }, 400, 'body.currency'],
  ];
  for (const [body, status, field] of cases) assertProblem(await api.post('/catalog/offers', body, staff), status, field);
  assertProblem(await api.delete('/catalog/offers/not-an-id', staff), 404);
  assert.deepEqual(await snapshot(), before);
  assert.equal((await api.get(`/catalog/products/${productId}`)).body.effectivePrice, 1000);
});

test('malformed JSON is a 400 problem', async () => {
  const res = await fetch(`${platform.url('catalog')}/catalog/products`, { method: 'POST', headers: { ...staff.headers, 'content-type': 'application/json' }, body: '{"sku":' });
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
});

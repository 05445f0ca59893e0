import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { outbox } from '@emporium/kit';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { seedDemoCatalog } from '../src/db/seed.ts';
import { seedProducts } from '../src/db/seed-data.ts';

let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  platform = await TestPlatform.start([service], { env: { catalog: { SEED_DEMO: '1' } } });
  api = apiClient(platform.url('catalog'));
});
after(() => platform.stop());

const total = async () => (await api.get('/catalog/products?limit=1')).body.total as number;
const createdEvents = async () => {
  const [row] = await platform.service('catalog').deps.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.type, 'product.created'));
  return row!.n;
};

test('SEED_DEMO=1 seeds at least 50 products across 5 categories, each with a product.created event', async () => {
  assert.ok(seedProducts.length >= 50);
  assert.equal(await total(), seedProducts.length);
  const categories = (await api.get('/catalog/categories')).body.items;
  assert.equal(categories.length, 5);
  for (const category of categories) {
    const inCategory = (await api.get(`/catalog/products?category=${category.slug}&limit=100`)).body;
    assert.ok(inCategory.total >= 5, `${category.slug} has ${inCategory.total} products`);
  }
  assert.equal(await createdEvents(), seedProducts.length);
  const shoe = (await api.get('/catalog/search?q=running%20shoes')).body.items[0];
  assert.equal(shoe.currency, 'EUR');
  assert.match(shoe.images[0], /^https:\/\/picsum\.photos\/seed\/[A-Z0-9-]+\/600\/600$/);
  assert.ok(shoe.attributes.brand && shoe.attributes.color);
});

test('seeding again, directly or by restarting with SEED_DEMO=1, adds nothing', async () => {
  const before = await total();
  assert.equal(await seedDemoCatalog(platform.service('catalog').deps.db), 0);
  await platform.restartService('catalog');
  assert.equal(await total(), before);
  assert.equal((await api.get('/catalog/categories')).body.items.length, 5);
  assert.equal(await createdEvents(), seedProducts.length);
});

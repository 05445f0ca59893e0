import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import type { EventEnvelope } from '@emporium/contracts';
import { processedEvents } from '@emporium/kit';
import { eq } from 'drizzle-orm';
import { service } from '../src/app.ts';
import { catalogSku, customer, eventually, freshSku, observe, publish, staff } from './helpers.ts';

let platform: TestPlatform;
let api: ApiClient;
let lowStock: EventEnvelope[];

before(async () => {
  platform = await TestPlatform.start([service], { env: { inventory: { SEED_DEMO: '1', FORECAST_ALPHA: '0.3' } } });
  api = apiClient(platform.url('inventory'));
  lowStock = await observe(platform, ['inventory.low_stock']);
  assert.equal((await api.post('/inventory/warehouses', { id: 'depot', name: 'Depot' }, staff)).status, 201);
});
after(() => platform?.stop());

const stockOf = async (sku: string) => (await api.get(`/inventory/stock/${sku}`)).body;
const lowStockFor = (sku: string) => lowStock.filter((e) => (e.data as { sku: string }).sku === sku);

test('warehouses: staff list and create; customers and anonymous callers cannot', async () => {
  const created = await api.post('/inventory/warehouses', { id: 'north', name: 'North hub' }, staff);
  assert.equal(created.status, 201);
  assert.equal(created.body.id, 'north');
  assert.equal(created.body.name, 'North hub');
  const generated = await api.post('/inventory/warehouses', { name: 'No id given' }, staff);
  assert.equal(generated.status, 201);
  assert.match(generated.body.id, /^[0-9a-f-]{36}$/);
  assert.equal((await api.post('/inventory/warehouses', { id: 'north', name: 'Again' }, staff)).status, 409);
  const list = await api.get('/inventory/warehouses', staff);
  assert.equal(list.status, 200);
  const ids = list.body.items.map((w: { id: string }) => w.id);
  for (const id of ['main', 'depot', 'north', generated.body.id]) assert.ok(ids.includes(id), id); // main: SEED_DEMO
  assert.equal((await api.post('/inventory/warehouses', { id: 'cust', name: 'Mine' }, customer)).status, 403);
  assert.equal((await api.post('/inventory/warehouses', { id: 'anon', name: 'Mine' })).status, 401);
  assert.equal((await api.get('/inventory/warehouses', customer)).status, 403);
  for (const body of [{ id: 'Bad Id!', name: 'x' }, { id: 'ok' }, { id: 'ok', name: 'n'.repeat(101) }, { id: 'ok', name: 42 }]) {
    assert.equal((await api.post('/inventory/warehouses', body, staff)).status, 400, JSON.stringify(body));
  }
  const after = await api.get('/inventory/warehouses', staff);
  assert.equal(after.body.items.length, list.body.items.length);
});

test('stock: PUT sets on hand and threshold; GET shows each warehouse and totals', async () => {
  const sku = await catalogSku(platform, 'put');
  const empty = await api.get(`/inventory/stock/${sku}`);
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.body, { sku, warehouses: [], totals: { onHand: 0, reserved: 0, available: 0 } });

  assert.equal((await api.put(`/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 12, threshold: 3 }, staff)).status, 200);
  const put = await api.put(`/inventory/stock/${sku}`, { warehouseId: 'depot', onHand: 2 }, staff);
  assert.equal(put.status, 200);
  assert.deepEqual(put.body.totals, { onHand: 14, reserved: 0, available: 14 });
  const view = await stockOf(sku);
  assert.deepEqual(view.warehouses, [
    { warehouseId: 'depot', warehouseName: 'Depot', onHand: 2, reserved: 0, available: 2, threshold: 10, lowStock: true },
    { warehouseId: 'main', warehouseName: 'Main warehouse', onHand: 12, reserved: 0, available: 12, threshold: 3, lowStock: false },
  ]);
  // only the threshold
  assert.equal((await api.put(`/inventory/stock/${sku}`, { warehouseId: 'depot', threshold: 1 }, staff)).status, 200);
  assert.equal((await stockOf(sku)).warehouses[0].lowStock, false);
});

test('stock: bad input, unknown warehouse, forbidden callers change nothing', async () => {
  const sku = await catalogSku(platform, 'putbad');
  await api.put(`/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 5 }, staff);
  const bad = [{ warehouseId: 'main' }, { warehouseId: 'main', onHand: -1 }, { warehouseId: 'main', onHand: 2.5 }, { onHand: 3 }, { warehouseId: 'main', threshold: 'x' }];
  for (const body of bad) assert.equal((await api.put(`/inventory/stock/${sku}`, body, staff)).status, 400, JSON.stringify(body));
  assert.equal((await api.put(`/inventory/stock/${sku}`, { warehouseId: 'nowhere', onHand: 3 }, staff)).status, 404);
  assert.equal((await api.put(`/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 99 }, customer)).status, 403);
  assert.equal((await api.put(`/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 99 })).status, 401);
  assert.deepEqual((await stockOf(sku)).totals, { onHand: 5, reserved: 0, available: 5 });
});

test('adjustments change on hand, are kept as history, and may not undercut reservations', async () => {
  const sku = await catalogSku(platform, 'adj');
  await api.put(`/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 10 }, staff);
  const received = await api.post(`/inventory/stock/${sku}/adjustments`, { warehouseId: 'main', delta: 5, reason: 'received', note: 'PO-17' }, staff);
  assert.equal(received.status, 201);
  assert.equal(received.body.onHandAfter, 15);
  assert.equal(received.body.createdBy, 'staff-1');
  const damaged = await api.post(`/inventory/stock/${sku}/adjustments`, { warehouseId: 'main', delta: -2, reason: 'damaged' }, staff);
  assert.equal(damaged.body.onHandAfter, 13);

  assert.equal((await api.post('/internal/reservations', { orderId: freshSku('o'), lines: [{ sku, quantity: 11 }] })).status, 201);
  const tooMuch = await api.post(`/inventory/stock/${sku}/adjustments`, { warehouseId: 'main', delta: -3, reason: 'correction' }, staff);
  assert.equal(tooMuch.status, 409);
  assert.equal(tooMuch.body.reserved, 11);
  assert.equal((await api.put(`/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 10 }, staff)).status, 409);
  assert.deepEqual((await stockOf(sku)).totals, { onHand: 13, reserved: 11, available: 2 });

  const history = await api.get(`/inventory/stock/${sku}/adjustments`, staff);
  assert.equal(history.status, 200);
  assert.deepEqual(
    history.body.items.map((a: { delta: number; reason: string; onHandAfter: number }) => [a.delta, a.reason, a.onHandAfter]),
    [[-2, 'damaged', 13], [5, 'received', 15], [10, 'correction', 10]], // the PUT is recorded as a correction
  );
  assert.equal(history.body.items[1].note, 'PO-17');
  assert.equal((await api.get(`/inventory/stock/${sku}/adjustments?limit=1`, staff)).body.items.length, 1);
  assert.equal((await api.get(`/inventory/stock/${sku}/adjustments`, customer)).status, 403);
});

test('an adjustment retried with the same Idempotency-Key is applied once', async () => {
  const sku = await catalogSku(platform, 'adjkey');
  const headers = { ...staff.headers, 'idempotency-key': `key-${sku}` };
  const body = { warehouseId: 'depot', delta: 7, reason: 'returned' };
  const first = await api.post(`/inventory/stock/${sku}/adjustments`, body, { headers });
  const retry = await api.post(`/inventory/stock/${sku}/adjustments`, body, { headers });
  assert.equal(first.status, 201);
  assert.equal(retry.status, 201); // the first answer, replayed
  assert.deepEqual(retry.body, first.body);
  assert.equal((await stockOf(sku)).totals.onHand, 7);
  const reused = await api.post(`/inventory/stock/${sku}/adjustments`, { ...body, delta: 1 }, { headers });
  assert.equal(reused.status, 422);
});

test('bad adjustments → 400 and nothing recorded', async () => {
  const sku = await catalogSku(platform, 'adjbad');
  const bad = [
    { warehouseId: 'main', delta: 0, reason: 'received' },
    { warehouseId: 'main', delta: 1.5, reason: 'received' },
    { warehouseId: 'main', delta: 2, reason: 'stolen' },
    { warehouseId: 'main', reason: 'received' },
    { warehouseId: 'main', delta: 2, reason: 'other', note: 'n'.repeat(501) },
  ];
  for (const body of bad) assert.equal((await api.post(`/inventory/stock/${sku}/adjustments`, body, staff)).status, 400, JSON.stringify(body));
  assert.equal((await api.post(`/inventory/stock/${sku}/adjustments`, { warehouseId: 'main', delta: -1, reason: 'other' }, staff)).status, 409);
  assert.equal((await api.post(`/inventory/stock/${sku}/adjustments`, { warehouseId: 'main', delta: 1, reason: 'other' }, customer)).status, 403);
  assert.deepEqual((await api.get(`/inventory/stock/${sku}/adjustments`, staff)).body.items, []);
  assert.deepEqual((await stockOf(sku)).warehouses, []);
});

test('low stock is announced once when available crosses below the threshold', async () => {
  const [sku, sentinel] = [await catalogSku(platform, 'low'), await catalogSku(platform, 'sentinel')];
  await api.put(`/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 10, threshold: 5 }, staff);
  const adjust = (delta: number) => api.post(`/inventory/stock/${sku}/adjustments`, { warehouseId: 'main', delta, reason: 'correction' }, staff);
  await adjust(-4); // available 6: fine
  await adjust(-2); // available 4: crossing
  await adjust(-1); // available 3: still low, no new alert
  await api.post('/internal/reservations', { orderId: freshSku('o'), lines: [{ sku, quantity: 1 }] }); // 2: still low
  await adjust(10); // 12: fine again
  await api.post('/internal/reservations', { orderId: freshSku('o'), lines: [{ sku, quantity: 8 }] }); // 4: second crossing

  // Events go out in the order they were written, so once the sentinel's alert (written last)
  // has arrived, every alert for `sku` has too.
  await api.put(`/inventory/stock/${sentinel}`, { warehouseId: 'main', onHand: 1, threshold: 0 }, staff);
  await api.put(`/inventory/stock/${sentinel}`, { warehouseId: 'main', threshold: 2 }, staff);
  await eventually(async () => {
    await platform.drainBus();
    assert.equal(lowStockFor(sentinel).length, 1);
  });
  assert.deepEqual(
    lowStockFor(sku).map((e) => e.data),
    [
      { sku, warehouseId: 'main', available: 4, threshold: 5 },
      { sku, warehouseId: 'main', available: 4, threshold: 5 },
    ],
  );
});

test('product.created gives demo stock in main once, and never to a SKU that has stock', async () => {
  const [fresh, stocked] = [freshSku('new'), await catalogSku(platform, 'old')];
  await api.put(`/inventory/stock/${stocked}`, { warehouseId: 'depot', onHand: 3 }, staff);
  const product = (sku: string) => ({ productId: `p-${sku}`, sku, name: 'Thing', price: 1000, currency: 'EUR', variantSkus: [] });
  const event = await publish(platform, 'product.created', product(fresh));
  await publish(platform, 'product.created', product(fresh), { id: event.id }); // redelivery
  const ignored = await publish(platform, 'product.created', product(stocked));
  await eventually(async () => assert.deepEqual((await stockOf(fresh)).totals, { onHand: 100, reserved: 0, available: 100 }));
  await eventually(async () => {
    const done = await platform.service('inventory').deps.db.select().from(processedEvents).where(eq(processedEvents.eventId, ignored.id));
    assert.equal(done.length, 1);
  });
  assert.deepEqual((await stockOf(stocked)).warehouses.map((w: { warehouseId: string; onHand: number }) => [w.warehouseId, w.onHand]), [['depot', 3]]);
  assert.deepEqual((await stockOf(fresh)).warehouses.map((w: { warehouseId: string }) => w.warehouseId), ['main']);
});

test('forecast smooths daily demand from order.paid, counting days without sales as zero', async () => {
  const sku = freshSku('fc');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
  const paid = (quantity: number) => ({ orderId: freshSku('o'), userId: null, email: null, total: 100, currency: 'EUR', lines: [{ sku, quantity, unitPrice: 10 }], paymentId: 'pay' });
  const old = await publish(platform, 'order.paid', paid(10), { occurredAt: day(-3) });
  await publish(platform, 'order.paid', paid(10), { id: old.id, occurredAt: day(-3) }); // redelivery counts once
  await publish(platform, 'order.paid', paid(3));
  await publish(platform, 'order.paid', paid(4));

  const res = await eventually(async () => {
    const r = await api.get(`/inventory/forecast/${sku}?days=7`, staff);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.history.map((d: { quantity: number }) => d.quantity), [10, 0, 0, 7]);
    return r;
  });
  // by hand, alpha 0.3: 10 → 7 → 4.9 → 0.3*7 + 0.7*4.9 = 5.53 per day; 7 days → 38.71
  assert.equal(res.body.sku, sku);
  assert.equal(res.body.alpha, 0.3);
  assert.equal(res.body.dailyForecast, 5.53);
  assert.equal(res.body.horizonDays, 7);
  assert.equal(res.body.forecastTotal, 38.71);
  assert.equal(res.body.history[0].date, day(-3).slice(0, 10));

  const none = await api.get(`/inventory/forecast/${freshSku('never')}`, staff);
  assert.deepEqual([none.body.dailyForecast, none.body.forecastTotal, none.body.horizonDays, none.body.history], [0, 0, 7, []]);
  assert.equal((await api.get(`/inventory/forecast/${sku}?days=0`, staff)).status, 400);
  assert.equal((await api.get(`/inventory/forecast/${sku}?days=abc`, staff)).status, 400);
  assert.equal((await api.get(`/inventory/forecast/${sku}`, customer)).status, 403);
});

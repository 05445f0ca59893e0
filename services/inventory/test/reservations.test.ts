import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import type { EventEnvelope } from '@emporium/contracts';
import { service } from '../src/app.ts';
import { announceProduct, eventually, freshSku, observe, staff } from './helpers.ts';

let platform: TestPlatform;
let api: ApiClient;
let seen: EventEnvelope[];

before(async () => {
  platform = await TestPlatform.start([service], { env: { inventory: { RESERVATION_SWEEP_MS: '100', DEFAULT_LOW_STOCK_THRESHOLD: '0' } } });
  api = apiClient(platform.url('inventory'));
  seen = await observe(platform, ['inventory.committed']);
  for (const id of ['east', 'west']) assert.equal((await api.post('/inventory/warehouses', { id, name: `${id} warehouse` }, staff)).status, 201);
});
after(() => platform?.stop());

async function stockUp(sku: string, warehouseId: string, onHand: number) {
  await announceProduct(platform, sku);
  const res = await api.put(`/inventory/stock/${sku}`, { warehouseId, onHand }, staff);
  assert.equal(res.status, 200, JSON.stringify(res.body));
}
const totals = async (sku: string) => (await api.get(`/inventory/stock/${sku}`)).body.totals;
const orderId = (label: string) => freshSku(`order-${label}`);

test('a reservation is all lines or none: one short line → 409 naming it, nothing held', async () => {
  const [a, b] = [freshSku('a'), freshSku('b')];
  await stockUp(a, 'east', 5);
  await stockUp(b, 'east', 1);
  const res = await api.post('/internal/reservations', { orderId: orderId('short'), lines: [{ sku: a, quantity: 3 }, { sku: b, quantity: 2 }] });
  assert.equal(res.status, 409);
  assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  assert.equal(res.body.detail, `Insufficient stock for SKU ${b}`);
  assert.equal(res.body.sku, b);
  assert.equal(res.body.requested, 2);
  assert.equal(res.body.available, 1);
  assert.deepEqual(await totals(a), { onHand: 5, reserved: 0, available: 5 });
  assert.deepEqual(await totals(b), { onHand: 1, reserved: 0, available: 1 });
});

test('a line is split across warehouses, most available first', async () => {
  const sku = freshSku('split');
  await stockUp(sku, 'east', 3);
  await stockUp(sku, 'west', 4);
  const res = await api.post('/internal/reservations', { orderId: orderId('split'), lines: [{ sku, quantity: 6 }] });
  assert.equal(res.status, 201);
  assert.equal(res.body.status, 'reserved');
  assert.ok(Date.parse(res.body.expiresAt) > Date.now());
  assert.deepEqual(res.body.lines, [{ sku, quantity: 6, allocations: [{ warehouseId: 'east', quantity: 2 }, { warehouseId: 'west', quantity: 4 }] }]);
  assert.deepEqual(await totals(sku), { onHand: 7, reserved: 6, available: 1 });
});

test('reserving again with the same orderId returns the existing reservation and holds nothing more', async () => {
  const sku = freshSku('idem');
  await stockUp(sku, 'east', 10);
  const body = { orderId: orderId('idem'), lines: [{ sku, quantity: 4 }] };
  const first = await api.post('/internal/reservations', body);
  const again = await api.post('/internal/reservations', body);
  assert.equal(first.status, 201);
  assert.equal(again.status, 201);
  assert.deepEqual(again.body, first.body);
  assert.deepEqual(await totals(sku), { onHand: 10, reserved: 4, available: 6 });
});

test('release gives the stock back, is idempotent, and a released reservation cannot be committed', async () => {
  const sku = freshSku('release');
  await stockUp(sku, 'east', 5);
  const id = orderId('release');
  assert.equal((await api.post('/internal/reservations', { orderId: id, lines: [{ sku, quantity: 5 }] })).status, 201);
  assert.deepEqual(await totals(sku), { onHand: 5, reserved: 5, available: 0 });
  for (let i = 0; i < 2; i++) {
    const res = await api.post(`/internal/reservations/${id}/release`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { orderId: id, status: 'released' });
  }
  assert.deepEqual(await totals(sku), { onHand: 5, reserved: 0, available: 5 });
  assert.equal((await api.post(`/internal/reservations/${orderId('unknown')}/release`)).status, 200);
  const commit = await api.post(`/internal/reservations/${id}/commit`);
  assert.equal(commit.status, 409);
  assert.equal(commit.body.reservationStatus, 'released');
});

test('commit takes the units out of on hand for good and announces it once', async () => {
  const sku = freshSku('commit');
  await stockUp(sku, 'east', 8);
  const id = orderId('commit');
  await api.post('/internal/reservations', { orderId: id, lines: [{ sku, quantity: 3 }] });
  for (let i = 0; i < 2; i++) {
    const res = await api.post(`/internal/reservations/${id}/commit`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { orderId: id, status: 'committed' });
  }
  assert.deepEqual(await totals(sku), { onHand: 5, reserved: 0, available: 5 });
  assert.equal((await api.post(`/internal/reservations/${id}/release`)).status, 409);
  assert.equal((await api.post(`/internal/reservations/${orderId('nobody')}/commit`)).status, 404);
  const events = await eventually(async () => {
    const mine = seen.filter((e) => (e.data as { orderId: string }).orderId === id);
    assert.equal(mine.length, 1);
    return mine;
  });
  assert.deepEqual(events[0]!.data, { orderId: id, lines: [{ sku, quantity: 3 }] });
});

test('an expired reservation is released by the sweeper and cannot be committed', async () => {
  const sku = freshSku('ttl');
  await stockUp(sku, 'west', 4);
  const id = orderId('ttl');
  const res = await api.post('/internal/reservations', { orderId: id, lines: [{ sku, quantity: 4 }], ttlSeconds: 1 });
  assert.equal(res.status, 201);
  assert.equal((await totals(sku)).available, 0);
  await eventually(async () => assert.deepEqual(await totals(sku), { onHand: 4, reserved: 0, available: 4 }));
  assert.equal((await api.get(`/internal/reservations/${id}`)).body.status, 'expired');
  const commit = await api.post(`/internal/reservations/${id}/commit`);
  assert.equal(commit.status, 409);
  assert.equal(commit.body.reservationStatus, 'expired');
  assert.equal((await api.post(`/internal/reservations/${id}/release`)).status, 200);
});

test('20 parallel reservations for the last 5 units: exactly 5 succeed, stock never negative', async () => {
  const sku = freshSku('race');
  await stockUp(sku, 'east', 5);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => api.post('/internal/reservations', { orderId: orderId(`race${i}`), lines: [{ sku, quantity: 1 }] })),
  );
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [...Array(5).fill(201), ...Array(15).fill(409)]);
  assert.deepEqual(await totals(sku), { onHand: 5, reserved: 5, available: 0 });
});

test('parallel two-line orders in opposite line order neither deadlock nor oversell', async () => {
  const [x, y] = [freshSku('x'), freshSku('y')];
  await stockUp(x, 'east', 3);
  await stockUp(y, 'west', 3);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => {
      const lines = [{ sku: x, quantity: 1 }, { sku: y, quantity: 1 }];
      return api.post('/internal/reservations', { orderId: orderId(`pair${i}`), lines: i % 2 ? lines.reverse() : lines });
    }),
  );
  assert.equal(results.filter((r) => r.status === 201).length, 3);
  assert.equal(results.filter((r) => r.status === 409).length, 7);
  assert.deepEqual(await totals(x), { onHand: 3, reserved: 3, available: 0 });
  assert.deepEqual(await totals(y), { onHand: 3, reserved: 3, available: 0 });
});

test('bad reservation input → 400 naming the field, nothing reserved', async () => {
  const sku = freshSku('bad');
  await stockUp(sku, 'east', 5);
  const cases: Array<[unknown, string]> = [
    [{ lines: [{ sku, quantity: 1 }] }, 'body.orderId'],
    [{ orderId: 'o', lines: [] }, 'body.lines'],
    [{ orderId: 'o', lines: [{ sku, quantity: 0 }] }, 'body.lines.0.quantity'],
    [{ orderId: 'o', lines: [{ sku, quantity: -2 }] }, 'body.lines.0.quantity'],
    [{ orderId: 'o', lines: [{ sku, quantity: 1.5 }] }, 'body.lines.0.quantity'],
    [{ orderId: 'o', lines: [{ sku, quantity: '1' }] }, 'body.lines.0.quantity'],
    [{ orderId: 'x'.repeat(101), lines: [{ sku, quantity: 1 }] }, 'body.orderId'],
    [{ orderId: 'o', lines: [{ sku: 'y'.repeat(101), quantity: 1 }] }, 'body.lines.0.sku'],
    [{ orderId: 'o', lines: [{ sku, quantity: 1 }], ttlSeconds: 0 }, 'body.ttlSeconds'],
  ];
  for (const [body, field] of cases) {
    const res = await api.post('/internal/reservations', body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${JSON.stringify(res.body.errors)}`);
  }
  assert.deepEqual(await totals(sku), { onHand: 5, reserved: 0, available: 5 });
  assert.equal((await api.get('/internal/reservations/o')).status, 404);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocate, availableOf, mergeLines } from '../src/domain/allocation.ts';
import { crossedIntoLowStock } from '../src/domain/low-stock.ts';
import { decideCommit, decideRelease, effectiveStatus } from '../src/domain/reservation.ts';
import { addDays, denseDailyHistory, forecastDemand, smoothedLevel } from '../src/domain/forecast.ts';

const level = (sku: string, warehouseId: string, onHand: number, reserved = 0) => ({ sku, warehouseId, onHand, reserved });

test('allocation takes from the warehouse with most available and splits a line when needed', () => {
  const result = allocate([{ sku: 'A', quantity: 7 }], [level('A', 'small', 3), level('A', 'big', 10, 4), level('B', 'big', 50)]);
  assert.deepEqual(result, { ok: true, allocations: [{ sku: 'A', warehouseId: 'big', quantity: 6 }, { sku: 'A', warehouseId: 'small', quantity: 1 }] });
});

test('allocation is all or none and names the first short SKU with what is available', () => {
  const result = allocate([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 5 }], [level('A', 'w', 9), level('B', 'w', 6, 2), level('B', 'v', 0)]);
  assert.deepEqual(result, { ok: false, shortage: { sku: 'B', requested: 5, available: 4 } });
  assert.equal(allocate([{ sku: 'C', quantity: 1 }], []).ok, false);
});

test('repeated SKUs are summed before allocating', () => {
  assert.deepEqual(mergeLines([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }, { sku: 'A', quantity: 3 }]), [{ sku: 'A', quantity: 5 }, { sku: 'B', quantity: 1 }]);
  assert.deepEqual(allocate([{ sku: 'A', quantity: 2 }, { sku: 'A', quantity: 2 }], [level('A', 'w', 3)]), { ok: false, shortage: { sku: 'A', requested: 4, available: 3 } });
});

test('available never goes negative', () => {
  assert.equal(availableOf({ onHand: 2, reserved: 5 }), 0);
  assert.equal(availableOf({ onHand: 7, reserved: 5 }), 2);
});

test('low stock fires only on the crossing from fine to low', () => {
  assert.equal(crossedIntoLowStock({ available: 5, threshold: 5 }, { available: 4, threshold: 5 }), true);
  assert.equal(crossedIntoLowStock({ available: 4, threshold: 5 }, { available: 3, threshold: 5 }), false);
  assert.equal(crossedIntoLowStock({ available: 6, threshold: 5 }, { available: 5, threshold: 5 }), false);
  // raising the threshold above what is available is a crossing too
  assert.equal(crossedIntoLowStock({ available: 6, threshold: 5 }, { available: 6, threshold: 10 }), true);
  assert.equal(crossedIntoLowStock({ available: 0, threshold: 0 }, { available: 0, threshold: 0 }), false);
});

test('reservation decisions: expiry, commit and release', () => {
  const now = new Date('2030-01-01T12:00:00Z');
  const past = new Date('2030-01-01T11:59:59Z');
  const future = new Date('2030-01-01T12:00:01Z');
  assert.equal(effectiveStatus('reserved', past, now), 'expired');
  assert.equal(effectiveStatus('reserved', future, now), 'reserved');
  assert.equal(effectiveStatus('committed', past, now), 'committed');
  assert.equal(decideCommit('reserved', future, now), 'commit');
  assert.equal(decideCommit('reserved', past, now), 'expire_then_reject');
  assert.equal(decideCommit('committed', past, now), 'already_committed');
  assert.equal(decideCommit('released', future, now), 'reject');
  assert.equal(decideCommit('expired', future, now), 'reject');
  assert.equal(decideRelease('reserved'), 'release');
  assert.equal(decideRelease('released'), 'nothing_held');
  assert.equal(decideRelease('expired'), 'nothing_held');
  assert.equal(decideRelease('committed'), 'reject');
});

test('exponential smoothing follows s1 = x1, st = a*xt + (1-a)*st-1', () => {
  // by hand with a = 0.3: 10 → 7 → 4.9 → 0.3*7 + 0.7*4.9 = 5.53
  assert.ok(Math.abs(smoothedLevel([10, 0, 0, 7], 0.3) - 5.53) < 1e-9);
  assert.equal(smoothedLevel([4, 4, 4], 0.5), 4);
  assert.equal(smoothedLevel([], 0.3), 0);
  assert.equal(smoothedLevel([1, 9], 1), 9); // a = 1: only the last day counts
  assert.throws(() => smoothedLevel([1], 0), RangeError);
  assert.throws(() => smoothedLevel([1], 1.5), RangeError);
});

test('forecast total is the daily level over the horizon', () => {
  const forecast = forecastDemand([2, 6], 0.5, 7); // level 0.5*6 + 0.5*2 = 4
  assert.deepEqual(forecast, { dailyForecast: 4, forecastTotal: 28 });
  assert.deepEqual(forecastDemand([], 0.3, 30), { dailyForecast: 0, forecastTotal: 0 });
});

test('daily history fills the days without demand with zero', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  const history = denseDailyHistory([{ date: '2024-02-28', quantity: 3 }, { date: '2024-03-02', quantity: 1 }], '2024-02-28', '2024-03-03');
  assert.deepEqual(history.map((d) => [d.date, d.quantity]), [['2024-02-28', 3], ['2024-02-29', 0], ['2024-03-01', 0], ['2024-03-02', 1], ['2024-03-03', 0]]);
});

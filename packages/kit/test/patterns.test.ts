import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { every, idempotentTransaction, migrate, openDatabase, rowsOf, runIdempotent, unitOfWork, unprocessable, type Database, type ServiceApp } from '../src/index.ts';
import { eventually } from '../src/testing/index.ts';

let database: Database;
before(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await database.scriptTransaction((s) => s.exec('create table things (name text not null)'));
});
after(() => database.close());

const things = async () => rowsOf<{ name: string }>(await database.db.execute(sql`select name from things order by name`)).map((r) => r.name);
const nudges = { count: 0, nudge() { this.count += 1; } };
const deps = () => ({ db: database.db, unitOfWork: unitOfWork(database.db, 'test', nudges) });
const insert = (name: string) => idempotentTransaction(deps(), { scope: 'user:1 POST /things', key: 'k-1', request: { name } }, async (tx) => {
  await tx.execute(sql`insert into things (name) values (${name})`);
  return { status: 201, body: { name } };
});

test('Idempotency-Key: the same request replays the stored answer; another request with the key is 422', async () => {
  assert.deepEqual(await insert('apple'), { status: 201, body: { name: 'apple' } });
  assert.deepEqual(await insert('apple'), { status: 201, body: { name: 'apple' } });
  await assert.rejects(insert('pear'), (e: { status: number }) => e.status === 422);
  assert.deepEqual(await things(), ['apple']);
  // Scopes (callers, routes) never share keys.
  const other = await idempotentTransaction(deps(), { scope: 'user:2 POST /things', key: 'k-1', request: { name: 'pear' } }, async () => ({ status: 201, body: 'other' }));
  assert.equal(other.body, 'other');
});

test('Idempotency-Key: a request still in flight with the key is 409; a 4xx is stored, a crash is not', async () => {
  let release!: () => void;
  const slow = runIdempotent(database.db, { scope: 's', key: 'k-2', request: {} }, () => new Promise((resolve) => (release = () => resolve({ status: 200, body: 'done' }))));
  await eventually(async () => release !== undefined, 'the first request to start');
  await assert.rejects(runIdempotent(database.db, { scope: 's', key: 'k-2', request: {} }, async () => ({ status: 200, body: 'second' })), (e: { status: number }) => e.status === 409);
  release();
  assert.equal((await slow).body, 'done');

  const refused = await runIdempotent(database.db, { scope: 's', key: 'k-3', request: {} }, async () => { throw unprocessable('no'); });
  assert.equal(refused.status, 422);
  assert.equal((await runIdempotent(database.db, { scope: 's', key: 'k-3', request: {} }, async () => ({ status: 200, body: 'ran' }))).status, 422);
  await assert.rejects(runIdempotent(database.db, { scope: 's', key: 'k-4', request: {} }, async () => { throw new Error('crash'); }));
  assert.equal((await runIdempotent(database.db, { scope: 's', key: 'k-4', request: {} }, async () => ({ status: 200, body: 'ran' }))).body, 'ran');
});

test('a unit of work wakes the relay after a commit that wrote events, not otherwise', async () => {
  const uow = unitOfWork(database.db, 'test', nudges);
  const before = nudges.count;
  await uow(async (tx) => void (await tx.execute(sql`insert into things (name) values ('no-event')`)));
  assert.equal(nudges.count, before);
  await uow((tx, events) => events.publish('inventory.low_stock', { sku: 'S-1', warehouseId: 'main', available: 1, threshold: 5 }));
  assert.equal(nudges.count, before + 1);
  await assert.rejects(uow(async (tx, events) => {
    await events.publish('inventory.low_stock', { sku: 'S-2', warehouseId: 'main', available: 1, threshold: 5 });
    throw new Error('rolled back');
  }));
  assert.equal(nudges.count, before + 1);
});

test('every: runs on ready, never overlaps, logs a failure and goes on, stops on close', async () => {
  const app = Fastify() as unknown as ServiceApp;
  let runs = 0;
  let active = 0;
  let maxActive = 0;
  every(app, 10, async () => {
    runs += 1;
    active += 1;
    maxActive = Math.max(maxActive, active);
    await new Promise((resolve) => setImmediate(resolve));
    active -= 1;
    if (runs === 2) throw new Error('one bad pass');
  }, { name: 'test job' });
  assert.equal(runs, 0);
  await app.ready();
  await eventually(async () => runs >= 4, 'four passes');
  await app.close();
  assert.equal(active, 0, 'close waits for the pass in progress');
  assert.equal(maxActive, 1);
});

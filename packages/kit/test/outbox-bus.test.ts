import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { EventEnvelope } from '@emporium/contracts';
import { createServiceApp, handleOnce, writeEvent, OutboxRelay, rowsOf, type ServiceModule } from '../src/index.ts';
import { TestPlatform, eventually } from '../src/testing/index.ts';

/**
 * A producer writes events (`inventory.low_stock`, carrying a number in `available`) through its
 * outbox; a consumer counts them with handleOnce.
 * Runs over the in-process bus (embedded) or RabbitMQ (distributed), whichever the env selects.
 */
const ping = (n: number) => ({ sku: 'PING', warehouseId: 'test', available: n, threshold: 0 });

const producer: ServiceModule = {
  name: 'producer',
  async buildApp(deps) {
    const app = await createServiceApp(deps);
    app.post('/ping/:n', async (request) => {
      const n = Number((request.params as { n: string }).n);
      await deps.db.transaction((tx) => writeEvent(tx, 'producer', 'inventory.low_stock', ping(n)));
      deps.relay.nudge();
      return { n };
    });
    return app;
  },
};

const consumer: ServiceModule = {
  name: 'consumer',
  async buildApp(deps) {
    await deps.database.scriptTransaction((s) => s.exec('create table if not exists pings (n integer not null)'));
    await deps.bus.subscribe('consumer', ['inventory.low_stock'], (event) =>
      handleOnce(deps.db, 'consumer', event, async (tx) => {
        await tx.execute(sql`insert into pings (n) values (${(event.data as { available: number }).available})`);
      }).then(() => undefined),
    );
    return createServiceApp(deps);
  },
};

let platform: TestPlatform;
before(async () => {
  platform = await TestPlatform.start([consumer, producer], { env: { producer: { OUTBOX_POLL_MS: '50' } } });
});
after(() => platform.stop());

async function pings(): Promise<number[]> {
  const result = await platform.service('consumer').deps.db.execute(sql`select n from pings order by n`);
  return rowsOf<{ n: number }>(result).map((r) => r.n);
}

const waitFor = (predicate: () => Promise<boolean>, what: string) => eventually(predicate, what);

async function reset(): Promise<void> {
  await platform.service('consumer').deps.db.execute(sql`delete from pings`);
}

test('an event written through the outbox reaches the consumer', async () => {
  await reset();
  const res = await fetch(`${platform.url('producer')}/ping/1`, { method: 'POST' });
  assert.equal(res.status, 200);
  await waitFor(async () => (await pings()).length === 1, 'the event');
  assert.deepEqual(await pings(), [1]);
});

test('the same event delivered twice takes effect once', async () => {
  await reset();
  const event: EventEnvelope = { id: crypto.randomUUID(), type: 'inventory.low_stock', version: 1, occurredAt: new Date().toISOString(), source: 'test', data: ping(7) };
  const bus = platform.service('producer').deps.bus;
  await bus.publish(event);
  await bus.publish(event);
  // a third, distinct event proves delivery continued past the duplicate
  await bus.publish({ ...event, id: crypto.randomUUID(), data: ping(8) });
  await waitFor(async () => (await pings()).includes(8), 'the marker event');
  await platform.drainBus();
  assert.deepEqual(await pings(), [7, 8]);
});

test('a relay stopped with events pending loses none when a new relay starts', async () => {
  await reset();
  const producerDeps = platform.service('producer').deps;
  await producerDeps.relay.stop();
  for (let n = 10; n < 20; n++) await producerDeps.db.transaction((tx) => writeEvent(tx, 'producer', 'inventory.low_stock', ping(n)));
  await platform.drainBus();
  assert.deepEqual(await pings(), [], 'nothing is published while the relay is down');

  const fresh = new OutboxRelay(producerDeps.db, producerDeps.bus, producerDeps.logger, 50);
  fresh.start();
  try {
    await waitFor(async () => (await pings()).length === 10, 'all ten events');
    assert.deepEqual(await pings(), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  } finally {
    await fresh.stop();
    producerDeps.relay.start();
  }
});

test('a relay that crashed after publishing but before marking republishes, and the consumer dedupes', async () => {
  await reset();
  const producerDeps = platform.service('producer').deps;
  await producerDeps.relay.stop();
  await producerDeps.db.transaction((tx) => writeEvent(tx, 'producer', 'inventory.low_stock', ping(30)));
  await producerDeps.relay.flush();
  // Simulate the crash: the mark never happened, so the next pass publishes the same event again.
  await producerDeps.db.execute(sql`update outbox set published_at = null where (data->>'available')::int = 30`);
  await producerDeps.relay.flush();
  await producerDeps.db.transaction((tx) => writeEvent(tx, 'producer', 'inventory.low_stock', ping(31)));
  await producerDeps.relay.flush();
  producerDeps.relay.start();
  await waitFor(async () => (await pings()).includes(31), 'the marker event');
  await platform.drainBus();
  assert.deepEqual(await pings(), [30, 31]);
});

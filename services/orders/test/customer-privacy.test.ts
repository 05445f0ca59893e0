import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@emporium/kit';
import { TestPlatform, apiClient, identityHeaders, type ApiClient } from '@emporium/kit/testing';
import { customerOrders, customerOrdersSchema, endpointPath, type EventEnvelope } from '@emporium/contracts';
import { service } from '../src/app.ts';
import { standIns, UpstreamState } from './support/stand-ins.ts';
import { address, checkout, customer, eventually, newKey, staff } from './support/helpers.ts';

const upstream = new UpstreamState();
const admin = identityHeaders({ userId: 'admin-1', roles: 'admin', email: 'admin@example.com' });
let platform: TestPlatform;
let api: ApiClient;

before(async () => {
  platform = await TestPlatform.start([...standIns(upstream), service]);
  api = apiClient(() => platform.url('orders'));
});
after(() => platform.stop());

async function paidOrder(userId: string) {
  const sku = `SKU-${newKey()}`;
  upstream.stock.set(sku, 1);
  const res = await checkout(api, upstream.addCart([{ sku, name: 'Thing', quantity: 1, unitPrice: 1500 }], userId), { headers: customer(userId) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string };
}

const auditOf = async (query: string) => (await api.get(`/orders/audit-log?${query}`, { headers: admin })).body.items as Array<Record<string, string>>;

test('staff reads are audited per order; the owner reading is not; only admins read the log', async () => {
  const order = await paidOrder('cust-audit');
  assert.equal((await api.get(`/orders/${order.id}`, { headers: customer('cust-audit') })).status, 200);
  assert.deepEqual(await auditOf('customerId=cust-audit'), []);

  const read = await api.get(`/orders/${order.id}`, { headers: { ...staff, 'x-request-id': 'req-staff-read-1' } });
  assert.equal(read.status, 200);
  const listed = await api.get('/orders?pageSize=100', { headers: { ...staff, 'x-request-id': 'req-staff-list-1' } });
  assert.equal(listed.status, 200);

  const entries = await auditOf(`orderId=${order.id}`);
  assert.deepEqual(
    entries.map((e) => [e.action, e.actorId, e.customerId, e.requestId]).sort(),
    [
      ['order.listed', 'staff-1', 'cust-audit', 'req-staff-list-1'],
      ['order.read', 'staff-1', 'cust-audit', 'req-staff-read-1'],
    ],
  );
  assert.ok(entries.every((e) => !Number.isNaN(Date.parse(e.at))));
  assert.equal((await api.get('/orders/audit-log', { headers: staff })).status, 403);
  assert.equal((await api.get('/orders/audit-log')).status, 401);
});

test("the internal export answers one customer's orders in the shared contract's shape", async () => {
  const mine = await paidOrder('cust-export');
  await paidOrder('cust-other');
  const res = await api.get(endpointPath(customerOrders.path, { userId: 'cust-export' }));
  assert.equal(res.status, 200);
  const parsed = customerOrdersSchema.parse(res.body);
  assert.deepEqual(parsed.items.map((o) => o.id), [mine.id]);
  assert.deepEqual(parsed.items[0]!.shippingAddress, address);
  assert.deepEqual((await api.get(endpointPath(customerOrders.path, { userId: 'nobody' }))).body, { items: [] });
});

test('user.anonymised anonymises that customer\'s orders once; a redelivery changes nothing', async () => {
  const order = await paidOrder('cust-leaving');
  const kept = await paidOrder('cust-staying');
  const { bus, db } = platform.service('orders').deps;
  const event: EventEnvelope = { id: randomUUID(), type: 'user.anonymised', version: 1, occurredAt: new Date().toISOString(), source: 'users', data: { userId: 'cust-leaving' } };
  await bus.publish(event);

  const anonymised = await eventually(async () => {
    const body = (await api.get(`/orders/${order.id}`, { headers: admin })).body;
    return body.email === null ? body : undefined;
  });
  assert.deepEqual(anonymised.shippingAddress, { name: '[deleted]', line1: '[deleted]', city: address.city, postalCode: address.postalCode, country: address.country });
  assert.equal(anonymised.total, 1500);
  assert.equal(anonymised.status, 'paid');
  assert.equal((await api.get(`/orders/${kept.id}`, { headers: admin })).body.email, 'cust-staying@example.com');

  await bus.publish(event);
  const handled = async () =>
    rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from processed_events where consumer = 'orders' and event_id = ${event.id}`))[0]!.n;
  // Once the redelivery has surely been through the inbox (a second event after it is handled), the order is untouched.
  const marker: EventEnvelope = { ...event, id: randomUUID(), data: { userId: 'cust-nobody' } };
  await bus.publish(marker);
  await eventually(async () => (rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from processed_events where event_id = ${marker.id}`))[0]!.n === 1 ? true : undefined));
  assert.equal(await handled(), 1);
  assert.equal((await api.get(`/orders/${order.id}`, { headers: admin })).body.updatedAt, anonymised.updatedAt);
});

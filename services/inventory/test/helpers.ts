import { eventually as kitEventually } from '@emporium/kit/testing';
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { processedEvents } from '@emporium/kit';
import type { EventEnvelope, EventType, EventData } from '@emporium/contracts';
import { identityHeaders, type TestPlatform } from '@emporium/kit/testing';

/** The identity the gateway signs for a signed-in caller. */
export const staff = { headers: identityHeaders({ userId: 'staff-1', roles: 'staff', email: 'staff@example.com' }) };
export const customer = { headers: identityHeaders({ userId: 'cust-1', roles: 'customer', email: 'c@example.com' }) };

let counter = 0;
/** A SKU no other test touches. */
export const freshSku = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

/** Retries `check` until it stops throwing (the kit's `eventually`), and returns its result. */
export const eventually = async <T>(check: () => Promise<T>): Promise<T> => (await kitEventually(async () => ({ value: await check() }), 'the check to pass')).value;

/** Publishes an event on the platform's bus as if another service had sent it. */
export async function publish<T extends EventType>(platform: TestPlatform, type: T, data: EventData<T>, overrides: Partial<EventEnvelope> = {}): Promise<EventEnvelope> {
  const event = { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), source: 'test', data, ...overrides };
  await platform.service('inventory').deps.bus.publish(event);
  return event;
}

/** Collects inventory's events of the given types, as another service would receive them. */
export async function observe(platform: TestPlatform, types: EventType[]): Promise<EventEnvelope[]> {
  const seen: EventEnvelope[] = [];
  await platform.service('inventory').deps.bus.subscribe('test-observer', types, async (event) => void seen.push(event));
  return seen;
}

/** Announces a product with this SKU as the catalog would, and waits until inventory has taken it in. */
export async function announceProduct(platform: TestPlatform, sku: string, variantSkus: string[] = []): Promise<void> {
  // product.updated: it teaches the SKU without the demo stock product.created may bring.
  const event = await publish(platform, 'product.updated', { productId: `p-${sku}`, sku, name: 'Thing', price: 1000, currency: 'EUR', variantSkus });
  await eventually(async () => {
    await platform.drainBus();
    const done = await platform.service('inventory').deps.db.select().from(processedEvents).where(eq(processedEvents.eventId, event.id));
    assert.equal(done.length, 1);
  });
}

/** A SKU no other test touches, known to inventory as one the catalog sells. */
export async function catalogSku(platform: TestPlatform, label: string): Promise<string> {
  const sku = freshSku(label);
  await announceProduct(platform, sku);
  return sku;
}

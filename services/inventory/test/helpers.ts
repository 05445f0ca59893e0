import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventType, EventData } from '@emporium/contracts';
import { identityHeaders, type TestPlatform } from '@emporium/kit/testing';

/** The identity the gateway signs for a signed-in caller. */
export const staff = { headers: identityHeaders({ userId: 'staff-1', roles: 'staff', email: 'staff@example.com' }) };
export const customer = { headers: identityHeaders({ userId: 'cust-1', roles: 'customer', email: 'c@example.com' }) };

let counter = 0;
/** A SKU no other test touches. */
export const freshSku = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

/** Retries an assertion until it passes (events arrive asynchronously), failing after a generous wait. */
export async function eventually<T>(check: () => Promise<T>, attempts = 150): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await check();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

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

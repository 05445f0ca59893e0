import { eq } from 'drizzle-orm';
import { handleOnce, type ServiceDeps } from '@emporium/kit';
import { parseEventData, type EventEnvelope } from '@emporium/contracts';
import { stock, warehouses } from '../db/schema.ts';
import { recordDemand } from '../db/demand-store.ts';
import { DEMO_UNITS, DEMO_WAREHOUSE, type InventorySettings } from '../settings.ts';

const CONSUMER = 'inventory';

/**
 * Events inventory listens to: order.paid feeds the demand forecast; product.created gives new
 * products demo stock when SEED_DEMO is on. One subscription (one queue) dispatching by type,
 * because replicas of a consumer must share a single queue.
 */
export async function subscribeToEvents(deps: ServiceDeps, settings: InventorySettings): Promise<void> {
  const types = ['order.paid', ...(settings.SEED_DEMO ? ['product.created'] : [])];
  await deps.bus.subscribe(CONSUMER, types, async (event) => {
    if (event.type === 'order.paid') await onOrderPaid(deps, event);
    else if (event.type === 'product.created' && settings.SEED_DEMO) await onProductCreated(deps, event, settings);
  });
}

async function onOrderPaid(deps: ServiceDeps, event: EventEnvelope): Promise<void> {
  const order = parseEventData('order.paid', event.data);
  const day = event.occurredAt.slice(0, 10);
  await handleOnce(deps.db, CONSUMER, event, (tx) => recordDemand(tx, day, order.lines));
}

async function onProductCreated(deps: ServiceDeps, event: EventEnvelope, settings: InventorySettings): Promise<void> {
  const product = parseEventData('product.created', event.data);
  await handleOnce(deps.db, CONSUMER, event, async (tx) => {
    const [existing] = await tx.select({ sku: stock.sku }).from(stock).where(eq(stock.sku, product.sku)).limit(1);
    if (existing) return;
    await tx
      .insert(stock)
      .values({ sku: product.sku, warehouseId: DEMO_WAREHOUSE.id, onHand: DEMO_UNITS, lowStockThreshold: settings.DEFAULT_LOW_STOCK_THRESHOLD })
      .onConflictDoNothing();
  });
}

/** The warehouse demo stock goes to, created at start when SEED_DEMO is on. */
export async function ensureDemoWarehouse(deps: ServiceDeps): Promise<void> {
  await deps.db.insert(warehouses).values(DEMO_WAREHOUSE).onConflictDoNothing();
}

import { eq } from 'drizzle-orm';
import { handleOnce, type Executor, type ServiceDeps } from '@emporium/kit';
import { parseEventData, type EventEnvelope } from '@emporium/contracts';
import { stock, warehouses } from '../db/schema.ts';
import { recordDemand } from '../db/demand-store.ts';
import { rememberCatalogSkus } from '../db/catalog-sku-store.ts';
import { DEMO_UNITS, DEMO_WAREHOUSE, type InventorySettings } from '../settings.ts';

const CONSUMER = 'inventory';

/**
 * Events inventory listens to: order.paid feeds the demand forecast; product.created/updated
 * tell which SKUs the catalog sells (stock is kept only for those), and product.created gives new
 * products demo stock when SEED_DEMO is on. One subscription (one queue) dispatching by type,
 * because replicas of a consumer must share a single queue.
 */
export async function subscribeToEvents(deps: ServiceDeps, settings: InventorySettings): Promise<void> {
  await deps.bus.subscribe(CONSUMER, ['order.paid', 'product.created', 'product.updated'], async (event) => {
    if (event.type === 'order.paid') await onOrderPaid(deps, event);
    else if (event.type === 'product.created' || event.type === 'product.updated') await onProduct(deps, event, settings);
  });
}

async function onOrderPaid(deps: ServiceDeps, event: EventEnvelope): Promise<void> {
  const order = parseEventData('order.paid', event.data);
  const day = event.occurredAt.slice(0, 10);
  await handleOnce(deps.db, CONSUMER, event, (tx) => recordDemand(tx, day, order.lines));
}

async function onProduct(deps: ServiceDeps, event: EventEnvelope, settings: InventorySettings): Promise<void> {
  const product = parseEventData(event.type as 'product.created' | 'product.updated', event.data);
  await handleOnce(deps.db, CONSUMER, event, async (tx) => {
    await rememberCatalogSkus(tx, product.productId, [product.sku, ...product.variantSkus]);
    if (event.type === 'product.created' && settings.SEED_DEMO) await stockDemoProduct(tx, product.sku, settings);
  });
}

async function stockDemoProduct(tx: Executor, sku: string, settings: InventorySettings): Promise<void> {
  const [existing] = await tx.select({ sku: stock.sku }).from(stock).where(eq(stock.sku, sku)).limit(1);
  if (existing) return;
  await tx.insert(stock).values({ sku, warehouseId: DEMO_WAREHOUSE.id, onHand: DEMO_UNITS, lowStockThreshold: settings.DEFAULT_LOW_STOCK_THRESHOLD }).onConflictDoNothing();
}

/** The warehouse demo stock goes to, created at start when SEED_DEMO is on. */
export async function ensureDemoWarehouse(deps: ServiceDeps): Promise<void> {
  await deps.db.insert(warehouses).values(DEMO_WAREHOUSE).onConflictDoNothing();
}

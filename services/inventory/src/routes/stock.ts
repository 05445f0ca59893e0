import { z } from 'zod';
import { idempotencyHeaders, idempotentRequestOf, requirePermission, requirePrincipal, runIdempotent, type ServiceApp, type ServiceDeps } from '@emporium/kit';
import { stockView } from '../db/stock-store.ts';
import { adjustmentReasons, adjustStock, listAdjustments, setStock } from '../db/adjustment-store.ts';
import type { InventorySettings } from '../settings.ts';
import type { CatalogSkus } from '../catalog-skus.ts';
import { skuParams, warehouseIdSchema } from './schemas.ts';

const unitsSchema = z.number().int().nonnegative().max(1_000_000);

const setStockBody = z
  .object({ warehouseId: warehouseIdSchema, onHand: unitsSchema.optional(), threshold: unitsSchema.optional() })
  .refine((b) => b.onHand !== undefined || b.threshold !== undefined, { message: 'give onHand and/or threshold', path: ['onHand'] });

const adjustmentBody = z.object({
  warehouseId: warehouseIdSchema,
  delta: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((d) => d !== 0, 'must not be 0'),
  reason: z.enum(adjustmentReasons),
  note: z.string().trim().max(500).optional(),
});

export function registerStockRoutes(app: ServiceApp, deps: ServiceDeps, settings: InventorySettings, catalogSkus: CatalogSkus): void {
  const staffOnly = requirePermission('inventory:manage');

  // Public: the storefront shows availability.
  app.get('/inventory/stock/:sku', { schema: { params: skuParams } }, async (request) => stockView(deps.db, request.params.sku));

  // Stock is kept only for SKUs the catalog sells: writes to any other SKU are a 404.
  app.put('/inventory/stock/:sku', { preHandler: staffOnly, schema: { params: skuParams, body: setStockBody } }, async (request) => {
    await catalogSkus.assertKnown(request.params.sku, request.id);
    const view = await setStock(deps.unitOfWork, { sku: request.params.sku, ...request.body, setBy: requirePrincipal(request).userId }, settings.DEFAULT_LOW_STOCK_THRESHOLD);
    return view;
  });

  app.post(
    '/inventory/stock/:sku/adjustments',
    { preHandler: staffOnly, schema: { params: skuParams, body: adjustmentBody, headers: idempotencyHeaders } },
    async (request, reply) => {
      await catalogSkus.assertKnown(request.params.sku, request.id);
      const adjustment = { sku: request.params.sku, ...request.body, createdBy: requirePrincipal(request).userId };
      const response = await runIdempotent(deps.db, idempotentRequestOf(request), async (save) => ({
        status: 201,
        body: await adjustStock(deps.unitOfWork, adjustment, settings.DEFAULT_LOW_STOCK_THRESHOLD, (tx, body) => save(tx, { status: 201, body })),
      }));
      return reply.code(response.status).send(response.body);
    },
  );

  app.get(
    '/inventory/stock/:sku/adjustments',
    {
      preHandler: staffOnly,
      schema: { params: skuParams, querystring: z.object({ warehouseId: warehouseIdSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
    },
    async (request) => ({ items: await listAdjustments(deps.db, request.params.sku, request.query) }),
  );
}

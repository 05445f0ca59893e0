import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { conflict, requirePermission, type ServiceApp, type ServiceDeps } from '@emporium/kit';
import { warehouses } from '../db/schema.ts';
import { warehouseIdSchema } from './schemas.ts';

const toView = (w: typeof warehouses.$inferSelect) => ({ id: w.id, name: w.name, createdAt: w.createdAt.toISOString() });

export function registerWarehouseRoutes(app: ServiceApp, deps: ServiceDeps): void {
  const staffOnly = requirePermission('inventory:manage');

  app.get('/inventory/warehouses', { preHandler: staffOnly }, async () => {
    const rows = await deps.db.select().from(warehouses).orderBy(asc(warehouses.id));
    return { items: rows.map(toView) };
  });

  app.post(
    '/inventory/warehouses',
    { preHandler: staffOnly, schema: { body: z.object({ id: warehouseIdSchema.optional(), name: z.string().trim().min(1).max(100) }) } },
    async (request, reply) => {
      const id = request.body.id ?? randomUUID();
      const [created] = await deps.db.insert(warehouses).values({ id, name: request.body.name }).onConflictDoNothing().returning();
      if (!created) throw conflict(`Warehouse ${id} already exists`, { warehouseId: id });
      return reply.code(201).send(toView(created));
    },
  );
}


import { z } from 'zod';
import type { ServiceApp, ServiceDeps } from '@emporium/kit';
import { commit, getReservation, release, reserve } from '../db/reservation-store.ts';
import type { InventorySettings } from '../settings.ts';
import { quantitySchema, skuSchema } from './schemas.ts';

const orderParams = z.object({ orderId: z.string().min(1).max(100) });

const reserveBody = z.object({
  orderId: z.string().min(1).max(100),
  lines: z.array(z.object({ sku: skuSchema, quantity: quantitySchema })).min(1).max(200),
  ttlSeconds: z.number().int().positive().max(7 * 86_400).optional(),
});

/** Service-to-service routes used by the orders saga; the gateway never forwards /internal. */
export function registerReservationRoutes(app: ServiceApp, deps: ServiceDeps, settings: InventorySettings): void {
  app.post('/internal/reservations', { schema: { body: reserveBody } }, async (request, reply) => {
    const { ttlSeconds = settings.RESERVATION_TTL_SECONDS, ...rest } = request.body;
    const { reservation } = await reserve(deps.unitOfWork, { ...rest, ttlSeconds });
    return reply.code(201).send(reservation);
  });

  app.get('/internal/reservations/:orderId', { schema: { params: orderParams } }, async (request) => getReservation(deps.db, request.params.orderId));

  app.post('/internal/reservations/:orderId/release', { schema: { params: orderParams } }, async (request) => {
    await release(deps.unitOfWork, request.params.orderId);
    return { orderId: request.params.orderId, status: 'released' };
  });

  app.post('/internal/reservations/:orderId/commit', { schema: { params: orderParams } }, async (request) => {
    await commit(deps.unitOfWork, request.params.orderId);
    return { orderId: request.params.orderId, status: 'committed' };
  });
}

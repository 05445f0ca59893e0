import type { ServiceApp, ServiceDeps } from '@emporium/kit';
import { inventoryCommit, inventoryRelease, inventoryReservation, inventoryReserve } from '@emporium/contracts';
import { commit, getReservation, release, reserve } from '../db/reservation-store.ts';
import type { InventorySettings } from '../settings.ts';

/** Service-to-service routes used by the orders saga, typed in @emporium/contracts; the gateway never forwards /internal. */
export function registerReservationRoutes(app: ServiceApp, deps: ServiceDeps, settings: InventorySettings): void {
  app.post(inventoryReserve.path, { schema: { body: inventoryReserve.body, response: { 200: inventoryReserve.response, 201: inventoryReserve.response } } }, async (request, reply) => {
    const { ttlSeconds = settings.RESERVATION_TTL_SECONDS, ...rest } = request.body;
    const { reservation } = await reserve(deps.unitOfWork, { ...rest, ttlSeconds });
    return reply.code(201).send(reservation);
  });

  app.get(inventoryReservation.path, { schema: { params: inventoryReservation.params, response: { 200: inventoryReservation.response } } }, async (request) =>
    getReservation(deps.db, request.params.orderId),
  );

  app.post(inventoryRelease.path, { schema: { params: inventoryRelease.params, response: { 200: inventoryRelease.response } } }, async (request) => {
    await release(deps.unitOfWork, request.params.orderId);
    return { orderId: request.params.orderId, status: 'released' as const };
  });

  app.post(inventoryCommit.path, { schema: { params: inventoryCommit.params, response: { 200: inventoryCommit.response } } }, async (request) => {
    await commit(deps.unitOfWork, request.params.orderId);
    return { orderId: request.params.orderId, status: 'committed' as const };
  });
}

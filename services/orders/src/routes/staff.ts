import { requirePermission, type ServiceApp } from '@emporium/kit';
import { cancelOrder, deliverOrder, fulfilOrder, refundOrder, shipOrder } from '../saga/order-actions.ts';
import type { OrdersContext } from '../context.ts';
import { cancelBody, idempotencyHeaders, orderIdParams, refundBody, shipmentBody } from './schemas.ts';

/** Back-office moves along the order state machine; an illegal move is a 409. */
export function registerStaffRoutes(app: ServiceApp, ctx: OrdersContext): void {
  const staffOnly = requirePermission('orders:manage');

  app.post('/orders/:id/fulfil', { schema: { params: orderIdParams }, preHandler: staffOnly }, async (request) => fulfilOrder(ctx, request.params.id));

  app.post('/orders/:id/shipments', { schema: { params: orderIdParams, body: shipmentBody }, preHandler: staffOnly }, async (request, reply) =>
    reply.code(201).send(await shipOrder(ctx, request.params.id, request.body)),
  );

  app.post('/orders/:id/deliver', { schema: { params: orderIdParams }, preHandler: staffOnly }, async (request) => deliverOrder(ctx, request.params.id));

  app.post('/orders/:id/cancel', { schema: { params: orderIdParams, body: cancelBody }, preHandler: staffOnly }, async (request) =>
    cancelOrder(ctx, request.params.id, request.body.reason, request.id),
  );

  app.post('/orders/:id/refund', { schema: { params: orderIdParams, body: refundBody, headers: idempotencyHeaders }, preHandler: requirePermission('payments:refund') }, async (request) =>
    refundOrder(ctx, request.params.id, request.body, request.headers['idempotency-key'], request.id),
  );
}

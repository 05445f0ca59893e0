import { principalOf, type ServiceApp } from '@emporium/kit';
import { placeOrder } from '../saga/place-order.ts';
import type { OrdersContext } from '../context.ts';
import { idempotencyHeaders, placeOrderBody } from './schemas.ts';

const statusCodes = { created: 201, replayed: 200, accepted: 202 } as const;

export function registerCheckoutRoutes(app: ServiceApp, ctx: OrdersContext): void {
  app.post('/orders', { schema: { body: placeOrderBody, headers: idempotencyHeaders } }, async (request, reply) => {
    const result = await placeOrder(ctx, request.body, principalOf(request), request.headers['idempotency-key'], request.id);
    if (result.outcome !== 'accepted') return reply.code(statusCodes[result.outcome]).send(result.order);
    // Still running: the client follows the order (a relative reference, so it resolves through the gateway's prefix too).
    return reply.code(202).header('location', result.statusUrl).send({ ...result.order, statusUrl: result.statusUrl });
  });
}

import { principalOf, type ServiceApp } from '@emporium/kit';
import { placeOrder } from '../saga/place-order.ts';
import type { OrdersContext } from '../context.ts';
import { idempotencyHeaders, placeOrderBody } from './schemas.ts';

export function registerCheckoutRoutes(app: ServiceApp, ctx: OrdersContext): void {
  app.post('/orders', { schema: { body: placeOrderBody, headers: idempotencyHeaders } }, async (request, reply) => {
    const result = await placeOrder(ctx, request.body, principalOf(request), request.headers['idempotency-key'], request.id);
    return reply.code(result.created ? 201 : 200).send(result.order);
  });
}

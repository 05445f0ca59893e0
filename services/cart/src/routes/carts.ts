import { idempotencyHeaders, idempotentRequestOf, principalOf, requirePrincipal, runIdempotent, type Db, type ServiceApp } from '@emporium/kit';
import type { FastifyRequest } from 'fastify';
import type { CartService, Caller } from '../cart-service.ts';
import { addItemBody, applyDiscountBody, cartIdParams, lineParams, mergeBody, setQuantityBody } from './schemas.ts';

const caller = (request: FastifyRequest): Caller => ({ principal: principalOf(request), requestId: request.id });

/** Public cart routes (through the gateway as /api/v1/cart/...). Every answer is the re-priced cart. */
/** `db` holds the Idempotency-Keys of adds (carts themselves may live in Redis). */
export function registerCartRoutes(app: ServiceApp, carts: CartService, db: Db): void {
  app.post('/cart/carts', async (request, reply) => {
    const { cart, created } = await carts.create(caller(request));
    return reply.code(created ? 201 : 200).send(cart);
  });

  app.get('/cart/mine', async (request) => carts.mine(requirePrincipal(request), request.id));

  app.get('/cart/carts/:cartId', { schema: { params: cartIdParams } }, async (request) => carts.read(request.params.cartId, caller(request)));

  // Adding is the one cart change that is not naturally idempotent, so it takes an Idempotency-Key.
  app.post('/cart/carts/:cartId/items', { schema: { params: cartIdParams, body: addItemBody, headers: idempotencyHeaders } }, async (request, reply) => {
    const response = await runIdempotent(db, idempotentRequestOf(request), async () => ({
      status: 200,
      body: await carts.addItem(request.params.cartId, caller(request), request.body.sku, request.body.quantity),
    }));
    return reply.code(response.status).send(response.body);
  });

  app.patch('/cart/carts/:cartId/items/:sku', { schema: { params: lineParams, body: setQuantityBody } }, async (request) =>
    carts.setQuantity(request.params.cartId, caller(request), request.params.sku, request.body.quantity),
  );

  app.delete('/cart/carts/:cartId/items/:sku', { schema: { params: lineParams } }, async (request) =>
    carts.removeItem(request.params.cartId, caller(request), request.params.sku),
  );

  app.post('/cart/carts/:cartId/discount', { schema: { params: cartIdParams, body: applyDiscountBody } }, async (request) =>
    carts.applyDiscount(request.params.cartId, caller(request), request.body.code),
  );

  app.delete('/cart/carts/:cartId/discount', { schema: { params: cartIdParams } }, async (request) => carts.removeDiscount(request.params.cartId, caller(request)));

  app.post('/cart/merge', { schema: { body: mergeBody } }, async (request) => carts.merge(requirePrincipal(request), request.body.guestCartId, request.id));
}

import { idempotencyHeaders, idempotentRequestOf, principalOf, requirePrincipal, runIdempotent, type Db, type ServiceApp } from '@emporium/kit';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CartService, Caller } from '../cart-service.ts';
import { addItemBody, applyDiscountBody, cartAnswer, cartIdParams, lineParams, mergeBody, pricedCartSchema, setQuantityBody } from './schemas.ts';

type PricedCartAnswer = z.infer<typeof pricedCartSchema>;

const caller = (request: FastifyRequest): Caller => ({ principal: principalOf(request), requestId: request.id });

/** Public cart routes (through the gateway as /api/v1/cart/...). Every answer is the re-priced cart. */
/** `db` holds the Idempotency-Keys of adds (carts themselves may live in Redis). */
export function registerCartRoutes(app: ServiceApp, carts: CartService, db: Db): void {
  app.post('/cart/carts', { schema: { summary: 'Create a cart (a signed-in user gets their active one back)', response: { 200: pricedCartSchema, 201: pricedCartSchema } } }, async (request, reply) => {
    const { cart, created } = await carts.create(caller(request));
    return reply.code(created ? 201 : 200).send(cart);
  });

  app.get('/cart/mine', { schema: { summary: "The signed-in user's active cart", response: cartAnswer } }, async (request) => carts.mine(requirePrincipal(request), request.id));

  app.get('/cart/carts/:cartId', { schema: { summary: 'Get a cart', response: cartAnswer, params: cartIdParams } }, async (request) => carts.read(request.params.cartId, caller(request)));

  // Adding is the one cart change that is not naturally idempotent, so it takes an Idempotency-Key.
  app.post('/cart/carts/:cartId/items', { schema: { summary: 'Add an item (Idempotency-Key)', response: cartAnswer, params: cartIdParams, body: addItemBody, headers: idempotencyHeaders } }, async (request, reply) => {
    const response = await runIdempotent(db, idempotentRequestOf(request), async () => ({
      status: 200,
      body: await carts.addItem(request.params.cartId, caller(request), request.body.sku, request.body.quantity),
    }));
    // A replay answers what was stored: the cart (200) or a problem that was refused the first time.
    return reply.code(response.status as 200).send(response.body as PricedCartAnswer);
  });

  app.patch('/cart/carts/:cartId/items/:sku', { schema: { summary: "Set an item's quantity", response: cartAnswer, params: lineParams, body: setQuantityBody } }, async (request) =>
    carts.setQuantity(request.params.cartId, caller(request), request.params.sku, request.body.quantity),
  );

  app.delete('/cart/carts/:cartId/items/:sku', { schema: { summary: 'Remove an item', response: cartAnswer, params: lineParams } }, async (request) =>
    carts.removeItem(request.params.cartId, caller(request), request.params.sku),
  );

  app.post('/cart/carts/:cartId/discount', { schema: { summary: 'Apply a discount code', response: cartAnswer, params: cartIdParams, body: applyDiscountBody } }, async (request) =>
    carts.applyDiscount(request.params.cartId, caller(request), request.body.code),
  );

  app.delete('/cart/carts/:cartId/discount', { schema: { summary: 'Remove the discount code', response: cartAnswer, params: cartIdParams } }, async (request) => carts.removeDiscount(request.params.cartId, caller(request)));

  app.post('/cart/merge', { schema: { summary: "Merge a guest cart into the signed-in user's cart", response: cartAnswer, body: mergeBody } }, async (request) => carts.merge(requirePrincipal(request), request.body.guestCartId, request.id));
}

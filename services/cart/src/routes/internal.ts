import type { ServiceApp } from '@emporium/kit';
import { cartCheckout, cartClaim, cartInternalRead, cartRelease } from '@emporium/contracts';
import type { CartService } from '../cart-service.ts';

/** Service-to-service routes (orders' checkout saga), typed in @emporium/contracts; the gateway never forwards /internal. */
export function registerInternalRoutes(app: ServiceApp, carts: CartService): void {
  app.get(cartInternalRead.path, { schema: { params: cartInternalRead.params, response: { 200: cartInternalRead.response } } }, async (request) =>
    carts.readInternal(request.params.cartId, request.id),
  );

  app.post(cartClaim.path, { schema: { params: cartClaim.params, body: cartClaim.body, response: { 200: cartClaim.response } } }, async (request) =>
    carts.claim(request.params.cartId, request.body.orderId, request.body.userId, request.id),
  );

  app.post(cartRelease.path, { schema: { params: cartRelease.params, body: cartRelease.body, response: { 200: cartRelease.response } } }, async (request) =>
    carts.release(request.params.cartId, request.body.orderId),
  );

  app.post(cartCheckout.path, { schema: { params: cartCheckout.params, body: cartCheckout.body, response: { 200: cartCheckout.response } } }, async (request) =>
    carts.checkout(request.params.cartId, request.body.orderId),
  );
}

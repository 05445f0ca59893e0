import type { ServiceApp } from '@emporium/kit';
import { cartClaimBody, cartOrderBody } from '@emporium/contracts';
import type { CartService } from '../cart-service.ts';
import { cartIdParams } from './schemas.ts';

/** Service-to-service routes (orders' checkout saga), typed in @emporium/contracts; the gateway never forwards /internal. */
export function registerInternalRoutes(app: ServiceApp, carts: CartService): void {
  app.get('/internal/carts/:cartId', { schema: { params: cartIdParams } }, async (request) => carts.readInternal(request.params.cartId, request.id));

  app.post('/internal/carts/:cartId/claim', { schema: { params: cartIdParams, body: cartClaimBody } }, async (request) =>
    carts.claim(request.params.cartId, request.body.orderId, request.body.userId, request.id),
  );

  app.post('/internal/carts/:cartId/release', { schema: { params: cartIdParams, body: cartOrderBody } }, async (request) =>
    carts.release(request.params.cartId, request.body.orderId),
  );

  app.post('/internal/carts/:cartId/checkout', { schema: { params: cartIdParams, body: cartOrderBody } }, async (request) =>
    carts.checkout(request.params.cartId, request.body.orderId),
  );
}

import { z } from 'zod';
import type { ServiceApp } from '@emporium/kit';
import type { CartService } from '../cart-service.ts';
import { cartIdParams } from './schemas.ts';

/** Service-to-service routes (orders); the gateway never forwards /internal. */
export function registerInternalRoutes(app: ServiceApp, carts: CartService): void {
  app.get('/internal/carts/:cartId', { schema: { params: cartIdParams } }, async (request) => carts.readInternal(request.params.cartId, request.id));

  app.post('/internal/carts/:cartId/checkout', { schema: { params: cartIdParams, body: z.object({ orderId: z.string().trim().min(1).max(100) }) } }, async (request) =>
    carts.checkout(request.params.cartId, request.body.orderId),
  );
}

import { z } from 'zod';
import type { Db, ServiceApp } from '@emporium/kit';
import { currencySchema, paymentMethodSchema, paymentProviderSchema, type PaymentProviders } from '@emporium/contracts';
import type { PaymentOperations } from '../operations/payments.ts';
import { paymentsByOrder } from '../operations/queries.ts';
import type { ProviderRegistry } from '../config.ts';
import type { ProviderName } from '../providers/index.ts';
import { idempotencyHeaders, paymentDto, paymentParams, refundBody, sendStored } from './shared.ts';

const authorizeBody = z.object({
  orderId: z.string().min(1).max(100),
  amount: z.number().int().positive().max(1_000_000_000_00),
  currency: currencySchema,
  email: z.email().max(254).optional(),
  userId: z.string().min(1).max(100).optional(),
  provider: paymentProviderSchema.optional(),
  // The same schema orders validates a checkout's payment with, so what orders accepts is never refused here for its shape.
  method: paymentMethodSchema,
});

/** Service-to-service routes (the orders saga); the gateway never forwards /internal. */
export function registerInternalRoutes(app: ServiceApp, db: Db, payments: PaymentOperations, providers: { registry: ProviderRegistry; defaultProvider: ProviderName }): void {
  // Orders asks before it writes an order, so a checkout naming a provider this deployment lacks is refused up front.
  app.get('/internal/payments/providers', async (): Promise<PaymentProviders> => ({ defaultProvider: providers.defaultProvider, providers: [...providers.registry.keys()] }));

  app.post('/internal/payments/authorize', { schema: { headers: idempotencyHeaders, body: authorizeBody } }, async (request, reply) =>
    sendStored(reply, await payments.authorize(request.body, request.headers['idempotency-key'])),
  );

  app.post('/internal/payments/:paymentId/capture', { schema: { params: paymentParams, headers: idempotencyHeaders } }, async (request, reply) =>
    sendStored(reply, await payments.capture(request.params.paymentId, request.headers['idempotency-key'])),
  );

  app.post('/internal/payments/:paymentId/void', { schema: { params: paymentParams } }, async (request, reply) =>
    sendStored(reply, await payments.void(request.params.paymentId)),
  );

  app.post('/internal/payments/:paymentId/refund', { schema: { params: paymentParams, headers: idempotencyHeaders, body: refundBody } }, async (request, reply) =>
    sendStored(reply, await payments.refund(request.params.paymentId, request.body.amount, request.headers['idempotency-key'])),
  );

  app.get('/internal/payments/by-order/:orderId', { schema: { params: z.object({ orderId: z.string().min(1).max(100) }) } }, async (request) => ({
    items: (await paymentsByOrder(db, request.params.orderId)).map(paymentDto),
  }));
}

import { z } from 'zod';
import type { Db, ServiceApp } from '@emporium/kit';
import { currencySchema } from '@emporium/contracts';
import type { PaymentOperations } from '../operations/payments.ts';
import { paymentsByOrder } from '../operations/queries.ts';
import { PROVIDER_NAMES } from '../providers/index.ts';
import { idempotencyHeaders, paymentDto, paymentParams, refundBody, sendStored } from './shared.ts';

const methodSchema = z
  .object({
    // Digits with optional spaces or dashes; the number itself is only ever passed to the provider.
    cardNumber: z.string().regex(/^\d[\d -]{10,21}\d$/, 'must be a card number of 12 to 19 digits').optional(),
    token: z.string().min(1).max(255).optional(),
    expMonth: z.number().int().min(1).max(12).optional(),
    expYear: z.number().int().min(0).max(9999).optional(),
    cvc: z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits').optional(),
  })
  .refine((m) => m.cardNumber !== undefined || m.token !== undefined, { message: 'a cardNumber or a token is required' });

const authorizeBody = z.object({
  orderId: z.string().min(1).max(100),
  amount: z.number().int().positive().max(1_000_000_000_00),
  currency: currencySchema,
  email: z.email().max(254).optional(),
  userId: z.string().min(1).max(100).optional(),
  provider: z.enum(PROVIDER_NAMES as ['sandbox', 'stripe', 'mercadopago']).optional(),
  method: methodSchema,
});

/** Service-to-service routes (the orders saga); the gateway never forwards /internal. */
export function registerInternalRoutes(app: ServiceApp, db: Db, payments: PaymentOperations): void {
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

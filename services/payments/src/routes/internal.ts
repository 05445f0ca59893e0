import type { Db, ServiceApp } from '@emporium/kit';
import { paymentsAuthorize, paymentsCapture, paymentsOfOrder, paymentsProviders, paymentsRefund, paymentsVoid, type PaymentProviders } from '@emporium/contracts';
import type { PaymentOperations } from '../operations/payments.ts';
import { paymentsByOrder } from '../operations/queries.ts';
import type { ProviderRegistry } from '../config.ts';
import type { ProviderName } from '../providers/index.ts';
import { idempotencyHeaders, paymentDto, sendStored } from './shared.ts';

/** Service-to-service routes (the orders saga), typed in @emporium/contracts; the gateway never forwards /internal. */
export function registerInternalRoutes(app: ServiceApp, db: Db, payments: PaymentOperations, providers: { registry: ProviderRegistry; defaultProvider: ProviderName }): void {
  // Orders asks before it writes an order, so a checkout naming a provider this deployment lacks is refused up front.
  app.get(paymentsProviders.path, { schema: { response: { 200: paymentsProviders.response } } }, async (): Promise<PaymentProviders> => ({
    defaultProvider: providers.defaultProvider,
    providers: [...providers.registry.keys()],
  }));

  app.post(paymentsAuthorize.path, { schema: { headers: idempotencyHeaders, body: paymentsAuthorize.body, response: { 201: paymentsAuthorize.response } } }, async (request, reply) =>
    sendStored(reply, await payments.authorize(request.body, request.headers['idempotency-key'])),
  );

  app.post(paymentsCapture.path, { schema: { params: paymentsCapture.params, headers: idempotencyHeaders, response: { 200: paymentsCapture.response } } }, async (request, reply) =>
    sendStored(reply, await payments.capture(request.params.paymentId, request.headers['idempotency-key'])),
  );

  app.post(paymentsVoid.path, { schema: { params: paymentsVoid.params, response: { 200: paymentsVoid.response } } }, async (request, reply) =>
    sendStored(reply, await payments.void(request.params.paymentId)),
  );

  app.post(paymentsRefund.path, { schema: { params: paymentsRefund.params, headers: idempotencyHeaders, body: paymentsRefund.body, response: { 200: paymentsRefund.response } } }, async (request, reply) =>
    sendStored(reply, await payments.refund(request.params.paymentId, request.body.amount, request.headers['idempotency-key'])),
  );

  app.get(paymentsOfOrder.path, { schema: { params: paymentsOfOrder.params, response: { 200: paymentsOfOrder.response } } }, async (request) => ({
    items: (await paymentsByOrder(db, request.params.orderId)).map(paymentDto),
  }));
}

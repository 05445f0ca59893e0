import { z } from 'zod';
import { forbidden, hasPermission, notFound, requirePermission, requirePrincipal, type Db, type Principal, type ServiceApp } from '@emporium/kit';
import type { FastifyRequest } from 'fastify';
import type { PaymentOperations } from '../operations/payments.ts';
import { findInvoice, invoicesByOrder } from '../operations/queries.ts';
import { idempotencyHeaders, paymentDto, paymentParams, refundBody, sendStored } from './shared.ts';

const isStaff = (principal: Principal) => hasPermission(principal, 'payments:read:any');

/** The caller must own the record (its userId) or be staff. */
function requireOwnerOrStaff(request: FastifyRequest, ownerId: string | null): void {
  const principal = requirePrincipal(request);
  if (!isStaff(principal) && principal.userId !== ownerId) throw forbidden('This payment belongs to another customer.');
}

/** Routes reached through the gateway at /api/v1/payments/...; identity comes from the gateway's signed token. */
export function registerPublicRoutes(app: ServiceApp, db: Db, payments: PaymentOperations): void {
  app.get('/payments/invoices', { schema: { querystring: z.object({ orderId: z.string().min(1).max(100) }) } }, async (request) => {
    const principal = requirePrincipal(request);
    const found = await invoicesByOrder(db, request.query.orderId);
    // Customers see only their own invoices; staff see all.
    return { items: found.filter((invoice) => isStaff(principal) || invoice.userId === principal.userId) };
  });

  app.get('/payments/invoices/:invoiceId', { schema: { params: z.object({ invoiceId: z.uuid() }) } }, async (request) => {
    const invoice = await findInvoice(db, request.params.invoiceId);
    if (!invoice) throw notFound(`No invoice ${request.params.invoiceId}`);
    requireOwnerOrStaff(request, invoice.userId);
    return invoice;
  });

  app.get('/payments/:paymentId', { schema: { params: paymentParams } }, async (request) => {
    const intent = await payments.load(request.params.paymentId);
    requireOwnerOrStaff(request, intent.userId);
    return paymentDto(intent);
  });

  app.post(
    '/payments/:paymentId/refund',
    { schema: { params: paymentParams, headers: idempotencyHeaders, body: refundBody }, preHandler: requirePermission('payments:refund') },
    async (request, reply) => sendStored(reply, await payments.refund(request.params.paymentId, request.body.amount, request.headers['idempotency-key'])),
  );
}

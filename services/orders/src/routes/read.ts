import { notFound, forbidden, pageQuery, unauthorized, principalOf, requirePermission, requirePrincipal, type ServiceApp } from '@emporium/kit';
import { findOrder, listOrders, orderView } from '../db/order-store.ts';
import { recordOrderAccess } from '../db/audit-log.ts';
import { isStaff, orderAccess } from '../domain/order-access.ts';
import type { OrdersContext } from '../context.ts';
import { guestQuery, orderIdParams, staffListQuery } from './schemas.ts';

export function registerReadRoutes(app: ServiceApp, ctx: OrdersContext): void {
  app.get('/orders/mine', { schema: { querystring: pageQuery } }, async (request) => {
    const principal = requirePrincipal(request);
    return listOrders(ctx.db, { userId: principal.userId }, request.query);
  });

  // Staff reads of customers' orders are answered only once the audit log has them: a failed entry fails the read.
  app.get('/orders', { schema: { querystring: staffListQuery }, preHandler: requirePermission('orders:manage') }, async (request) => {
    const { status, ...page } = request.query;
    const listed = await listOrders(ctx.db, { status }, page);
    await recordOrderAccess(ctx.db, { actorId: requirePrincipal(request).userId, action: 'order.listed', requestId: request.id, orders: listed.items });
    return listed;
  });

  app.get('/orders/:id', { schema: { params: orderIdParams, querystring: guestQuery } }, async (request) => {
    const order = await findOrder(ctx.db, request.params.id);
    const missing = () => notFound(`Order ${request.params.id} not found`);
    if (!order) throw missing();
    const access = orderAccess(order, principalOf(request), request.query.email);
    if (access === 'forbidden') throw forbidden('This order belongs to another customer');
    if (access === 'unauthenticated') throw unauthorized('Sign in, or give the email the order was placed with');
    if (access === 'not_found') throw missing();
    const viewer = principalOf(request);
    if (viewer && isStaff(viewer) && viewer.userId !== order.userId) await recordOrderAccess(ctx.db, { actorId: viewer.userId, action: 'order.read', requestId: request.id, orders: [order] });
    return orderView(ctx.db, order);
  });
}

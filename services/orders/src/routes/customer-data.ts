import { z } from 'zod';
import { requirePermission, type ServiceApp } from '@emporium/kit';
import { customerOrders } from '@emporium/contracts';
import { readAuditLog } from '../db/audit-log.ts';
import { ordersOfCustomer } from '../db/customer-orders.ts';
import type { OrdersContext } from '../context.ts';

/** Customers' personal data in orders: who read it (admins ask), and a customer's orders for their data export. */
export function registerCustomerDataRoutes(app: ServiceApp, ctx: OrdersContext): void {
  app.get(
    '/orders/audit-log',
    {
      preHandler: requirePermission('audit:read'),
      schema: { querystring: z.object({ customerId: z.string().trim().min(1).max(100).optional(), orderId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }) },
    },
    async (request) => ({ items: await readAuditLog(ctx.db, request.query) }),
  );

  // Service-to-service (users' data export); the gateway never forwards /internal. Shape: packages/contracts.
  app.get(
    customerOrders.path,
    { schema: { params: customerOrders.params, response: { 200: customerOrders.response } } },
    async (request) => ({ items: await ordersOfCustomer(ctx.db, request.params.userId) }),
  );
}

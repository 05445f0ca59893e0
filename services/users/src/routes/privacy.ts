import { z } from 'zod';
import { requirePrincipal, type ServiceApp } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import { eraseAccount, exportCustomerData } from '../privacy/customer-data.ts';
import type { CustomerOrdersClient } from '../privacy/orders-client.ts';

const deleteBody = z.strictObject({
  password: z.string().min(1).max(128).optional(),
  confirm: z.string().max(254).optional(),
});

/** The customer's own data: download it, or have the account deleted. */
export function registerPrivacyRoutes(app: ServiceApp, ctx: UsersContext, orders: CustomerOrdersClient): void {
  app.get('/users/me/export', async (request, reply) => {
    const { userId } = requirePrincipal(request);
    const data = await exportCustomerData(ctx, orders, userId, request.id);
    return reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="emporium-data-${userId}.json"`).send(data);
  });

  app.post('/users/me/delete', { schema: { body: deleteBody } }, async (request, reply) => {
    const { userId } = requirePrincipal(request);
    await eraseAccount(ctx, { userId, ...request.body, requestId: request.id });
    return reply.code(204).send();
  });
}

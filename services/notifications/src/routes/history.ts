import { z } from 'zod';
import { forbidden, hasPermission, requirePrincipal, type ServiceApp } from '@emporium/kit';
import { listForUser } from '../db/notifications.ts';
import { pageQuery, type RouteContext } from './context.ts';

export function historyRoutes(app: ServiceApp, { db }: RouteContext): void {
  // A customer sees their own notifications; staff and admins see anyone's.
  app.get('/notifications/:userId', { schema: { params: z.object({ userId: z.string().min(1).max(200) }), querystring: pageQuery } }, async (request) => {
    const principal = requirePrincipal(request);
    if (principal.userId !== request.params.userId && !hasPermission(principal, 'notifications:read:any')) throw forbidden('You can only read your own notifications');
    return listForUser(db, request.params.userId, request.query);
  });
}

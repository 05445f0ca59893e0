import { z } from 'zod';
import { conflict, forbidden, notFound, requirePermission, requirePrincipal, type ServiceApp } from '@emporium/kit';
import { can, roleSchema } from '@emporium/contracts';
import type { UsersContext } from '../context.ts';
import { findUserById, listUsers, lockAdminIds, rolesOf, setRoles } from '../db/users.ts';
import { readAuditLog, recordAudit } from '../db/audit-log.ts';
import { publishRoleChanged } from '../events/published.ts';
import { outdateAccessTokens } from '../auth/revocation.ts';
import { userView } from './views.ts';
import type { UserRow } from '../db/schema.ts';

const userIdParams = z.object({ id: z.uuid() });

/** The personal data a profile answer shows (the address included), named in the audit entry. */
const disclosedFields = (user: UserRow) => (['email', 'name', 'phone', 'address'] as const).filter((field) => user[field] !== null);

/** Reading and managing other people's accounts; every such access lands in the audit log. */
export function registerAdminRoutes(app: ServiceApp, ctx: UsersContext): void {
  const { db } = ctx.deps;

  app.get(
    '/users',
    {
      preHandler: requirePermission('users:list'),
      schema: {
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
          email: z.string().trim().min(1).max(254).optional(),
        }),
      },
    },
    async (request) => {
      const { limit, offset, email } = request.query;
      return db.transaction(async (tx) => {
        const page = await listUsers(tx, { emailContains: email, limit, offset });
        const userIds = page.items.map((u) => u.id);
        await recordAudit(tx, { actorId: requirePrincipal(request).userId, action: 'users.listed', targetUserId: null, requestId: request.id, details: { email: email ?? null, userIds } });
        return { items: page.items.map(userView), total: page.total, limit, offset };
      });
    },
  );

  app.get(
    '/users/audit-log',
    {
      preHandler: requirePermission('audit:read'),
      schema: { querystring: z.object({ targetUserId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }) },
    },
    async (request) => {
      const rows = await readAuditLog(db, request.query);
      return { items: rows.map((r) => ({ id: r.id, actorId: r.actorId, action: r.action, targetUserId: r.targetUserId, requestId: r.requestId, details: r.details, at: r.at.toISOString() })) };
    },
  );

  app.get('/users/:id', { schema: { params: userIdParams } }, async (request) => {
    const principal = requirePrincipal(request);
    const { id } = request.params;
    const self = principal.userId === id;
    // Decided before the lookup, so a customer can't probe which ids exist.
    if (!self && !can(principal.roles, 'users:read:any')) throw forbidden('You may only read your own profile');
    const user = await db.transaction(async (tx) => {
      const found = await findUserById(tx, id);
      if (found && !self) await recordAudit(tx, { actorId: principal.userId, action: 'user.profile.read', targetUserId: id, requestId: request.id, details: { disclosed: disclosedFields(found) } });
      return found;
    });
    if (!user) throw notFound('User not found');
    return userView(user);
  });

  app.put(
    '/users/:id/roles',
    { preHandler: requirePermission('users:write:roles'), schema: { params: userIdParams, body: z.object({ roles: z.array(roleSchema).min(1).max(3) }) } },
    async (request) => {
      const actorId = requirePrincipal(request).userId;
      const { id } = request.params;
      const roles = [...new Set(request.body.roles)];
      const user = await db.transaction(async (tx) => {
        const admins = await lockAdminIds(tx);
        const before = await findUserById(tx, id);
        if (!before) throw notFound('User not found');
        if (admins.length === 1 && admins[0] === id && !roles.includes('admin')) throw conflict('Cannot remove the admin role from the last admin');
        const after = (await setRoles(tx, id, roles))!;
        await recordAudit(tx, { actorId, action: 'user.roles.changed', targetUserId: id, requestId: request.id, details: { from: rolesOf(before), to: roles } });
        await publishRoleChanged(tx, { userId: id, roles, changedBy: actorId });
        // Tokens with the old roles stop working now, not when they expire.
        await outdateAccessTokens(tx, id, 'roles_changed', ctx.signer.ttlSeconds);
        return after;
      });
      ctx.deps.relay.nudge();
      return userView(user);
    },
  );
}

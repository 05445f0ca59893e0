import { z } from 'zod';
import { notFound, requirePrincipal, type ServiceApp } from '@emporium/kit';
import { currencySchema, permissionsFor } from '@emporium/contracts';
import type { UsersContext } from '../context.ts';
import { findUserById, updateProfile } from '../db/users.ts';
import { getPreferences, savePreferences } from '../db/preferences.ts';
import { recordAudit } from '../db/audit-log.ts';
import { userView } from './views.ts';

const addressSchema = z.strictObject({
  line1: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  postalCode: z.string().trim().min(1).max(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE'),
});

// Strict: a client sending `roles` or `email` here learns it can't change them, instead of silently nothing.
const profilePatch = z.strictObject({
  name: z.string().trim().min(1).max(100).nullable().optional(),
  phone: z.string().regex(/^\+?[0-9][0-9 ()-]{4,24}$/, 'must be a phone number such as +49 30 1234567').nullable().optional(),
  address: addressSchema.nullable().optional(),
});

const preferencesPut = z.strictObject({
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as en or de-DE').optional(),
  currency: currencySchema.optional(),
  marketingEmails: z.boolean().optional(),
});

/** The signed-in user's own account. */
export function registerMeRoutes(app: ServiceApp, ctx: UsersContext): void {
  const { db } = ctx.deps;

  app.get('/users/me', async (request) => {
    const { userId } = requirePrincipal(request);
    const user = await findUserById(db, userId);
    if (!user) throw notFound('User not found');
    return userView(user);
  });

  app.patch('/users/me', { schema: { body: profilePatch } }, async (request) => {
    const { userId } = requirePrincipal(request);
    const fields = Object.keys(request.body);
    const user = await db.transaction(async (tx) => {
      const updated = fields.length ? await updateProfile(tx, userId, request.body) : await findUserById(tx, userId);
      if (updated && fields.length) await recordAudit(tx, { actorId: userId, action: 'user.profile.updated', targetUserId: userId, requestId: request.id, details: { fields } });
      return updated;
    });
    if (!user) throw notFound('User not found');
    return userView(user);
  });

  app.get('/users/me/preferences', async (request) => {
    const { userId } = requirePrincipal(request);
    return getPreferences(db, userId);
  });

  app.put('/users/me/preferences', { schema: { body: preferencesPut } }, async (request) => {
    const { userId } = requirePrincipal(request);
    return db.transaction(async (tx) => {
      if (!(await findUserById(tx, userId))) throw notFound('User not found');
      const preferences = { ...(await getPreferences(tx, userId)), ...request.body };
      await savePreferences(tx, userId, preferences);
      await recordAudit(tx, { actorId: userId, action: 'user.preferences.updated', targetUserId: userId, requestId: request.id, details: { fields: Object.keys(request.body) } });
      return preferences;
    });
  });

  app.get('/users/permissions', async (request) => {
    const principal = requirePrincipal(request);
    return { roles: principal.roles, permissions: permissionsFor(principal.roles) };
  });
}

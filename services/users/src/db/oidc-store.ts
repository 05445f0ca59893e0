import { and, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { oidcPendingLogins, userIdentities, type PendingOidcLogin } from './oidc-schema.ts';

export async function savePendingLogin(db: Executor, login: Omit<PendingOidcLogin, 'createdAt'>): Promise<void> {
  // Abandoned sign-ins are swept here rather than by a timer: starting is rare and cheap to extend.
  await db.delete(oidcPendingLogins).where(lte(oidcPendingLogins.expiresAt, new Date()));
  await db.insert(oidcPendingLogins).values(login);
}

/**
 * Takes the pending sign-in for `state` out of the table: the delete decides, so two callbacks
 * racing with one state cannot both get it, and a replayed callback finds nothing.
 */
export async function takePendingLogin(db: Executor, state: string): Promise<PendingOidcLogin | undefined> {
  const [row] = await db
    .delete(oidcPendingLogins)
    .where(and(eq(oidcPendingLogins.state, state), gt(oidcPendingLogins.expiresAt, new Date())))
    .returning();
  return row;
}

export async function linkedUserId(db: Executor, issuer: string, subject: string): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  return row?.userId;
}

/** Remembers the link; returns the user it points at (an earlier concurrent link wins). */
export async function linkIdentity(db: Executor, link: { issuer: string; subject: string; userId: string }): Promise<string> {
  await db.insert(userIdentities).values(link).onConflictDoNothing();
  return (await linkedUserId(db, link.issuer, link.subject))!;
}

export async function identitiesOf(db: Executor, userId: string) {
  return db
    .select({ issuer: userIdentities.issuer, subject: userIdentities.subject, linkedAt: userIdentities.createdAt })
    .from(userIdentities)
    .where(eq(userIdentities.userId, userId));
}

export async function unlinkAllOf(db: Executor, userId: string): Promise<void> {
  await db.delete(userIdentities).where(eq(userIdentities.userId, userId));
}

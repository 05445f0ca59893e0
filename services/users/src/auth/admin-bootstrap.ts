import { sql } from 'drizzle-orm';
import type { Db } from '@emporium/kit';
import { findUserByEmail, insertUser, rolesOf, setPassword, setRoles } from '../db/users.ts';
import { normalizeEmail } from '../domain/emails.ts';
import { publishRoleChanged, publishUserRegistered } from '../events/published.ts';
import { hashPassword } from './passwords.ts';
import { endAllSessions } from './revocation.ts';

/**
 * Makes sure the configured admin exists with the admin role; running it again changes nothing.
 * An existing admin keeps their password (they may have changed it). An existing NON-admin
 * account with that email also gets the configured password and loses its sessions: otherwise
 * whoever registered the address first would be promoted with a password they chose.
 * Returns true when something changed (events were written).
 */
export async function ensureAdmin(db: Db, admin: { email: string; password: string }, accessTtlSeconds: number): Promise<boolean> {
  const email = normalizeEmail(admin.email);
  const passwordHash = await hashPassword(admin.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('users.admin_bootstrap'))`);
    const existing = await findUserByEmail(tx, email);
    if (!existing) {
      const created = (await insertUser(tx, { email, passwordHash, roles: ['admin'] }))!;
      await publishUserRegistered(tx, created);
      await publishRoleChanged(tx, { userId: created.id, roles: ['admin'], changedBy: 'system' });
      return true;
    }
    const roles = rolesOf(existing);
    if (roles.includes('admin')) return false;
    const promoted = [...roles, 'admin' as const];
    await setRoles(tx, existing.id, promoted);
    await setPassword(tx, existing.id, passwordHash);
    await endAllSessions(tx, existing.id, 'admin', accessTtlSeconds);
    await publishRoleChanged(tx, { userId: existing.id, roles: promoted, changedBy: 'system' });
    return true;
  });
}

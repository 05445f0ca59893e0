import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { users, type UserRow } from './schema.ts';

/**
 * Reads the user for signing a token, share-locked: a concurrent role change (which raises the
 * token version in the same row) waits for us or we wait for it, so a token never pairs old roles
 * with the new version.
 */
export async function lockUserForTokenIssue(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for('share');
  return row;
}

/** Makes every access token issued so far outdated; returns the new version. */
export async function raiseTokenVersion(db: Executor, id: string): Promise<number> {
  const [row] = await db.update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, id)).returning({ version: users.tokenVersion });
  return row!.version;
}

export async function markEmailVerified(db: Executor, id: string): Promise<void> {
  await db.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: sql`now()` }).where(eq(users.id, id));
}

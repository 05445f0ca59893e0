import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { userPreferences, users, type UserRow } from './schema.ts';
import { UNUSABLE_PASSWORD_HASH } from '../auth/unusable-password.ts';

export async function lockUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

/**
 * Replaces the account's personal data, keeping the row (and id) that orders and audit entries
 * refer to. The placeholder email keeps the column unique and can never receive mail (.invalid).
 */
export async function anonymiseUser(db: Executor, id: string): Promise<void> {
  await db
    .update(users)
    .set({ email: `erased-${id}@users.invalid`, name: null, phone: null, address: null, passwordHash: UNUSABLE_PASSWORD_HASH, roles: ['customer'], erasedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(users.id, id));
  await db.delete(userPreferences).where(eq(userPreferences.userId, id));
}

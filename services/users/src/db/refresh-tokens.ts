import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { refreshTokens, type RefreshTokenRow } from './schema.ts';
import type { RevokeReason } from '../domain/refresh-tokens.ts';

export async function insertRefreshToken(db: Executor, token: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await db.insert(refreshTokens).values({ id: randomUUID(), ...token });
}

/** Locks the row so two refreshes racing with one token can't both rotate it. */
export async function lockRefreshToken(db: Executor, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for('update');
  return row;
}

export async function revokeRefreshToken(db: Executor, id: string, reason: RevokeReason): Promise<void> {
  await db.update(refreshTokens).set({ revokedAt: sql`now()`, revokedReason: reason }).where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt)));
}

/** Ends a whole sign-in session: every still-live token descended from the same login. */
export async function revokeFamily(db: Executor, familyId: string, reason: RevokeReason): Promise<void> {
  await db.update(refreshTokens).set({ revokedAt: sql`now()`, revokedReason: reason }).where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Ends every session of a user (e.g. their password was reset by the admin bootstrap). */
export async function revokeAllOfUser(db: Executor, userId: string, reason: RevokeReason): Promise<void> {
  await db.update(refreshTokens).set({ revokedAt: sql`now()`, revokedReason: reason }).where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}

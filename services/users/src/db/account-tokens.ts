import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { accountTokens, type AccountTokenRow } from './schema.ts';

export type AccountTokenPurpose = AccountTokenRow['purpose'];

export async function insertAccountToken(db: Executor, token: { userId: string; purpose: AccountTokenPurpose; email: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await db.insert(accountTokens).values({ id: randomUUID(), ...token });
}

/**
 * Uses up a token in one conditional update, so of two requests racing with the same link only
 * one gets it. Undefined when it is unknown, for another purpose, used or expired.
 */
export async function consumeAccountToken(db: Executor, tokenHash: string, purpose: AccountTokenPurpose): Promise<AccountTokenRow | undefined> {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)))
    .returning();
  return row;
}

/** Voids every outstanding token of a purpose (a newer link, or the password was just reset). */
export async function voidAccountTokens(db: Executor, userId: string, purpose: AccountTokenPurpose): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}

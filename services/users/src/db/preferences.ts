import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { userPreferences } from './schema.ts';

export interface Preferences {
  locale: string;
  currency: string;
  marketingEmails: boolean;
}

/** What a user has until they choose otherwise; marketing is opt-in. */
export const defaultPreferences: Preferences = { locale: 'en', currency: 'EUR', marketingEmails: false };

export async function getPreferences(db: Executor, userId: string): Promise<Preferences> {
  const [row] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1);
  return row ? { locale: row.locale, currency: row.currency, marketingEmails: row.marketingEmails } : { ...defaultPreferences };
}

export async function savePreferences(db: Executor, userId: string, preferences: Preferences): Promise<void> {
  await db
    .insert(userPreferences)
    .values({ userId, ...preferences })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { ...preferences, updatedAt: sql`now()` } });
}

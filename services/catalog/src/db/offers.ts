import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import { badRequest, type Executor } from '@emporium/kit';
import type { Offer } from '../domain/pricing.ts';
import { assertCategoriesExist } from './categories.ts';
import { offers, products, type OfferRow } from './schema.ts';

export type NewOffer = Omit<Offer, 'id'>;

const toOffer = (row: OfferRow): Offer => ({ ...row });

/** Offers whose window contains `now`; few at any time, so pricing loads them all. */
export async function activeOffers(db: Executor, now: Date): Promise<Offer[]> {
  return (await db.select().from(offers).where(and(lte(offers.startsAt, now), gt(offers.endsAt, now)))).map(toOffer);
}

/** Offers that end after `since`: the current ones and every future one. */
export async function unendedOffers(db: Executor, since: Date): Promise<Offer[]> {
  return (await db.select().from(offers).where(gt(offers.endsAt, since))).map(toOffer);
}

export async function allOffers(db: Executor): Promise<Offer[]> {
  return (await db.select().from(offers).orderBy(desc(offers.startsAt), offers.id)).map(toOffer);
}

export async function insertOffer(tx: Executor, input: NewOffer): Promise<Offer> {
  const productIds = [...new Set(input.productIds)];
  const categoryIds = [...new Set(input.categoryIds)];
  if (productIds.length) {
    const found = await tx.select({ id: products.id }).from(products).where(inArray(products.id, productIds));
    const missing = productIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw badRequest(`body.productIds: unknown product ${missing.join(', ')}`, { field: 'body.productIds', unknownIds: missing });
  }
  await assertCategoriesExist(tx, categoryIds, 'body.categoryIds');
  const [row] = await tx.insert(offers).values({ id: randomUUID(), ...input, productIds, categoryIds }).returning();
  return toOffer(row!);
}

export async function deleteOffer(tx: Executor, id: string): Promise<boolean> {
  return (await tx.delete(offers).where(eq(offers.id, id)).returning({ id: offers.id })).length > 0;
}

import { randomUUID } from 'node:crypto';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { badRequest, conflict, type Executor } from '@emporium/kit';
import { isUuid } from '../domain/ids.ts';
import { categories, type CategoryRow } from './schema.ts';

export async function allCategories(db: Executor): Promise<CategoryRow[]> {
  return db.select().from(categories);
}

/** A category by id or by slug; null when neither matches. */
export async function findCategory(db: Executor, idOrSlug: string): Promise<CategoryRow | null> {
  const match = isUuid(idOrSlug) ? or(eq(categories.id, idOrSlug), eq(categories.slug, idOrSlug)) : eq(categories.slug, idOrSlug);
  const [row] = await db.select().from(categories).where(match).limit(1);
  return row ?? null;
}

/** Throws a 400 naming `field` unless every id is an existing category. */
export async function assertCategoriesExist(db: Executor, ids: string[], field: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db.select({ id: categories.id }).from(categories).where(inArray(categories.id, unique));
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw badRequest(`${field}: unknown category ${missing.join(', ')}`, { field, unknownIds: missing });
}

export async function insertCategory(tx: Executor, input: { name: string; slug: string; parentId: string | null }): Promise<CategoryRow> {
  let parentPath: string[] = [];
  if (input.parentId) {
    const [parent] = await tx.select().from(categories).where(eq(categories.id, input.parentId));
    if (!parent) throw badRequest(`body.parentId: unknown category ${input.parentId}`, { field: 'body.parentId' });
    parentPath = parent.path;
  }
  const id = randomUUID();
  const [row] = await tx
    .insert(categories)
    .values({ id, name: input.name, slug: input.slug, parentId: input.parentId, path: [...parentPath, id], createdAt: sql`now()` })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict(`A category with slug "${input.slug}" already exists`, { slug: input.slug });
  return row;
}

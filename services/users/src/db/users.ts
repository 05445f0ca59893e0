import { randomUUID } from 'node:crypto';
import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { roleSchema, type Role } from '@emporium/contracts';
import { users, type Address, type UserRow } from './schema.ts';

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** Inserts an account; returns undefined when the email is taken (the unique index decides, not a racy pre-check). */
export async function insertUser(db: Executor, user: { email: string; passwordHash: string; name?: string; roles: Role[] }): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values({ id: randomUUID(), email: user.email, passwordHash: user.passwordHash, name: user.name ?? null, roles: user.roles })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row;
}

export interface ProfileChanges {
  name?: string | null;
  phone?: string | null;
  address?: Address | null;
}

export async function updateProfile(db: Executor, id: string, changes: ProfileChanges): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ ...changes, updatedAt: sql`now()` }).where(eq(users.id, id)).returning();
  return row;
}

export async function setRoles(db: Executor, id: string, roles: Role[]): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ roles, updatedAt: sql`now()` }).where(eq(users.id, id)).returning();
  return row;
}

export async function setPassword(db: Executor, id: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, id));
}

/** Locks the admins' rows, so two concurrent demotions can't both see "another admin remains". */
export async function lockAdminIds(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`'admin' = any(${users.roles})`).for('update');
  return rows.map((r) => r.id);
}

export async function listUsers(db: Executor, query: { emailContains?: string; limit: number; offset: number }): Promise<{ items: UserRow[]; total: number }> {
  const filters: SQL[] = [];
  if (query.emailContains) filters.push(ilike(users.email, `%${escapeLike(query.emailContains)}%`));
  const where = filters.length ? and(...filters) : undefined;
  const [items, [count]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.createdAt), asc(users.id)).limit(query.limit).offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** `%` and `_` in a search are literal characters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Roles as stored; only valid roles are ever written, the filter keeps the type honest. */
export function rolesOf(row: UserRow): Role[] {
  return row.roles.filter((r): r is Role => roleSchema.safeParse(r).success);
}

import { and, count, desc, eq, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '@emporium/kit';
import { notifications, type DeliveryStatus, type NotificationRow } from './schema.ts';
import { confidentialEvents } from '../domain/templates.ts';

/** What stands in for the body of an email whose link must stay with its recipient. */
export const withheldBody = '[withheld: this email carries a single-use link for its recipient only]';

export type NewNotification = Omit<typeof notifications.$inferInsert, 'status' | 'attempts' | 'nextAttemptAt'>;

/** Every new notification starts queued and due now; the dispatcher sends it once committed. */
export async function insertNotification(tx: Executor, values: NewNotification): Promise<NotificationRow | undefined> {
  const [row] = await tx
    .insert(notifications)
    .values({ ...values, status: 'queued', attempts: 0, nextAttemptAt: new Date() })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findNotification(db: Executor, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

const pending = inArray(notifications.status, ['queued', 'failed']);

/**
 * Takes a due notification for one send attempt: counts the attempt and pushes its next due time
 * out by the lease in a single conditional update, so of two racing senders (the post-commit send
 * and the retry loop, or two replicas) only one gets the row. If the sender dies mid-send the row
 * becomes due again when the lease ends.
 */
export async function claimForSend(db: Db, id: string, now: Date, leaseUntil: Date, maxAttempts: number): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: leaseUntil, updatedAt: now })
    .where(and(eq(notifications.id, id), pending, lt(notifications.attempts, maxAttempts), lte(notifications.nextAttemptAt, now)))
    .returning();
  return row;
}

export async function markSent(db: Db, id: string, providerMessageId: string, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ status: 'sent', providerMessageId, sentAt: now, lastError: null, nextAttemptAt: null, updatedAt: now })
    .where(eq(notifications.id, id));
}

export async function markFailed(db: Db, id: string, error: string, nextAttemptAt: Date | null, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ status: 'failed', lastError: error.slice(0, 1000), nextAttemptAt, updatedAt: now })
    .where(eq(notifications.id, id));
}

/** Once a confidential email is out, its link no longer needs to sit in our database. */
export async function wipeBody(db: Db, id: string): Promise<void> {
  await db.update(notifications).set({ body: withheldBody }).where(eq(notifications.id, id));
}

/** Queued or failed notifications whose next attempt is due (the retry loop's work list). */
export async function dueNotificationIds(db: Db, now: Date, maxAttempts: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(pending, lt(notifications.attempts, maxAttempts), lte(notifications.nextAttemptAt, now)))
    .orderBy(notifications.nextAttemptAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

export interface Page {
  limit: number;
  offset: number;
}

/** Newest first; `id` breaks ties so pages never overlap. */
async function listPage(db: Db, where: SQL | undefined, page: Page) {
  const [items, [total]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { items: items.map(toDto), total: total?.n ?? 0, limit: page.limit, offset: page.offset };
}

export function listForUser(db: Db, userId: string, page: Page) {
  return listPage(db, eq(notifications.userId, userId), page);
}

export function listByStatus(db: Db, status: DeliveryStatus | undefined, page: Page) {
  return listPage(db, status ? eq(notifications.status, status) : undefined, page);
}

/** The API shape of a notification (no internal bookkeeping). */
export function toDto(row: NotificationRow) {
  return {
    id: row.id,
    userId: row.userId,
    recipient: row.recipient,
    channel: row.channel,
    eventType: row.eventType,
    eventId: row.eventId,
    subject: row.subject,
    body: confidentialEvents.has(row.eventType) ? withheldBody : row.body,
    format: row.format,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    providerMessageId: row.providerMessageId,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type NotificationDto = ReturnType<typeof toDto>;

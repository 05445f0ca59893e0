import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '@emporium/kit';
import { auditLog } from './schema.ts';

export type AuditAction =
  | 'user.profile.read'
  | 'user.profile.updated'
  | 'user.preferences.updated'
  | 'user.roles.changed'
  | 'users.listed'
  | 'user.identity.linked'
  | 'user.data.exported'
  | 'user.erased';

export interface AuditEntry {
  actorId: string;
  action: AuditAction;
  targetUserId: string | null;
  requestId: string;
  /** Names of changed fields, old and new roles, a search: never the personal data itself. */
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ id: randomUUID(), ...entry, details: entry.details ?? {} });
}

export async function readAuditLog(db: Executor, query: { targetUserId?: string; limit: number }) {
  return db
    .select()
    .from(auditLog)
    .where(query.targetUserId ? eq(auditLog.targetUserId, query.targetUserId) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit);
}

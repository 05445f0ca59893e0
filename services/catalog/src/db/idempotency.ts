import { and, eq } from 'drizzle-orm';
import { conflict, type Db, type Tx } from '@emporium/kit';
import { idempotencyKeys } from './schema.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Runs `work` in a transaction, and when the client sent an Idempotency-Key, stores the response
 * in that same transaction: a retry with the same key gets the stored response and nothing is
 * done twice. `scope` separates callers and routes so keys cannot collide across them.
 * Failed requests (thrown errors) are not stored, so they can be retried.
 */
export function withIdempotency(db: Db, scope: string, key: string | undefined, work: (tx: Tx) => Promise<StoredResponse>): Promise<StoredResponse> {
  return db.transaction(async (tx) => {
    if (!key) return work(tx);
    const [previous] = await tx.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (previous) return { status: previous.status, body: previous.body };
    const response = await work(tx);
    const stored = await tx.insert(idempotencyKeys).values({ scope, key, status: response.status, body: response.body }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
    // Another request with the same key committed first; this one is rolled back.
    if (stored.length === 0) throw conflict('A request with this Idempotency-Key is already being processed; retry it');
    return response;
  });
}

import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { conflict, HttpProblem, unprocessable, type Db, type Executor } from '@emporium/kit';
import { idempotencyKeys } from '../db/schema.ts';

/** A response as it is sent and, for idempotent replays, stored. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotencyScope {
  /** The logical operation (authorize, capture, refund): one key means one thing per operation. */
  operation: string;
  key: string;
  requestHash: string;
}

/** Stores the response under the key, in the caller's transaction when given one. */
export type SaveResponse = (executor: Executor, response: StoredResponse) => Promise<void>;

/** How long a claimed key counts as in flight before another request may take it over (crash recovery). */
const LOCK = sql`now() + interval '60 seconds'`;

/**
 * Runs `work` at most once per (operation, key). A repeat with the same request gets the stored
 * response without running anything; with a different request, 422. Outcomes worth replaying
 * (success, declines, conflicts: every 4xx) are stored; a 5xx such as a provider outage is not,
 * so a retry with the same key runs the work again and can complete it.
 */
export async function runIdempotent(db: Db, scope: IdempotencyScope, work: (save: SaveResponse) => Promise<StoredResponse>): Promise<StoredResponse> {
  const replay = await claim(db, scope);
  if (replay) return replay;
  let saved = false;
  const save: SaveResponse = async (executor, response) => {
    await executor
      .update(idempotencyKeys)
      .set({ statusCode: response.status, response: response.body, lockedUntil: null })
      .where(and(eq(idempotencyKeys.operation, scope.operation), eq(idempotencyKeys.key, scope.key)));
    saved = true;
  };
  try {
    const response = await work(save);
    if (!saved) await save(db, response);
    return response;
  } catch (error) {
    if (error instanceof HttpProblem && error.status < 500) {
      const response = { status: error.status, body: error.toProblem() };
      await save(db, response);
      return response;
    }
    await db
      .update(idempotencyKeys)
      .set({ lockedUntil: null })
      .where(and(eq(idempotencyKeys.operation, scope.operation), eq(idempotencyKeys.key, scope.key), isNull(idempotencyKeys.response)));
    throw error;
  }
}

/** Takes the key for this request; returns the stored response instead when there is one. */
async function claim(db: Db, scope: IdempotencyScope): Promise<StoredResponse | null> {
  const where = and(eq(idempotencyKeys.operation, scope.operation), eq(idempotencyKeys.key, scope.key));
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ operation: scope.operation, key: scope.key, requestHash: scope.requestHash, lockedUntil: LOCK })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return null;

  const [existing] = await db.select().from(idempotencyKeys).where(where);
  if (existing && existing.requestHash !== scope.requestHash) {
    throw unprocessable('This Idempotency-Key was already used with a different request.', { idempotencyKey: scope.key });
  }
  if (existing?.statusCode != null) return { status: existing.statusCode, body: existing.response };

  const taken = await db
    .update(idempotencyKeys)
    .set({ lockedUntil: LOCK })
    .where(and(where, isNull(idempotencyKeys.statusCode), or(isNull(idempotencyKeys.lockedUntil), lte(idempotencyKeys.lockedUntil, sql`now()`))))
    .returning({ key: idempotencyKeys.key });
  if (taken.length === 0) throw conflict('A request with this Idempotency-Key is still in progress; retry shortly.', { idempotencyKey: scope.key });
  return null;
}

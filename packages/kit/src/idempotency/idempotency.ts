import { createHash } from 'node:crypto';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor, Tx } from '../db.ts';
import { conflict, HttpProblem, unprocessable } from '../errors.ts';
import { idempotentRequests } from './schema.ts';
import { callerOf } from '../auth.ts';
import type { EventWriter, UnitOfWork } from '../outbox/unit-of-work.ts';
import type { FastifyRequest } from 'fastify';

/** The `Idempotency-Key` header as a route schema declares it. */
export const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().min(1).max(200).optional() });

/** An answer as it is sent and, for replays, stored. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotentRequest {
  /** Who asks and for what (e.g. `user:<id> POST /catalog/offers`): keys of different scopes never meet. */
  scope: string;
  /** The client's Idempotency-Key; without one the work simply runs. */
  key: string | undefined;
  /** What was asked (body, path parameters): the same key with another request is a 422. */
  request: unknown;
}

/** Stores the answer under the key, in the caller's transaction when given one. */
export type SaveResponse = (executor: Executor, response: StoredResponse) => Promise<void>;

/** How long a claimed key counts as in flight before another request may take it over (crash recovery). */
const LOCK = sql`now() + interval '60 seconds'`;

/** A stable hash of a request: object keys sorted, so the same JSON in another order is the same request. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Stripe's Idempotency-Key rule: the first request with a key runs and its answer is stored; the
 * same key with the same request gets that answer again without running anything; with a different
 * request, 422; while the first is still running, 409. Answers worth replaying (success and every
 * 4xx) are stored; a 5xx is not, so a retry with the same key runs the work again.
 * `work` gets `save` to store the answer inside its own transaction (then a crash cannot leave the
 * change without its answer); otherwise the answer is stored after it returns.
 */
export async function runIdempotent(db: Db, request: IdempotentRequest, work: (save: SaveResponse) => Promise<StoredResponse>): Promise<StoredResponse> {
  const { scope, key } = request;
  if (!key) return work(async () => {});
  const where = and(eq(idempotentRequests.scope, scope), eq(idempotentRequests.key, key));
  const replay = await claim(db, scope, key, requestHash(request.request));
  if (replay) return replay;
  let saved = false;
  const save: SaveResponse = async (executor, response) => {
    await executor.update(idempotentRequests).set({ statusCode: response.status, response: response.body, lockedUntil: null }).where(where);
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
    await db.delete(idempotentRequests).where(and(where, isNull(idempotentRequests.statusCode)));
    throw error;
  }
}

/**
 * `runIdempotent` for work that is one unit of work: the change, its events and the stored answer
 * commit together (and the relay is woken for the events).
 */
export function idempotentTransaction(deps: { db: Db; unitOfWork: UnitOfWork }, request: IdempotentRequest, work: (tx: Tx, events: EventWriter) => Promise<StoredResponse>): Promise<StoredResponse> {
  return runIdempotent(deps.db, request, (save) =>
    deps.unitOfWork(async (tx, events) => {
      const response = await work(tx, events);
      await save(tx, response);
      return response;
    }),
  );
}

/** Takes the key for this request; returns the stored answer instead when there is one. */
async function claim(db: Db, scope: string, key: string, hash: string): Promise<StoredResponse | null> {
  const where = and(eq(idempotentRequests.scope, scope), eq(idempotentRequests.key, key));
  const inserted = await db
    .insert(idempotentRequests)
    .values({ scope, key, requestHash: hash, lockedUntil: LOCK })
    .onConflictDoNothing()
    .returning({ key: idempotentRequests.key });
  if (inserted.length > 0) return null;

  const [existing] = await db.select().from(idempotentRequests).where(where);
  if (existing && existing.requestHash !== hash) {
    throw unprocessable('This Idempotency-Key was already used with a different request.', { idempotencyKey: key });
  }
  if (existing?.statusCode != null) return { status: existing.statusCode, body: existing.response };

  const taken = await db
    .update(idempotentRequests)
    .set({ lockedUntil: LOCK })
    .where(and(where, isNull(idempotentRequests.statusCode), or(isNull(idempotentRequests.lockedUntil), lte(idempotentRequests.lockedUntil, sql`now()`))))
    .returning({ key: idempotentRequests.key });
  if (taken.length === 0) throw conflict('A request with this Idempotency-Key is still in progress; retry shortly.', { idempotencyKey: key });
  return null;
}

/**
 * The idempotent request a route handles: scoped to the caller (the signed-in user, else the
 * calling service) and the route, keyed by the Idempotency-Key header, and identified by its path
 * parameters and body.
 */
export function idempotentRequestOf(request: FastifyRequest): IdempotentRequest {
  const caller = callerOf(request);
  const who = caller?.principal ? `user:${caller.principal.userId}` : `service:${caller?.service ?? 'anonymous'}`;
  const header = request.headers['idempotency-key'];
  return {
    scope: `${who} ${request.method} ${request.routeOptions.url ?? request.url}`,
    key: typeof header === 'string' ? header : undefined,
    request: { params: request.params, body: request.body },
  };
}

import { pgTable, text, integer, jsonb, timestamp, primaryKey } from 'drizzle-orm/pg-core';

/**
 * Requests made with an Idempotency-Key, per scope (the caller and the operation): the hash of the
 * request, and once finished the answer to replay. `locked_until` marks a request in flight.
 */
export const idempotentRequests = pgTable(
  'idempotent_requests',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const idempotencyMigration = {
  name: 'kit/0002_idempotent_requests.sql',
  script: `
    create table idempotent_requests (
      scope text not null,
      key text not null,
      request_hash text not null,
      status_code integer,
      response jsonb,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      primary key (scope, key)
    );`,
};

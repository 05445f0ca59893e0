import { pgTable, uuid, text, integer, jsonb, timestamp, primaryKey } from 'drizzle-orm/pg-core';

/** Events written in the same transaction as the change they describe; the relay publishes them. */
export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey(),
  type: text('type').notNull(),
  version: integer('version').notNull(),
  source: text('source').notNull(),
  data: jsonb('data').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
});

/** Event ids a consumer has handled, so a redelivered event changes nothing. */
export const processedEvents = pgTable(
  'processed_events',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

export const kitMigrations = [
  {
    name: 'kit/0001_outbox.sql',
    script: `
      create table outbox (
        id uuid primary key,
        type text not null,
        version integer not null,
        source text not null,
        data jsonb not null,
        occurred_at timestamptz not null,
        published_at timestamptz
      );
      create index outbox_unpublished on outbox (occurred_at) where published_at is null;
      create table processed_events (
        consumer text not null,
        event_id uuid not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id)
      );`,
  },
];

import { pgTable, uuid, text, integer, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import type { ChannelName } from '../domain/templates.ts';
import type { TemplateFormat } from '../domain/render.ts';

export type DeliveryStatus = 'queued' | 'sent' | 'failed';

/** Mirrors migrations/0001_init.sql. */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  userId: text('user_id'),
  recipient: text('recipient').notNull(),
  channel: text('channel').$type<ChannelName>().notNull(),
  eventType: text('event_type').notNull(),
  eventId: uuid('event_id'),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  format: text('format').$type<TemplateFormat>().notNull(),
  status: text('status').$type<DeliveryStatus>().notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  providerMessageId: text('provider_message_id'),
  createdBy: text('created_by'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type NotificationRow = typeof notifications.$inferSelect;

export const templates = pgTable(
  'templates',
  {
    eventType: text('event_type').notNull(),
    channel: text('channel').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    format: text('format').$type<TemplateFormat>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventType, t.channel, t.locale] })],
);
export type TemplateRow = typeof templates.$inferSelect;

-- One row per message to one recipient on one channel; its status is the delivery tracking.
create table notifications (
  id uuid primary key,
  user_id text,
  recipient text not null,
  channel text not null check (channel in ('email', 'sms', 'push')),
  event_type text not null,
  event_id uuid,
  subject text not null,
  body text not null,
  format text not null check (format in ('text', 'html')),
  status text not null check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  next_attempt_at timestamptz,
  provider_message_id text,
  idempotency_key text unique,
  created_by text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index notifications_event_channel on notifications (event_id, channel) where event_id is not null;
create index notifications_user_history on notifications (user_id, created_at desc, id desc);
create index notifications_by_status on notifications (status, created_at desc);
create index notifications_due on notifications (next_attempt_at) where status in ('queued', 'failed');

-- Staff edits of templates; a row here wins over the built-in template with the same key.
create table templates (
  event_type text not null,
  channel text not null,
  locale text not null,
  subject text not null,
  body text not null,
  format text not null check (format in ('text', 'html')),
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (event_type, channel, locale)
);

-- Payment intents. Card data is limited to card_last4: the number itself is never stored.
create table payment_intents (
  id uuid primary key,
  order_id text not null,
  user_id text,
  email text,
  amount bigint not null check (amount > 0),
  currency char(3) not null,
  provider text not null,
  provider_ref text,
  status text not null,
  failure_code text,
  card_last4 char(4),
  refunded_amount bigint not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
  invoice_id uuid,
  -- The Idempotency-Key of the authorize call that created the intent: a retry finds it again.
  authorize_key text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index payment_intents_order on payment_intents (order_id);
create index payment_intents_provider_ref on payment_intents (provider, provider_ref);

create table refunds (
  id uuid primary key,
  payment_id uuid not null references payment_intents (id),
  amount bigint not null check (amount > 0),
  provider_ref text not null,
  created_at timestamptz not null default now()
);
create index refunds_payment on refunds (payment_id);

-- One counter per year keeps invoice numbers sequential without gaps.
create table invoice_counters (
  year integer primary key,
  last_number integer not null
);

create table invoices (
  id uuid primary key,
  number text not null unique,
  payment_id uuid not null unique references payment_intents (id),
  order_id text not null,
  user_id text,
  email text,
  currency char(3) not null,
  subtotal bigint not null,
  tax bigint not null,
  total bigint not null,
  lines jsonb not null,
  issued_at timestamptz not null
);
create index invoices_order on invoices (order_id);

-- Idempotency-Key → stored response, per operation. locked_until marks a request in flight;
-- a null response with no lock is a request that may be retried (e.g. after a provider outage).
create table idempotency_keys (
  operation text not null,
  key text not null,
  request_hash text not null,
  status_code integer,
  response jsonb,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  primary key (operation, key)
);

-- Provider webhook events already applied, so a redelivery changes nothing.
create table webhook_events (
  provider text not null,
  event_id text not null,
  received_at timestamptz not null default now(),
  primary key (provider, event_id)
);

create table orders (
  id uuid primary key,
  -- The client's Idempotency-Key for POST /orders: one order per key, even under concurrent retries.
  idempotency_key text not null unique,
  user_id text,
  email text,
  cart_id text not null,
  status text not null,
  currency text not null,
  subtotal bigint not null,
  discount bigint not null,
  total bigint not null,
  discount_code text,
  shipping_address jsonb not null,
  payment_id text,
  refunded_amount bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index orders_by_user on orders (user_id, created_at desc);
create index orders_by_status on orders (status, created_at desc);

create table order_lines (
  order_id uuid not null references orders (id),
  position integer not null,
  sku text not null,
  name text not null,
  quantity integer not null,
  unit_price bigint not null,
  line_total bigint not null,
  primary key (order_id, position)
);

create table order_status_history (
  id bigserial primary key,
  order_id uuid not null references orders (id),
  state text not null,
  note text,
  at timestamptz not null default now()
);
create index order_status_history_by_order on order_status_history (order_id, id);

create table shipments (
  id uuid primary key,
  order_id uuid not null references orders (id),
  carrier text not null,
  tracking_number text not null,
  shipped_at timestamptz not null default now()
);
create index shipments_by_order on shipments (order_id);

-- Checkout saga progress, updated in the same transaction as each order state change.
create table checkout_sagas (
  order_id uuid primary key references orders (id),
  step text not null,
  status text not null,
  attempts integer not null default 0,
  payment_id text,
  payment_state text not null default 'none',
  failure jsonb,
  -- Lease: a runner (the request or a recovery pass) owns the saga until then.
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index checkout_sagas_active on checkout_sagas (updated_at) where status in ('running', 'compensating');

-- Staff refunds, keyed by the request's Idempotency-Key so a retry never refunds twice.
create table order_refunds (
  order_id uuid not null references orders (id),
  idempotency_key text not null,
  amount bigint not null,
  reason text not null,
  status text not null,
  created_at timestamptz not null default now(),
  primary key (order_id, idempotency_key)
);

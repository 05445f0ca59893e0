-- Carts live here only when the service runs without Redis (embedded mode).
create table carts (
  id uuid primary key,
  user_id text,
  status text not null check (status in ('active', 'merged', 'converted')),
  currency text,
  lines jsonb not null default '[]',
  discount_code text,
  order_id text,
  merged_into uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- One active cart per user.
create unique index carts_one_active_per_user on carts (user_id) where status = 'active' and user_id is not null;

-- Discount codes are shared configuration: always durable here, whatever holds the carts.
create table discount_codes (
  code text primary key,
  kind text not null check (kind in ('percentage', 'fixed')),
  value bigint not null check (value > 0),
  currency text,
  min_subtotal bigint,
  expires_at timestamptz,
  usage_limit integer,
  created_by text,
  created_at timestamptz not null default now()
);

-- One row per checked-out cart that used a code, so a repeated checkout counts once.
create table discount_code_usages (
  code text not null references discount_codes (code),
  cart_id uuid not null,
  order_id text not null,
  used_at timestamptz not null default now(),
  primary key (code, cart_id)
);

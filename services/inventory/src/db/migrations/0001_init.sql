create table warehouses (
  id text primary key,
  name text not null,
  created_at timestamptz not null default now()
);

-- One row per SKU per warehouse. The checks are the last line of defence: whatever the code
-- does, available (on_hand - reserved) can never go negative.
create table stock (
  sku text not null,
  warehouse_id text not null references warehouses(id),
  on_hand integer not null default 0 check (on_hand >= 0),
  reserved integer not null default 0 check (reserved >= 0 and reserved <= on_hand),
  low_stock_threshold integer not null default 0 check (low_stock_threshold >= 0),
  updated_at timestamptz not null default now(),
  primary key (sku, warehouse_id)
);

create table stock_adjustments (
  id uuid primary key,
  sku text not null,
  warehouse_id text not null references warehouses(id),
  delta integer not null,
  reason text not null,
  note text,
  on_hand_after integer not null,
  created_by text,
  idempotency_key text unique,
  created_at timestamptz not null default now()
);
create index stock_adjustments_by_sku on stock_adjustments (sku, created_at desc);

create table reservations (
  order_id text primary key,
  status text not null check (status in ('reserved', 'released', 'expired', 'committed')),
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index reservations_expiring on reservations (expires_at) where status = 'reserved';

create table reservation_lines (
  order_id text not null references reservations(order_id),
  sku text not null,
  warehouse_id text not null references warehouses(id),
  quantity integer not null check (quantity > 0),
  primary key (order_id, sku, warehouse_id)
);

-- Units paid per SKU per UTC day, fed by order.paid; the forecast's input.
create table daily_demand (
  sku text not null,
  day date not null,
  quantity integer not null check (quantity >= 0),
  primary key (sku, day)
);

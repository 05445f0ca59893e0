-- Categories form a tree. `path` holds the ids from the root down to the category itself, so
-- "this category and its descendants" and "this category's ancestors" are single array tests.
-- Categories are never moved, so the path never changes after insert.
create table categories (
  id uuid primary key,
  name text not null,
  slug text not null unique,
  parent_id uuid references categories (id),
  path uuid[] not null,
  created_at timestamptz not null default now()
);
create index categories_path on categories using gin (path);

create table products (
  id uuid primary key,
  sku text not null unique,
  name text not null,
  description text not null default '',
  price bigint not null check (price >= 0),
  currency text not null,
  images jsonb not null default '[]',
  attributes jsonb not null default '{}',
  category_id uuid references categories (id),
  status text not null check (status in ('active', 'draft')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- Full-text document: name weighs most, then description, then attribute values (brand, colour...).
  search tsvector generated always as (
    setweight(to_tsvector('english', name), 'A') ||
    setweight(to_tsvector('english', description), 'B') ||
    setweight(jsonb_to_tsvector('english', attributes, '["string"]'), 'C')
  ) stored
);
create index products_search on products using gin (search);
create index products_attributes on products using gin (attributes jsonb_path_ops);
create index products_category on products (category_id);
create index products_created on products (created_at desc, id desc);

create table product_variants (
  id uuid primary key,
  product_id uuid not null references products (id) on delete cascade,
  sku text not null unique,
  name text not null,
  price bigint check (price >= 0),
  attributes jsonb not null default '{}',
  created_at timestamptz not null
);
create index product_variants_product on product_variants (product_id);
create index product_variants_attributes on product_variants using gin (attributes jsonb_path_ops);

-- One namespace for the SKUs of products and variants: other services (carts, inventory, orders)
-- know items only by SKU, so a SKU must name exactly one sellable thing.
create table skus (
  sku text primary key,
  product_id uuid not null references products (id) on delete cascade
);

create table offers (
  id uuid primary key,
  name text not null,
  kind text not null check (kind in ('percentage', 'fixed')),
  value bigint not null check (value > 0),
  -- Fixed discounts are money, so they only apply to prices in this currency; null for percentages.
  currency text,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  product_ids uuid[] not null default '{}',
  category_ids uuid[] not null default '{}',
  created_at timestamptz not null default now()
);
create index offers_window on offers (starts_at, ends_at);

-- Responses to writes sent with an Idempotency-Key, so a retried request is answered, not redone.
create table idempotency_keys (
  scope text not null,
  key text not null,
  status integer not null,
  body jsonb not null,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);

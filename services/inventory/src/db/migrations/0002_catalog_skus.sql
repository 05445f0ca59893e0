-- SKUs the catalog sells, learned from its product events (and, for one the events have not
-- brought yet, from asking the catalog). Stock may only be kept for these.
create table catalog_skus (
  sku text primary key,
  product_id text not null,
  learned_at timestamptz not null default now()
);

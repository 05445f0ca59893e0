-- Who read which customer's order (staff and admins; a customer reading their own is not logged),
-- when and in which request. Holds ids only, never the personal data itself.
create table audit_log (
  id uuid primary key,
  actor_id text not null,
  -- 'order.read' (one order in full) or 'order.listed' (the order's summary in a staff listing)
  action text not null,
  order_id uuid not null,
  -- the customer the order belongs to; null for a guest order
  customer_id text,
  request_id text not null,
  at timestamptz not null default now()
);
create index audit_log_by_customer on audit_log (customer_id, at desc);
create index audit_log_by_order on audit_log (order_id, at desc);
create index audit_log_at on audit_log (at desc);

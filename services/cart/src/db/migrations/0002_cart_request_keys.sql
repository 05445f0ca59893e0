-- Idempotency-Keys of recent item adds, stored with the cart so the check and the write are one.
alter table carts add column request_keys jsonb not null default '[]';

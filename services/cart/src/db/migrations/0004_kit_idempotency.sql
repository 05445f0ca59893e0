-- Idempotency-Keys of adds now live in the kit's idempotent_requests table (same rule in every service).
alter table carts drop column request_keys;

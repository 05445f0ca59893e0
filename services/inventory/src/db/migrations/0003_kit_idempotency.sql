-- Idempotency-Keys now live in the kit's idempotent_requests table (same rule in every service).
alter table stock_adjustments drop column idempotency_key;

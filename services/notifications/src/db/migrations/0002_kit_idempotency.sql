-- Idempotency-Keys now live in the kit's idempotent_requests table (same rule in every service).
alter table notifications drop column idempotency_key;

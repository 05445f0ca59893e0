-- Idempotency-Keys now live in the kit's idempotent_requests table (same rule in every service).
drop table idempotency_keys;

-- The order whose checkout holds the cart (carts in the database; in Redis it is a JSON field).
alter table carts add column claimed_by text;

-- Uses of a code, counted on the code's own row so redeeming is one conditional update
-- (used_count < usage_limit) that concurrent checkouts cannot both pass.
alter table discount_codes add column used_count integer not null default 0;
update discount_codes c set used_count = (select count(*) from discount_code_usages u where u.code = c.code);

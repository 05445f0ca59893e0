-- When the owner proved the mailbox (verification link or password reset); null: not yet.
alter table users add column email_verified_at timestamptz;
-- Raised by a role or password change: access tokens carry the version they were issued at,
-- and the gateway refuses older ones (see README, "Revocation").
alter table users add column token_version integer not null default 0;

-- Single-use secrets sent by email (password reset, email verification), stored only as sha256.
create table account_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('password_reset', 'email_verification')),
  -- the address the link was sent to: a verification only counts for the address it was sent to
  email text not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index account_tokens_user on account_tokens (user_id, purpose);

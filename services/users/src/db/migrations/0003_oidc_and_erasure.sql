-- Sign-ins with the external OpenID provider that were started and not yet finished. Kept here,
-- not in the starting process, so whichever replica receives the callback can finish it.
-- A row is deleted when its callback arrives, so a state (and its code) works once.
create table oidc_pending_logins (
  state text primary key,
  code_verifier text not null,
  nonce text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index oidc_pending_logins_expiry on oidc_pending_logins (expires_at);

-- Which provider account (issuer + subject) signs in as which local account.
create table user_identities (
  issuer text not null,
  subject text not null,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (issuer, subject)
);
create index user_identities_user on user_identities (user_id);

-- Set when the customer had their account deleted: the row stays (orders, audit entries refer
-- to it) with its personal data replaced.
alter table users add column erased_at timestamptz;

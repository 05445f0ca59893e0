-- Accounts. Emails are stored normalised (trimmed, lower case) so uniqueness is case-insensitive.
create table users (
  id uuid primary key,
  email text not null unique,
  password_hash text not null,
  name text,
  phone text,
  address jsonb,
  roles text[] not null default '{customer}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table user_preferences (
  user_id uuid primary key references users (id) on delete cascade,
  locale text not null,
  currency text not null,
  marketing_emails boolean not null,
  updated_at timestamptz not null default now()
);

-- Opaque refresh tokens, stored only as sha256; a family is one sign-in session, rotated on refresh.
create table refresh_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  family_id uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  -- why it was revoked: 'rotated' (replaced by a refresh), 'logout', 'reuse' (family killed), 'admin'
  revoked_reason text,
  created_at timestamptz not null default now()
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id);

-- RS256 keys the service signs access tokens with when none is configured; shared by replicas.
create table signing_keys (
  kid text primary key,
  private_key_pem text not null,
  public_jwk jsonb not null,
  created_at timestamptz not null default now()
);

-- Who looked at or changed whose data.
create table audit_log (
  id uuid primary key,
  actor_id text not null,
  action text not null,
  target_user_id uuid,
  request_id text,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_log_target on audit_log (target_user_id, at desc);
create index audit_log_at on audit_log (at desc);

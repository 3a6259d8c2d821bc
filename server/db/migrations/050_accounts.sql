-- Accounts (issue 14): the members of an organization who sign in to the console, and their
-- sessions. An email names one member across all organizations, because login takes only the
-- email. Passwords are kept as scrypt hashes with their parameters (`accounts/password.ts`);
-- session tokens as their sha-256, like API keys.

create table members (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  email text not null unique check (email = lower(email)),
  password_hash text not null,
  role text not null check (role in ('owner', 'admin', 'viewer')),
  created_at timestamptz not null default now()
);
create index members_organization on members (organization_id);

create table member_sessions (
  token_hash text primary key,
  member_id uuid not null references members (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index member_sessions_member on member_sessions (member_id);

-- How the notice is shown (layout, theme, blocking, floating button), per project; until now
-- these were script-tag attributes only. Null: the widget's defaults.
alter table projects add column display jsonb;

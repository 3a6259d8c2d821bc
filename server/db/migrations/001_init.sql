-- Assent site API schema. Consent events are append-only: the app only inserts them.

create table organizations (
  id uuid primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table projects (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  name text not null,
  -- JSON array of exact origins ("https://shop.example") or the word "loopback".
  allowed_origins jsonb not null default '[]',
  default_consent_duration text not null,
  -- { "<language>": NoticeTexts }
  notice_texts jsonb not null,
  default_language text not null,
  privacy_policy_url text,
  theme jsonb not null,
  created_at timestamptz not null default now()
);

create table consent_types (
  id uuid primary key,
  project_id uuid not null references projects (id),
  category text not null,
  subcategory jsonb,
  label text not null,
  version integer not null default 1,
  name text not null,
  description text not null,
  url text,
  document text,
  required boolean not null default false,
  read_only boolean not null default false,
  valid_states jsonb not null,
  status text not null default 'active',
  consent_duration text,
  require_reaccept_version integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (project_id, label)
);

create table api_keys (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  name text not null,
  -- sha-256 of the key, hex; the key itself is never stored.
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  unique (organization_id, name)
);

create table sessions (
  id uuid primary key,
  project_id uuid not null references projects (id),
  concord_id uuid not null,
  -- sha-256 of the bearer token, hex.
  token_hash text not null unique,
  ip_address text,
  domain text,
  geography text not null,
  user_agent text,
  browser text,
  os text,
  device text,
  created_at timestamptz not null,
  expires_at timestamptz not null
);

create table consent_events (
  seq bigserial primary key,
  id uuid not null,
  project_id uuid not null references projects (id),
  organization_id uuid not null references organizations (id),
  concord_id uuid,
  user_id text,
  email text,
  phone_number text,
  project_user_id text,
  consent_type_id uuid not null references consent_types (id),
  version integer not null,
  category text not null,
  subcategory jsonb,
  label text not null,
  consent_state text not null,
  consent_action text not null,
  consent_date timestamptz not null,
  expiration_date timestamptz not null,
  session_id uuid references sessions (id),
  -- sha-256 of the item as the client sent it, to tell a retry from a conflicting reuse of `id`.
  body_hash text not null,
  created_at timestamptz not null,
  unique (project_id, id)
);

create index consent_events_visitor on consent_events (project_id, concord_id, seq);
create index consent_events_consent_date on consent_events (project_id, consent_date);

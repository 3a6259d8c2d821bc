-- Consent links (issue 16, seed 004). A collection point is a named set of a project's consent
-- types collected together (a form, a counter, a call script), with a display id (`CP001`, … per
-- organization, or the owner's). A consent link lets one person, known by phone and optionally
-- email, give or change the consent of a collection point on a page Assent hosts, until it
-- expires. Every step of a link (created, mail sent or failed, opened, each decision) is a row
-- of its audit trail, which `GET /api/consent/consent-links/{event_id}` answers.

create table collection_points (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  -- Seed 004's `asset_id`.
  project_id uuid not null references projects (id),
  display_id text not null check (display_id ~ '^[A-Za-z0-9_-]{1,32}$'),
  name text not null,
  -- Ids of the project's consent types, in the order they are shown.
  consent_types jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Display ids name a collection point in its organization's links (`/{org}/{CP001}/{id}`).
  unique (organization_id, display_id)
);

create index collection_points_project on collection_points (project_id, created_at);

-- A 10-digit phone number gets this calling code (seed 004: "automatically prefixed with +91").
alter table organizations add column default_calling_code text not null default '+91'
  check (default_calling_code ~ '^\+[1-9][0-9]{0,3}$');

create table consent_links (
  -- Seed 004's `event_id`: a random uuid, the unguessable part of the link.
  id uuid primary key,
  -- Seed 004's `request_id`.
  request_id uuid not null unique,
  organization_id uuid not null references organizations (id),
  project_id uuid not null references projects (id),
  collection_point_id uuid not null references collection_points (id),
  -- E.164.
  phone text not null,
  email text,
  -- What made the link: `key:<hash prefix>` or `member:<id>`.
  created_by text not null,
  data_collection_timestamp timestamptz not null,
  expires_at timestamptz not null,
  created_at timestamptz not null
);

create index consent_links_organization on consent_links (organization_id, created_at desc);

create table consent_link_audit (
  id bigserial primary key,
  link_id uuid not null references consent_links (id),
  -- `created`, `email_sent`, `email_failed`, `opened`, `decision`, `expired_open`.
  kind text not null,
  at timestamptz not null,
  -- What happened: the mail's reason, a decision's states and event ids, …
  detail jsonb not null default '{}'
);

create index consent_link_audit_link on consent_link_audit (link_id, id);

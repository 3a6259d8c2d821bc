-- Webhooks (issue 15): a project's endpoints, and one delivery row per event and endpoint,
-- written in the same transaction as the event (a transactional outbox), so that no stored
-- event can miss a webhook: a crash either loses both or keeps both. The server delivers the
-- rows in the background, claimed with `for update skip locked` so that several instances never
-- send the same one at the same time.

create table webhook_endpoints (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  project_id uuid not null references projects (id),
  url text not null,
  -- `whsec_<base64>` (Standard Webhooks); kept in clear because every delivery is signed with it.
  secret text not null,
  -- Event types sent to it; today only `consent_event.created` (and `webhook.test` on demand).
  events jsonb not null,
  created_at timestamptz not null default now(),
  -- Deleted endpoints stay for their deliveries' history.
  deleted_at timestamptz
);

create index webhook_endpoints_project on webhook_endpoints (project_id) where deleted_at is null;

create table webhook_deliveries (
  -- Also the `webhook-id` header: the same on every attempt, so a receiver can drop repeats.
  id uuid primary key,
  endpoint_id uuid not null references webhook_endpoints (id),
  project_id uuid not null references projects (id),
  -- null for a test event.
  event_id uuid,
  type text not null,
  -- The exact body sent, the same bytes on every attempt.
  payload text not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  -- When a pending delivery is next due. While an attempt runs it is the end of that attempt's
  -- lease: an instance that dies mid-attempt leaves it to be claimed again then.
  next_attempt_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  -- The HTTP status of the last answer, or null when there was none (timeout, refused, …).
  last_status integer,
  last_error text,
  created_at timestamptz not null default now()
);

create index webhook_deliveries_due on webhook_deliveries (next_attempt_at)
  where status = 'pending';
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at);

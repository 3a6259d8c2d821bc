-- A visitor id (concordId) is bound to a secret only the browser that made it holds (issue 22
-- §1): a session for that id needs the secret, so knowing someone's concordId is not enough to
-- speak for them. Only the secret's SHA-256 is kept. A concordId used before this migration has
-- no row: the first session that presents a secret for it binds it.
create table visitor_secrets (
  project_id uuid not null references projects (id),
  concord_id uuid not null,
  secret_hash text not null,
  created_at timestamptz not null,
  primary key (project_id, concord_id)
);
